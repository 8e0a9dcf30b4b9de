package dev.scratchnet.internal;

import dev.scratchnet.buffers.Matrix;
import dev.scratchnet.kernels.Values;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * How many rows of a batch's predictions name the right class, by one plain loop: the argmax of the
 * row (first on ties), or for a single column 1 when {@code p ≥ 0.5}. The same on every backend.
 */
public final class Accuracy {

    private Accuracy() {
    }

    /** The fraction of rows of {@code p} whose predicted class is {@code labels[row]}. */
    public static double of(INDArray p, int[] labels) {
        return (double) correct(p, labels, null, 0) / labels.length;
    }

    /**
     * How many rows of {@code p} predict the class {@code labels[order[from + row]]} (or
     * {@code labels[from + row]} when {@code order} is null).
     */
    public static int correct(INDArray p, int[] labels, int[] order, int from) {
        return correct(Matrix.of(Matrix.readable(p)).values, p.rows(), labels, order, from);
    }

    /** As {@link #correct(INDArray, int[], int[], int)} over the first {@code n} rows of {@code scores}. */
    public static int correct(Values scores, int n, int[] labels, int[] order, int from) {
        int k = scores.columns;
        int correct = 0;
        for (int row = 0; row < n; row++) {
            int predicted;
            if (k == 1) {
                predicted = scores.get(row) >= 0.5 ? 1 : 0;
            } else {
                predicted = 0;
                for (int c = 1; c < k; c++) {
                    if (scores.get(row * k + c) > scores.get(row * k + predicted)) {
                        predicted = c;
                    }
                }
            }
            int index = from + row;
            if (predicted == labels[order == null ? index : order[index]]) {
                correct++;
            }
        }
        return correct;
    }
}
