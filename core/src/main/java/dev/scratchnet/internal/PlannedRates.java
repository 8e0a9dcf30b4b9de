package dev.scratchnet.internal;

import dev.scratchnet.Schedule;
import java.util.List;

/** The check every trainer makes of a schedule before the first weight changes. */
public final class PlannedRates {

    private PlannedRates() {
    }

    /**
     * How many planned epochs are checked before training: enough for any schedule's early epochs,
     * few enough to take milliseconds when a fit asks for {@code Integer.MAX_VALUE} epochs and ends
     * by early stopping or a listener. Later epochs are checked as they come (the trainer checks
     * every epoch's rate anyway).
     */
    public static final int CHECKED_AHEAD = 100_000;

    /**
     * Refuses a schedule that would hand out a rate that is not a finite number above 0 in one of the
     * first {@link #CHECKED_AHEAD} of the {@code epochs} planned epochs (read with no history: a
     * schedule that reacts to the history is checked again every epoch).
     */
    public static void require(Schedule schedule, double initialRate, int epochs) {
        for (int epoch = 1; epoch <= Math.min(epochs, CHECKED_AHEAD); epoch++) {
            double planned = schedule.learningRate(epoch, initialRate, List.of());
            if (!(planned > 0) || Double.isInfinite(planned)) {
                throw new IllegalArgumentException("the schedule gives learning rate " + planned + " at epoch " + epoch
                        + " of " + epochs + " (from " + initialRate + "); a learning rate must be > 0 and finite:"
                        + " train fewer epochs or decay more slowly");
            }
        }
    }
}
