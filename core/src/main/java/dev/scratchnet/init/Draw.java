package dev.scratchnet.init;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;

/** Random draws in float64, stored into an array of any floating type. */
final class Draw {

    private Draw() {
    }

    static void uniform(INDArray target, double lo, double hi, Random random) {
        INDArray values = Nd4j.rand(Nd4j.createUninitialized(DataType.DOUBLE, target.shape()), random);
        target.assign(values.muli(hi - lo).addi(lo));
    }

    static void normal(INDArray target, double std, Random random) {
        INDArray values = Nd4j.createUninitialized(DataType.DOUBLE, target.shape());
        target.assign(Nd4j.randn(0.0, std, values, random));
    }
}
