package dev.scratchnet;

import dev.scratchnet.internal.Checks;
import dev.scratchnet.listeners.ProgressBarListener;
import dev.scratchnet.listeners.StopWhen;
import java.io.PrintStream;
import java.util.function.Predicate;

/**
 * Called by {@link Network#fit} as training goes. The one abstract method is the epoch-end event,
 * so a lambda is a listener:
 * {@code listener(r -> System.out.printf("epoch %d  loss %.4f%n", r.epoch(), r.trainLoss()))}.
 * <p>
 * The other events are default methods that do nothing. Events come in this order:
 * {@code onEpochStart}, {@code onBatchEnd} for every batch (only when {@link #wantsBatches()}),
 * {@code onEpochEnd}, and after the last epoch {@code onTrainingEnd} (also when training diverged).
 * After every batch and epoch event, {@link Network#fit} asks each listener {@link #stopRequested()};
 * one {@code true} ends training after the current epoch has been measured.
 */
@FunctionalInterface
public interface TrainingListener {

    /** One epoch has finished; {@code result} holds its numbers. */
    void onEpochEnd(EpochResult result);

    /** An epoch is about to start. */
    default void onEpochStart(EpochStart start) {
    }

    /**
     * Whether this listener wants {@link #onBatchEnd} events. Measuring a batch's loss costs one
     * loss evaluation per step, so training does it only when some listener says yes.
     */
    default boolean wantsBatches() {
        return false;
    }

    /** A gradient step has been taken (only called when {@link #wantsBatches()}). */
    default void onBatchEnd(BatchResult batch) {
    }

    /**
     * A fit begins, before its first epoch. Listeners that keep state between events (a stop
     * condition already met, a progress bar) reset it here, so one listener, and one {@link Fit},
     * can serve another training.
     */
    default void onTrainingStart() {
    }

    /** Training has ended; {@code history} says how far it got and why it stopped. */
    default void onTrainingEnd(TrainingHistory history) {
    }

    /** Whether this listener asks training to stop; polled after every event it receives. */
    default boolean stopRequested() {
        return false;
    }

    /**
     * A console progress bar on standard error: epoch, batch, running loss and ETA, one bar per
     * epoch. It draws only when the JVM runs in a terminal, so logs and pipes stay clean.
     */
    static TrainingListener progressBar() {
        return ProgressBarListener.onConsole(false);
    }

    /** As {@link #progressBar()}, drawing nothing at all when {@code quiet} is true (e.g. a {@code --quiet} flag). */
    static TrainingListener progressBar(boolean quiet) {
        return ProgressBarListener.onConsole(quiet);
    }

    /** A progress bar that always draws to {@code out}, terminal or not (plain lines when it is a file). */
    static TrainingListener progressBar(PrintStream out) {
        return ProgressBarListener.on(Checks.notNull("out", out));
    }

    /** A listener that asks training to stop after the first epoch whose result meets {@code condition}. */
    static TrainingListener stopWhen(Predicate<EpochResult> condition) {
        return new StopWhen(Checks.notNull("condition", condition));
    }
}
