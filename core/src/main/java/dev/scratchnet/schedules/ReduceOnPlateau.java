package dev.scratchnet.schedules;

import dev.scratchnet.EpochResult;
import dev.scratchnet.Schedule;
import dev.scratchnet.internal.Checks;
import java.util.List;

/**
 * Reduce on plateau, as Keras' {@code ReduceLROnPlateau} (without cooldown): when the monitored
 * loss has not improved for {@code patience} epochs, multiply the rate by {@code factor}.
 * <pre>
 *   rate ← initial, best ← +∞, wait ← 0
 *   for each epoch run, with monitored loss L (validation loss, or training loss without validation):
 *     if L &lt; best − minDelta:  best ← L, wait ← 0
 *     else if ++wait ≥ patience:  rate ← max(rate · factor, minLearningRate), wait ← 0
 * </pre>
 * The rate is recomputed from the history each epoch, so the schedule keeps no state.
 */
public final class ReduceOnPlateau implements Schedule {

    private final double factor;
    private final int patience;
    private final double minDelta;
    private final double minLearningRate;

    /**
     * @param factor          the multiplier at each reduction, in {@code (0, 1)}
     * @param patience        epochs without improvement before a reduction, {@code > 0}
     * @param minDelta        how much the loss must fall to count as an improvement, {@code ≥ 0}
     * @param minLearningRate the floor of the rate, {@code ≥ 0}
     */
    public ReduceOnPlateau(double factor, int patience, double minDelta, double minLearningRate) {
        if (!(factor > 0 && factor < 1)) {
            throw new IllegalArgumentException("factor must be in (0, 1), was " + factor);
        }
        this.factor = factor;
        this.patience = Checks.positive("patience", patience);
        this.minDelta = Checks.nonNegative("minDelta", minDelta);
        this.minLearningRate = Checks.nonNegative("minLearningRate", minLearningRate);
    }

    @Override
    public double learningRate(int epoch, double initialRate, List<EpochResult> history) {
        double rate = initialRate;
        double best = Double.POSITIVE_INFINITY;
        int wait = 0;
        for (EpochResult result : history) {
            double loss = result.hasValidation() ? result.validationLoss() : result.trainLoss();
            if (loss < best - minDelta) {
                best = loss;
                wait = 0;
            } else if (++wait >= patience) {
                rate = Math.max(rate * factor, minLearningRate);
                wait = 0;
            }
        }
        return rate;
    }

    @Override
    public String name() {
        return "reduceOnPlateau(" + factor + ", " + patience + ", " + minDelta + ", " + minLearningRate + ")";
    }

    @Override
    public String toString() {
        return name();
    }
}
