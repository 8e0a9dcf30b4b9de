package dev.scratchnet.losses;

import dev.scratchnet.Loss;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Any loss with a weight per row: the weighted mean of the rows' losses over the batch, as PyTorch
 * defines {@code cross_entropy(p, y, weight=w)} ({@code reduction='mean'}):
 * <pre>
 *   L = Σᵢ wᵢ·lᵢ / Σᵢ wᵢ                lᵢ = the loss of row i alone (the loss of a batch of one row)
 *   dL/dpᵢ = (n·wᵢ / Σ w) · (dL/dp)ᵢ      (dL/dp)ᵢ = row i of the unweighted gradient, which holds 1/n
 * </pre>
 * For cross-entropy {@code lᵢ = −Σ_c y_ic·log p_ic}, and with {@code wᵢ} the weight of row i's class
 * this is torch's {@code weight}; for the losses that average over the outputs too (MSE,
 * binary cross-entropy, Huber) {@code lᵢ} is the row's mean over its outputs, and the weighting is
 * the same. All weights 1 give the plain mean. Since softmax's backward pass is linear in
 * {@code dL/dp} and row by row, the same row factors scale the fused softmax + cross-entropy
 * gradient {@code dL/dz}. A batch whose weights sum to 0 has loss 0 and moves nothing.
 * <p>
 * The weights are read at {@code weights[order[from + i]]} for row i of a batch: the batches of an
 * epoch take the training rows in {@code order}.
 */
public final class WeightedMean {

    private WeightedMean() {
    }

    /** {@code Σ wᵢ·lᵢ / Σ wᵢ} over the rows of {@code p} and {@code y}. */
    public static double value(Loss loss, INDArray p, INDArray y, double[] weights, int[] order, int from) {
        double weighted = 0;
        double total = 0;
        for (int i = 0; i < p.rows(); i++) {
            double w = weights[order[from + i]];
            if (w != 0) {
                INDArray pRow = p.get(NDArrayIndex.interval(i, i + 1), NDArrayIndex.all());
                INDArray yRow = y.get(NDArrayIndex.interval(i, i + 1), NDArrayIndex.all());
                weighted += w * loss.value(pRow, yRow);
            }
            total += w;
        }
        return total > 0 ? weighted / total : 0;
    }

    /** Multiplies row i of the unweighted batch gradient {@code gradient} by {@code n·wᵢ / Σ w}, in place. */
    public static INDArray scaleRows(INDArray gradient, double[] weights, int[] order, int from) {
        int n = gradient.rows();
        double[] factors = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            factors[i] = weights[order[from + i]];
            total += factors[i];
        }
        for (int i = 0; i < n; i++) {
            factors[i] = total > 0 ? n * factors[i] / total : 0;
        }
        INDArray column = Nd4j.createFromArray(factors).reshape(n, 1).castTo(gradient.dataType());
        return gradient.muliColumnVector(column);
    }
}
