package dev.scratchnet;

import java.util.ArrayList;
import java.util.List;

/** What {@link Network#fit} measured: one entry per epoch run. */
public final class TrainingHistory {

    private final List<EpochResult> results;

    TrainingHistory(List<EpochResult> results) {
        this.results = List.copyOf(results);
    }

    /** How many epochs ran. */
    public int epochs() {
        return results.size();
    }

    /** The training loss after each epoch. */
    public double[] trainLoss() {
        return results.stream().mapToDouble(EpochResult::trainLoss).toArray();
    }

    /** The training accuracy after each epoch (NaN entries when the targets are not classes). */
    public double[] trainAccuracy() {
        return results.stream().mapToDouble(EpochResult::trainAccuracy).toArray();
    }

    /** Every epoch's numbers, in order. */
    public List<EpochResult> results() {
        return new ArrayList<>(results);
    }

    /** The loss after the last epoch. */
    public double finalLoss() {
        if (results.isEmpty()) {
            throw new IllegalStateException("no epoch has run");
        }
        return results.get(results.size() - 1).trainLoss();
    }
}
