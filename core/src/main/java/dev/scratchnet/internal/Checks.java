package dev.scratchnet.internal;

import dev.scratchnet.buffers.Matrix;
import dev.scratchnet.kernels.Values;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

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

    /**
     * Fails when {@code array} holds a NaN or infinite value, naming its row and column.
     * <p>
     * Cheap on clean data: one sum, which is finite whenever every element is (a NaN or an
     * infinity makes it NaN or infinite). Only when the sum is not finite, which also happens when
     * large finite values overflow it, do the exact element tests run, and only when one of them
     * finds something are the rows read one by one to name the first offending element.
     */
    public static INDArray allFinite(String name, INDArray array) {
        firstNonFinite(array).ifPresent(element -> {
            throw new IllegalArgumentException(name + " row " + element.row() + " column " + element.column()
                    + " contains " + element.value() + "; all values must be finite");
        });
        return array;
    }

    /** Where an array holds a value that is not finite, and the value. */
    public record Element(int row, int column, double value) {
    }

    /**
     * The first NaN or infinite element of {@code array} in row order, or empty. Cheap on clean data
     * (see {@link #allFinite}); the rows are read one by one only when there is something to find.
     */
    public static java.util.Optional<Element> firstNonFinite(INDArray array) {
        if (!array.dataType().isFPType() || array.isEmpty() || Finite.likely(array)) {
            return java.util.Optional.empty();
        }
        if (!array.isNaN().any() && !array.isInfinite().any()) {
            return java.util.Optional.empty();
        }
        INDArray matrix = array.rank() == 2 ? array : array.reshape(1, array.length());
        int columns = matrix.columns();
        for (int first = 0; first < matrix.rows(); first += ROW_BLOCK) {
            double[] values = rowBlock(matrix, first);
            for (int k = 0; k < values.length; k++) {
                if (!Double.isFinite(values[k])) {
                    return java.util.Optional.of(new Element(first + k / columns, k % columns, values[k]));
                }
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * Fails unless every value of {@code array} lies in {@code [0, 1]}, naming the first row and
     * column that does not; {@code why} says who needs it (for example the loss).
     */
    public static INDArray unitInterval(String name, INDArray array, String why) {
        if (inUnitInterval(array)) {
            return array;
        }
        INDArray matrix = array.rank() == 2 ? array : array.reshape(1, array.length());
        int columns = matrix.columns();
        for (int first = 0; first < matrix.rows(); first += ROW_BLOCK) {
            double[] values = rowBlock(matrix, first);
            for (int k = 0; k < values.length; k++) {
                if (!(values[k] >= 0 && values[k] <= 1)) {
                    throw new IllegalArgumentException(name + " row " + (first + k / columns) + " column "
                            + k % columns + " is " + values[k] + " but " + why + " needs values in [0, 1]");
                }
            }
        }
        return array;
    }

    /**
     * Whether every element lies in [0, 1] (false for NaN): one Java pass over an array the fast path
     * can wrap, which took a third to a half of the time of ND4J's minimum and maximum from 2,560 to
     * 2,000,000 elements (BENCHMARKS.md, "The targets' range check"); else those two reductions and a sum
     * for NaN.
     */
    private static boolean inUnitInterval(INDArray array) {
        if (array.length() <= Integer.MAX_VALUE && Matrix.canWrap(array)) {
            Values values = Matrix.of(array).values;
            for (int i = 0, end = (int) values.length(); i < end; i++) {
                double value = values.get(i);
                if (!(value >= 0 && value <= 1)) {
                    return false;
                }
            }
            return true;
        }
        // ND4J's minimum and maximum pass over NaN; a sum of values in [0, 1] cannot overflow
        return array.minNumber().doubleValue() >= 0 && array.maxNumber().doubleValue() <= 1 && Finite.likely(array);
    }

    /**
     * Fails when {@code array} holds a value too large in magnitude for {@code dataType} (a float64
     * value beyond float32's range would become infinite when cast), naming its row and column.
     */
    public static INDArray fitsIn(String name, INDArray array, org.nd4j.linalg.api.buffer.DataType dataType) {
        if (dataType != org.nd4j.linalg.api.buffer.DataType.FLOAT
                || array.dataType() != org.nd4j.linalg.api.buffer.DataType.DOUBLE
                || array.amaxNumber().doubleValue() <= Float.MAX_VALUE) {
            return array;
        }
        INDArray matrix = array.rank() == 2 ? array : array.reshape(1, array.length());
        int columns = matrix.columns();
        for (int first = 0; first < matrix.rows(); first += ROW_BLOCK) {
            double[] values = rowBlock(matrix, first);
            for (int k = 0; k < values.length; k++) {
                if (Math.abs(values[k]) > Float.MAX_VALUE) {
                    throw new IllegalArgumentException(name + " row " + (first + k / columns) + " column "
                            + k % columns + " is " + values[k] + ", beyond the float32 range (±" + Float.MAX_VALUE
                            + ") of the network; scale the data or build the network with dataType(DOUBLE)");
                }
            }
        }
        return array;
    }

    /**
     * Rows searched for a bad value in one copy: a copy of a row at a time made an ND4J call per row (most of
     * a second for some thousands), a copy of the whole array could double a large input's memory.
     */
    private static final int ROW_BLOCK = 1024;

    /** Rows {@code first} to {@code first + ROW_BLOCK} (or the last) of {@code matrix}, row by row, as doubles. */
    private static double[] rowBlock(INDArray matrix, int first) {
        int last = Math.min(matrix.rows(), first + ROW_BLOCK);
        return matrix.get(NDArrayIndex.interval(first, last), NDArrayIndex.all()).dup('c').data().asDouble();
    }
}
