package dev.scratchnet.internal;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Row-wise argmax: the class a row of scores or one-hot targets stands for. */
public final class Argmax {

    private Argmax() {
    }

    /** The column index of the largest value of each row of {@code matrix [n, k]}; ties go to the first. */
    public static int[] ofRows(INDArray matrix) {
        if (matrix.columns() == 1) {
            // one output: a probability of class 1, so the class is 1 when p ≥ 0.5
            return matrix.gte(0.5).castTo(org.nd4j.linalg.api.buffer.DataType.INT32).toIntVector();
        }
        return Nd4j.argMax(matrix, 1).castTo(org.nd4j.linalg.api.buffer.DataType.INT32).toIntVector();
    }
}
