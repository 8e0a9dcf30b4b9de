package dev.scratchnet.schedules;

import dev.scratchnet.EpochResult;
import dev.scratchnet.Schedule;
import dev.scratchnet.internal.Checks;
import java.util.List;

/**
 * Cosine annealing, as {@code torch.optim.lr_scheduler.CosineAnnealingLR(T_max, eta_min)} stepped
 * once per epoch (its closed form):
 * <pre>
 *   t = epoch − 1
 *   rate(epoch) = minRate + (initial − minRate) · (1 + cos(π · t / period)) / 2
 * </pre>
 * The rate starts at the optimizer's and falls along half a cosine to {@code minRate}, reached at
 * {@code t = period}; past it the curve rises again, as torch's does. With {@code minRate = 0} the
 * rate of {@code t = period} is 0, which a fit refuses: give a fit of {@code period} epochs (or
 * fewer) such a schedule, or a {@code minRate > 0}.
 */
public final class Cosine implements Schedule {

    private final int period;
    private final double minRate;

    /**
     * @param period  torch's {@code T_max}: epochs from the initial rate down to {@code minRate}, {@code > 0}
     * @param minRate torch's {@code eta_min}, the lowest rate, finite and {@code ≥ 0}
     */
    public Cosine(int period, double minRate) {
        this.period = Checks.positive("period", period);
        this.minRate = Checks.nonNegative("minRate", minRate);
    }

    @Override
    public double learningRate(int epoch, double initialRate, List<EpochResult> history) {
        int t = epoch - 1;
        return minRate + (initialRate - minRate) * (1 + Math.cos(Math.PI * t / period)) / 2;
    }

    @Override
    public String name() {
        return "cosine(" + period + ", " + minRate + ")";
    }

    @Override
    public String toString() {
        return name();
    }
}
