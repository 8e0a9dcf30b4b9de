package dev.scratchnet.arithmetic;

/**
 * The batches of one fit on one backend: each call runs rows {@code [from, to)} of the epoch's
 * order forward and back. The loss and the correct count it reports are those of the predictions
 * made before any update, from the forward pass the gradients need anyway.
 */
public interface Trainer {

    /** Starts an epoch whose batches take the training rows in {@code order}. */
    void startEpoch(int[] order);

    /** Fills every layer's dW and db with the batch's gradient; returns the batch's loss. */
    double gradients(int from, int to);

    /** Whether {@link #sgdStep} is on offer: plain SGD fused into the backward products. */
    boolean offersFusedSgd();

    /**
     * One plain SGD step with weight decay {@code l2} on the batch, the update fused into the
     * gradient products; returns the batch's loss. The layers' dW and db are not written.
     */
    double sgdStep(int from, int to, double learningRate, double l2);

    /** How many rows of the last batch were predicted as {@code labels} (indexed by training row) say. */
    int lastBatchCorrect(int[] labels);

    /**
     * Frees what this trainer allocated for the fit (buffers, not the network's parameters or the
     * data) as soon as the fit ends; it is not used after. By default nothing to free.
     */
    default void release() {
    }
}
