package dev.scratchnet.schedules;

import dev.scratchnet.EpochResult;
import dev.scratchnet.Schedule;
import dev.scratchnet.internal.Checks;
import java.util.List;

/**
 * A linear warm-up in front of another schedule: the rate climbs in equal steps for
 * {@code epochs} epochs, then the other schedule runs as if training began there.
 * <pre>
 *   rate(epoch) = initial · epoch / (epochs + 1)                          for epoch ≤ epochs
 *   rate(epoch) = after.rate(epoch − epochs, initial, history after the warm-up)   afterwards
 * </pre>
 * With 4 warm-up epochs the rates are 0.2, 0.4, 0.6, 0.8 times the initial one, then {@code after}'s
 * first epoch. This is torch's
 * {@code SequentialLR([LinearLR(start_factor=1/(epochs+1), total_iters=epochs), after], milestones=[epochs])}.
 * A schedule that reacts to the losses ({@code reduceOnPlateau}) sees only the epochs after the warm-up.
 */
public final class WarmUp implements Schedule {

    private final int epochs;
    private final Schedule after;

    /**
     * @param epochs warm-up epochs, {@code > 0}
     * @param after  the schedule from epoch {@code epochs + 1} on
     */
    public WarmUp(int epochs, Schedule after) {
        this.epochs = Checks.positive("warm-up epochs", epochs);
        this.after = Checks.notNull("schedule after the warm-up", after);
    }

    @Override
    public double learningRate(int epoch, double initialRate, List<EpochResult> history) {
        if (epoch <= epochs) {
            return initialRate * epoch / (epochs + 1);
        }
        List<EpochResult> since = history.subList(Math.min(epochs, history.size()), history.size());
        return after.learningRate(epoch - epochs, initialRate, since);
    }

    @Override
    public String name() {
        return "warmUp(" + epochs + ", " + after.name() + ")";
    }

    @Override
    public String toString() {
        return name();
    }
}
