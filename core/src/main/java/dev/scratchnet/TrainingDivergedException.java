package dev.scratchnet;

/**
 * Thrown by {@link Network#fit} when the loss becomes NaN or infinite. The network keeps the
 * weights of the last epoch whose loss was finite (its initial weights when that is none), and
 * {@link #history()} holds the epochs before, with {@link StopReason#DIVERGED}.
 */
public final class TrainingDivergedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final int epoch;
    private final int batch;
    private final transient TrainingHistory history;

    /**
     * For training loops outside {@link Network#fit} (scratchnet-spark's driver): {@code message}
     * says what diverged where, {@code batch} is 0 when it was not a batch (a validation loss),
     * {@code history} holds the epochs before.
     */
    public TrainingDivergedException(String message, int epoch, int batch, TrainingHistory history) {
        super(message);
        this.epoch = epoch;
        this.batch = batch;
        this.history = history;
    }

    /** The epoch whose loss was not finite, counting from 1. */
    public int epoch() {
        return epoch;
    }

    /** The batch whose loss was not finite, counting from 1, or 0 when only the epoch's loss was measured. */
    public int batch() {
        return batch;
    }

    /** The epochs that ran with a finite loss, with stop reason {@link StopReason#DIVERGED}. */
    public TrainingHistory history() {
        return history;
    }
}
