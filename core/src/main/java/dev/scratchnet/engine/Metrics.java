package dev.scratchnet.engine;

import dev.scratchnet.Loss;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Loss and accuracy of a whole data set's predictions by plain loops, for the once-per-epoch
 * measurement during training: one pass over the numbers instead of a chain of ND4J calls.
 */
public final class Metrics {

    private Metrics() {
    }

    /** {@code loss.value(p, y)} by the loss's loop when it has one, else by {@code loss.value} itself. */
    public static double loss(Loss loss, INDArray p, INDArray y) {
        LossKernel kernel = LossKernel.of(loss);
        if (kernel == null || !Engine.fastEnabled() || !Matrix.canWrap(p) || !Matrix.canWrap(y)
                || p.dataType() != y.dataType()) {
            return loss.value(p, y);
        }
        return kernel.value(Matrix.of(p), Matrix.of(y), p.rows());
    }

    /**
     * The fraction of rows of {@code p} whose predicted class is {@code labels[row]}: the argmax of the
     * row (first on ties), or for a single column 1 when {@code p ≥ 0.5}.
     */
    public static double accuracy(INDArray p, int[] labels) {
        return (double) correct(p, labels, null, 0) / labels.length;
    }

    /**
     * How many rows of {@code p} predict the class {@code labels[order[from + row]]} (or
     * {@code labels[from + row]} when {@code order} is null).
     */
    public static int correct(INDArray p, int[] labels, int[] order, int from) {
        return correct(Matrix.of(Matrix.canWrap(p) ? p : p.dup('c')), p.rows(), labels, order, from);
    }

    static int correct(Matrix scores, int n, int[] labels, int[] order, int from) {
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
