package dev.scratchnet;

import dev.scratchnet.schedules.ConstantRate;
import dev.scratchnet.schedules.Cosine;
import dev.scratchnet.schedules.ExponentialDecay;
import dev.scratchnet.schedules.ReduceOnPlateau;
import dev.scratchnet.schedules.StepDecay;
import dev.scratchnet.schedules.WarmUp;
import java.util.List;

/**
 * A learning-rate schedule: before every epoch, {@link Network#fit} asks it for the rate and hands
 * that to the optimizer. A schedule is a pure function of the epoch, the optimizer's initial rate
 * and the epochs already run, so one instance may be shared. Set one with
 * {@link Fit.Builder#schedule(Schedule)}; the rate used in each epoch is in
 * {@link EpochResult#learningRate()}.
 */
public interface Schedule {

    /** The optimizer's own rate, every epoch (the default). */
    static Schedule constant() {
        return ConstantRate.INSTANCE;
    }

    /** {@code rate = initial · factor^⌊(epoch − 1) / every⌋}: multiplied by {@code factor} every {@code every} epochs. */
    static Schedule stepDecay(int every, double factor) {
        return new StepDecay(every, factor);
    }

    /** {@code rate = initial · factor^(epoch − 1)}: multiplied by {@code factor} every epoch. */
    static Schedule exponentialDecay(double factor) {
        return new ExponentialDecay(factor);
    }

    /**
     * Keras' {@code ReduceLROnPlateau}: multiplies the rate by {@code factor} whenever the
     * validation loss (the training loss when there is no validation data) has not improved for
     * {@code patience} epochs; any decrease counts as an improvement, and the rate has no floor.
     */
    static Schedule reduceOnPlateau(double factor, int patience) {
        return new ReduceOnPlateau(factor, patience, 0, 0);
    }

    /**
     * As {@link #reduceOnPlateau(double, int)}, where only a decrease by more than {@code minDelta}
     * counts as an improvement and the rate never goes below {@code minLearningRate}.
     */
    static Schedule reduceOnPlateau(double factor, int patience, double minDelta, double minLearningRate) {
        return new ReduceOnPlateau(factor, patience, minDelta, minLearningRate);
    }

    /**
     * Cosine annealing down to 0 over {@code period} epochs, torch's {@code CosineAnnealingLR(T_max=period)}:
     * {@code rate = initial · (1 + cos(π · (epoch − 1) / period)) / 2}. Its rate at epoch
     * {@code period + 1} is 0, so train at most {@code period} epochs with it.
     */
    static Schedule cosine(int period) {
        return new Cosine(period, 0);
    }

    /**
     * Cosine annealing down to {@code minRate} over {@code period} epochs, torch's
     * {@code CosineAnnealingLR(T_max=period, eta_min=minRate)}:
     * {@code rate = minRate + (initial − minRate) · (1 + cos(π · (epoch − 1) / period)) / 2}.
     */
    static Schedule cosine(int period, double minRate) {
        return new Cosine(period, minRate);
    }

    /**
     * A linear warm-up of {@code epochs} epochs in front of {@code after}: {@code initial · epoch / (epochs + 1)}
     * for the first {@code epochs} epochs, then {@code after} as if training started at epoch {@code epochs + 1}.
     */
    static Schedule warmUp(int epochs, Schedule after) {
        return new WarmUp(epochs, after);
    }

    /** This schedule behind a linear warm-up of {@code epochs} epochs: {@code Schedule.warmUp(epochs, this)}. */
    default Schedule withWarmUp(int epochs) {
        return new WarmUp(epochs, this);
    }

    /**
     * The learning rate for {@code epoch}.
     *
     * @param epoch       the epoch about to run, counting from 1
     * @param initialRate the optimizer's learning rate when {@code fit} began
     * @param history     the epochs already run, in order ({@code epoch − 1} entries)
     */
    double learningRate(int epoch, double initialRate, List<EpochResult> history);

    /** The name messages use, e.g. {@code stepDecay(10, 0.5)}. */
    String name();
}
