package dev.scratchnet.schedules;

import dev.scratchnet.EpochResult;
import dev.scratchnet.Schedule;
import dev.scratchnet.internal.Checks;
import java.util.List;

/**
 * Step decay: the rate drops by a constant factor every few epochs.
 * <pre>
 *   rate(epoch) = initial · factor^⌊(epoch − 1) / every⌋
 * </pre>
 * With {@code every = 10, factor = 0.5}: epochs 1–10 use the initial rate, 11–20 half of it, and so on.
 */
public final class StepDecay implements Schedule {

    private final int every;
    private final double factor;

    /**
     * @param every  epochs between drops, {@code > 0}
     * @param factor the multiplier at each drop, in {@code (0, 1]}
     */
    public StepDecay(int every, double factor) {
        this.every = Checks.positive("every", every);
        this.factor = Factors.shrinking("factor", factor);
    }

    @Override
    public double learningRate(int epoch, double initialRate, List<EpochResult> history) {
        return initialRate * Math.pow(factor, (epoch - 1) / every);
    }

    @Override
    public String name() {
        return "stepDecay(" + every + ", " + factor + ")";
    }

    @Override
    public String toString() {
        return name();
    }
}
