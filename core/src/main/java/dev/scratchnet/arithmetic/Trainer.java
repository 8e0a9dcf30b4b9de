package dev.scratchnet.arithmetic;

/**
 * The batches of one fit on one backend: each call runs rows {@code [from, to)} of the epoch's
 * order forward and back. The loss and the correct count it reports are those of the predictions
 * made before any update, from the forward pass the gradients need anyway.
 */
public interface Trainer {

    /**
     * Starts epoch {@code epoch} (from 1, counted over the whole training, a resumed one included)
     * whose batches take the training rows in {@code order}; the row at position {@code p} draws the
     * dropout masks of training row {@code maskRows[p]} of {@code rows} ({@link DropoutMasks}).
     * {@code fit} passes {@code order} itself; a worker of a distributed training, whose rows are
     * some of the training's, passes their numbers among all of them.
     */
    void startEpoch(int epoch, int[] order, int[] maskRows, int rows);

    /**
     * {@link #startEpoch(int, int[], int[], int)} for a trainer that holds all the training rows:
     * each row draws its own masks.
     */
    default void startEpoch(int epoch, int[] order) {
        startEpoch(epoch, order, order, order.length);
    }

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
