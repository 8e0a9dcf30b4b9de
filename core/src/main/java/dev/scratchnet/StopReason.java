package dev.scratchnet;

/** Why {@link Network#fit} stopped; see {@link TrainingHistory#stopReason()}. */
public enum StopReason {
    /** Every epoch asked for has run. */
    COMPLETED,
    /** The validation loss stopped improving for {@code patience} epochs; the best weights were restored. */
    EARLY_STOPPING,
    /** The loss became NaN or infinite; the history of a {@link TrainingDivergedException} carries this. */
    DIVERGED,
    /** A {@link TrainingListener} asked to stop. */
    STOPPED_BY_LISTENER,
    /**
     * The training thread was interrupted: training stopped before the next batch, the network keeps
     * the weights of the last complete batch, and the thread's interrupt flag is still set.
     */
    INTERRUPTED
}
