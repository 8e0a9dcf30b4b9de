package dev.scratchnet.spark;

import java.io.Serializable;

/**
 * One partition's share of a step: the mean gradient over the rows of the global batch that it
 * holds, how many rows those were, and the loss and correct count of its predictions on them
 * (made before the update). A partition holding none of the batch's rows sends {@code rows = 0}
 * and no gradient.
 *
 * @param rows     how many of the batch's rows this partition holds
 * @param weight   the sum of those rows' weights (their count when they weigh 1 each), what the
 *                 share counts for in the global batch's weighted means
 * @param loss     the mean loss over those rows
 * @param correct  how many of them were classified right (0 when the targets are not classes)
 * @param gradient the mean gradient over those rows, in {@link FlatParameters}' order, or null for no rows
 */
record PartitionGradient(int rows, double weight, double loss, int correct, double[] gradient) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The share of a partition that holds none of the batch's rows. */
    static PartitionGradient none() {
        return new PartitionGradient(0, 0, 0, 0, null);
    }
}
