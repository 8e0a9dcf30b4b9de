package dev.scratchnet.kernels;

/**
 * The loops of {@code dev.scratchnet.losses.WeightedMean}, a loss with a weight per row:
 * {@code L = Σᵢ wᵢ·lᵢ / Σ w} and {@code dL/dpᵢ = (n·wᵢ / Σ w)·(dL/dp)ᵢ}, with the weights read at
 * {@code weights[order[from + i]]}. The row views are made once for a batch capacity, so a step
 * allocates nothing.
 */
public final class WeightedMeanKernel {

    private final Values[] predictionRows;
    private final Values[] targetRows;

    /** Row views of the output buffer {@code p} and the target buffer {@code y} (same rows). */
    public WeightedMeanKernel(Values p, Values y) {
        predictionRows = new Values[p.rows];
        targetRows = new Values[y.rows];
        for (int row = 0; row < p.rows; row++) {
            predictionRows[row] = p.rowBlock(row, row + 1);
            targetRows[row] = y.rowBlock(row, row + 1);
        }
    }

    /** {@code Σ wᵢ·lᵢ / Σ w} over the first {@code n} rows, each {@code lᵢ} by {@code loss}'s loop. */
    public double value(LossKernel loss, double[] weights, int[] order, int from, int n) {
        double weighted = 0;
        double total = 0;
        for (int i = 0; i < n; i++) {
            double w = weights[order[from + i]];
            if (w != 0) {
                weighted += w * loss.value(predictionRows[i], targetRows[i], 1);
            }
            total += w;
        }
        return total > 0 ? weighted / total : 0;
    }

    /** Multiplies row i of the first {@code n} rows of {@code gradient} by {@code n·wᵢ / Σ w}, in place. */
    public static void scaleRows(Values gradient, double[] weights, int[] order, int from, int n) {
        double total = 0;
        for (int i = 0; i < n; i++) {
            total += weights[order[from + i]];
        }
        int k = gradient.columns;
        for (int i = 0; i < n; i++) {
            double factor = total > 0 ? n * weights[order[from + i]] / total : 0;
            for (int c = i * k; c < (i + 1) * k; c++) {
                gradient.set(c, gradient.get(c) * factor);
            }
        }
    }
}
