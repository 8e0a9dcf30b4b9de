package dev.scratchnet.internal;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A matrix as Java rows, the values of ND4J's {@code toDoubleMatrix()} and {@code toFloatMatrix()} read
 * through one row-major copy instead of an ND4J call per row (which took most of a second for a few
 * thousand rows).
 */
public final class JavaRows {

    private JavaRows() {
    }

    /** {@code matrix.toDoubleMatrix()}: the same values, bit for bit. */
    public static double[][] doubles(INDArray matrix) {
        int[] shape = shape(matrix);
        double[] values = matrix.dup('c').data().asDouble();
        double[][] rows = new double[shape[0]][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = java.util.Arrays.copyOfRange(values, i * shape[1], (i + 1) * shape[1]);
        }
        return rows;
    }

    /** {@code matrix.toFloatMatrix()}: the same values, bit for bit. */
    public static float[][] floats(INDArray matrix) {
        int[] shape = shape(matrix);
        float[] values = matrix.dup('c').data().asFloat();
        float[][] rows = new float[shape[0]][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = java.util.Arrays.copyOfRange(values, i * shape[1], (i + 1) * shape[1]);
        }
        return rows;
    }

    private static int[] shape(INDArray matrix) {
        if (matrix.rank() != 2 || matrix.length() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("expected a matrix of at most " + Integer.MAX_VALUE
                    + " values, was shape " + Shapes.describe(matrix));
        }
        return new int[] {matrix.rows(), matrix.columns()};
    }
}
