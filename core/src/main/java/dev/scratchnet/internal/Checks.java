package dev.scratchnet.internal;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Argument checks that fail with a message naming what was expected and what was given. */
public final class Checks {

    private Checks() {
    }

    /** Fails unless {@code value > 0}. */
    public static int positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be > 0, was " + value);
        }
        return value;
    }

    /** Fails unless {@code value > 0} and finite. */
    public static double positive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be > 0 and finite, was " + value);
        }
        return value;
    }

    /** Fails unless {@code value >= 0} and finite. */
    public static double nonNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be >= 0 and finite, was " + value);
        }
        return value;
    }

    /** Fails unless {@code value} is finite (not NaN, not infinite). */
    public static double finite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number, was " + value);
        }
        return value;
    }

    /** Fails when {@code value} is null. */
    public static <T> T notNull(String name, T value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }

    /** Fails unless {@code array} is a non-null matrix (rank 2) with at least one row and column. */
    public static INDArray matrix(String name, INDArray array) {
        notNull(name, array);
        if (array.rank() != 2) {
            throw new IllegalArgumentException(name + " must be a matrix [rows, columns], was rank "
                    + array.rank() + " with shape " + Shapes.describe(array));
        }
        if (array.rows() == 0 || array.columns() == 0) {
            throw new IllegalArgumentException(name + " must not be empty, was " + Shapes.describe(array));
        }
        return array;
    }

    /** Fails when {@code array} holds a NaN or infinite value, naming its row and column. */
    public static INDArray allFinite(String name, INDArray array) {
        if (array.isNaN().any() || array.isInfinite().any()) {
            double[][] values = array.toDoubleMatrix();
            for (int row = 0; row < values.length; row++) {
                for (int column = 0; column < values[row].length; column++) {
                    double value = values[row][column];
                    if (!Double.isFinite(value)) {
                        throw new IllegalArgumentException(name + " row " + row + " column " + column
                                + " contains " + value + "; all values must be finite");
                    }
                }
            }
        }
        return array;
    }
}
