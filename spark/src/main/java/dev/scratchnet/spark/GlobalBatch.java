package dev.scratchnet.spark;

import java.util.List;

/**
 * One step's global batch, put together from the partitions' shares: with rows of weight
 * {@code w_p} in all (their count {@code n_p} when the rows weigh 1 each), mean gradient {@code g_p}
 * and mean loss {@code L_p} from partition p, and {@code w = Σ w_p},
 * <pre>
 *   gradient = Σ_p (w_p / w) · g_p        the (weighted) mean gradient over all the batch's rows
 *   loss     = Σ_p (w_p / w) · L_p        the (weighted) mean loss over all the batch's rows
 *   correct  = Σ_p correct_p
 * </pre>
 * summed in float64, in partition order, so the same shares always give the same numbers bit for
 * bit, whichever task finished first. With one partition the weight is exactly 1 and the gradient
 * is that partition's, unrounded.
 *
 * @param rows     n, the rows of the global batch
 * @param loss     the mean loss of the predictions made before the update
 * @param correct  how many rows were classified right (0 when the targets are not classes)
 * @param gradient the mean gradient, in {@link FlatParameters}' order
 */
record GlobalBatch(int rows, double loss, int correct, double[] gradient) {

    /** The batch of {@code shares}, in partition order; {@code length} numbers in the gradient. */
    static GlobalBatch of(List<PartitionGradient> shares, int length) {
        int rows = 0;
        double weight = 0;
        for (PartitionGradient share : shares) {
            rows += share.rows();
            weight += share.weight();
        }
        if (rows == 0) {
            throw new IllegalStateException("no partition holds a row of this batch");
        }
        double[] gradient = new double[length];
        double loss = 0;
        int correct = 0;
        for (PartitionGradient share : shares) {
            if (share.rows() == 0) {
                continue;
            }
            double part = share.weight() / weight;
            double[] shared = share.gradient();
            for (int i = 0; i < length; i++) {
                gradient[i] += part * shared[i];
            }
            loss += part * share.loss();
            correct += share.correct();
        }
        return new GlobalBatch(rows, loss, correct, gradient);
    }
}
