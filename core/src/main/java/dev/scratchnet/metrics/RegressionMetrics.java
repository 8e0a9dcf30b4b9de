package dev.scratchnet.metrics;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Errors of real-valued predictions {@code p [n, k]} against targets {@code y [n, k]}, computed in
 * float64 and averaged uniformly over the k outputs, as scikit-learn's defaults do.
 * <pre>
 *   MSE = mean over rows and outputs of (p − y)²
 *   MAE = mean over rows and outputs of |p − y|
 *   R²  = mean over outputs j of 1 − Σ_i (y_ij − p_ij)² / Σ_i (y_ij − ȳ_j)²
 * </pre>
 * An output whose targets are constant has R² = 1 when it is predicted exactly, else 0
 * (scikit-learn's {@code force_finite=True}).
 *
 * @param meanSquaredError  MSE
 * @param meanAbsoluteError MAE
 * @param r2                the coefficient of determination
 */
public record RegressionMetrics(double meanSquaredError, double meanAbsoluteError, double r2) {

    /** Compares {@code predictions} with {@code targets}; both {@code [n, k]}, same shape, n ≥ 1. */
    public static RegressionMetrics of(INDArray targets, INDArray predictions) {
        if (targets.rank() != 2 || !java.util.Arrays.equals(targets.shape(), predictions.shape()) || targets.rows() == 0) {
            throw new IllegalArgumentException("targets and predictions must be non-empty matrices of one shape, were "
                    + java.util.Arrays.toString(targets.shape()) + " and " + java.util.Arrays.toString(predictions.shape()));
        }
        double[][] y = dev.scratchnet.internal.JavaRows.doubles(targets);
        double[][] p = dev.scratchnet.internal.JavaRows.doubles(predictions);
        int n = y.length;
        int outputs = y[0].length;
        double squared = 0;
        double absolute = 0;
        double r2Sum = 0;
        for (int j = 0; j < outputs; j++) {
            double mean = 0;
            for (double[] row : y) {
                mean += row[j];
            }
            mean /= n;
            double residual = 0;
            double total = 0;
            for (int i = 0; i < n; i++) {
                double error = p[i][j] - y[i][j];
                squared += error * error;
                absolute += Math.abs(error);
                residual += error * error;
                total += (y[i][j] - mean) * (y[i][j] - mean);
            }
            r2Sum += total != 0 ? 1 - residual / total : (residual == 0 ? 1.0 : 0.0);
        }
        double count = (double) n * outputs;
        return new RegressionMetrics(squared / count, absolute / count, r2Sum / outputs);
    }
}
