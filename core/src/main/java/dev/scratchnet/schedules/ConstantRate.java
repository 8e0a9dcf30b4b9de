package dev.scratchnet.schedules;

import dev.scratchnet.EpochResult;
import dev.scratchnet.Schedule;
import java.util.List;

/**
 * No schedule: the optimizer's own rate every epoch.
 * <pre>
 *   rate(epoch) = initial
 * </pre>
 */
public final class ConstantRate implements Schedule {

    /** The one instance; the schedule has no settings. */
    public static final ConstantRate INSTANCE = new ConstantRate();

    private ConstantRate() {
    }

    @Override
    public double learningRate(int epoch, double initialRate, List<EpochResult> history) {
        return initialRate;
    }

    @Override
    public String name() {
        return "constant()";
    }

    @Override
    public String toString() {
        return name();
    }
}
