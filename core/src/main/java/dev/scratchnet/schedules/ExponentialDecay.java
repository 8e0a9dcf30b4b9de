package dev.scratchnet.schedules;

import dev.scratchnet.EpochResult;
import dev.scratchnet.Schedule;
import java.util.List;

/**
 * Exponential decay, once per epoch.
 * <pre>
 *   rate(epoch) = initial · factor^(epoch − 1)
 * </pre>
 * With {@code factor = 0.95} the rate halves about every 14 epochs ({@code 0.95^13.5 ≈ 0.5}).
 */
public final class ExponentialDecay implements Schedule {

    private final double factor;

    /** @param factor the multiplier per epoch, in {@code (0, 1]} */
    public ExponentialDecay(double factor) {
        this.factor = Factors.shrinking("factor", factor);
    }

    @Override
    public double learningRate(int epoch, double initialRate, List<EpochResult> history) {
        return initialRate * Math.pow(factor, epoch - 1);
    }

    @Override
    public String name() {
        return "exponentialDecay(" + factor + ")";
    }

    @Override
    public String toString() {
        return name();
    }
}
