package dev.scratchnet;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A user's own activation that calls itself "relu" but computes tanh: the op table's facts about
 * ReLU (its formula, its diagnostics, its kernel, its ONNX node) must not be applied to it.
 */
public final class ImpostorRelu implements Activation {

    @Override
    public INDArray forward(INDArray z) {
        return Transforms.tanh(z, true);
    }

    @Override
    public INDArray backward(INDArray z, INDArray a, INDArray gradA) {
        return a.mul(a).rsubi(1.0).muli(gradA);
    }

    @Override
    public String name() {
        return "relu";
    }
}
