package dev.scratchnet;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Small float64 arrays for tests, drawn from fixed seeds so every run sees the same numbers. */
public final class TestArrays {

    private static long nextSeed = 12345;

    private TestArrays() {
    }

    /** {@code [rows, columns]} uniform in {@code [lo, hi)}, float64. */
    public static synchronized INDArray uniform(int rows, int columns, double lo, double hi) {
        INDArray values = Nd4j.rand(Nd4j.createUninitialized(DataType.DOUBLE, rows, columns),
                Nd4j.getRandomFactory().getNewRandomInstance(nextSeed++));
        return values.muli(hi - lo).addi(lo);
    }

    /** Uniform in {@code ±[lo, hi)}: random signs, magnitudes kept away from 0 (ReLU's kink). */
    public static INDArray awayFromZero(int rows, int columns, double lo, double hi) {
        INDArray magnitude = uniform(rows, columns, lo, hi);
        INDArray sign = uniform(rows, columns, -1, 1).gt(0).castTo(DataType.DOUBLE).muli(2).subi(1);
        return magnitude.muli(sign);
    }

    /** Rows of probabilities (each row positive, summing to 1), float64. */
    public static INDArray probabilities(int rows, int columns) {
        INDArray values = uniform(rows, columns, 0.1, 1.0);
        return values.diviColumnVector(values.sum(true, 1));
    }

    /** One-hot rows for the given labels, float64. */
    public static INDArray oneHot(int columns, int... labels) {
        INDArray targets = Nd4j.zeros(DataType.DOUBLE, labels.length, columns);
        for (int row = 0; row < labels.length; row++) {
            targets.putScalar(row, labels[row], 1.0);
        }
        return targets;
    }

    /** A float64 matrix from rows of numbers. */
    public static INDArray matrix(double[]... rows) {
        return Nd4j.createFromArray(rows);
    }
}
