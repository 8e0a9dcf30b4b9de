package dev.scratchnet;

/**
 * One per-fit concern of a training — early stopping, checkpoints, diagnostics, the divergence
 * guard, the listeners — with its own state, hooked into the moments of {@link TrainingLoop}, as
 * Keras' callbacks and Lightning's hooks are:
 * <pre>
 *   for each epoch:
 *     for each batch:  beforeStep, the step, afterStep
 *     afterEpoch                      (any part may ask to stop)
 *   end            (or diverged, when the loss became NaN or infinite)
 * </pre>
 * Every hook does nothing by default.
 */
interface TrainingPart {

    /** Before the step of batch {@code batch} of {@code batches}: positions {@code [start, end)} of {@code order}. */
    default void beforeStep(int[] order, int start, int end, int batch, int batches) {
    }

    /** After that step, still under the weights' lock. */
    default void afterStep(int batch, int batches) {
    }

    /** After an epoch, once its result is in the history; returns why the training should stop, or null to go on. */
    default StopReason afterEpoch(EpochResult result) {
        return null;
    }

    /** When the training ends without diverging, before the history is made. */
    default void end() {
    }

    /** When the loss became NaN or infinite at {@code batch} of {@code epoch} (0: in validation), at {@code rate}. */
    default void diverged(int epoch, int batch, double rate) {
    }

    /** The history the training returns, with what this part adds to it. */
    default TrainingHistory history(TrainingHistory history) {
        return history;
    }

    /** Frees what the part holds; called once, however the training ended. */
    default void release() {
    }
}
