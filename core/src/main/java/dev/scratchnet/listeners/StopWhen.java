package dev.scratchnet.listeners;

import dev.scratchnet.EpochResult;
import dev.scratchnet.TrainingListener;
import java.util.function.Predicate;

/** Asks training to stop once an epoch's result meets a condition, e.g. {@code r -> r.trainLoss() < 0.01}. */
public final class StopWhen implements TrainingListener {

    private final Predicate<EpochResult> condition;
    private boolean met;

    /** @param condition tested on every epoch's result */
    public StopWhen(Predicate<EpochResult> condition) {
        this.condition = condition;
    }

    @Override
    public void onTrainingStart() {
        met = false;
    }

    @Override
    public void onEpochEnd(EpochResult result) {
        met = met || condition.test(result);
    }

    @Override
    public boolean stopRequested() {
        return met;
    }
}
