package dev.scratchnet.spark;

import java.io.Serializable;

/**
 * One partition's round of parameter averaging: how many rows its local steps took, the sum over
 * those steps of (batch loss × batch rows) and of correct classifications, and where its weights and
 * optimizer state ended.
 *
 * @param rows    the rows of the round's local steps (0 when the partition had no step left this epoch)
 * @param lossSum Σ over the steps of the batch's mean loss times its rows (NaN or infinite on divergence)
 * @param correct rows classified right, each counted before its step's update (0 without classes)
 * @param state   the partition's weights and optimizer state after its steps, or null with no rows
 * @param nanos   how long the partition worked on the round, loading and saving the state included
 */
record RoundShare(int rows, double lossSum, int correct, ModelState state, long nanos) implements Serializable {

    private static final long serialVersionUID = 1L;

    static RoundShare none() {
        return new RoundShare(0, 0, 0, null, 0);
    }
}
