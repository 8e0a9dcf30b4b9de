package dev.scratchnet;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Early stopping on the validation loss, as Keras' {@code EarlyStopping(patience, min_delta,
 * restore_best_weights=True)}, except that the weights kept are always those of the lowest loss:
 * <pre>
 *   after each epoch, with validation loss L:
 *     if L &lt; lowest:               lowest ← L, snapshot the weights
 *     if L &lt; reference − minDelta:  reference ← L, wait ← 0   else wait ← wait + 1
 *     stop when wait ≥ patience
 *   when training ends, however it ends but by divergence: restore the snapshot
 * </pre>
 */
final class EarlyStopping implements TrainingPart {

    private final int patience;
    private final double minDelta;
    private final WeightsSnapshot best;
    private double lowest = Double.POSITIVE_INFINITY;
    private double reference = Double.POSITIVE_INFINITY;
    private int wait;

    EarlyStopping(int patience, double minDelta, List<Parameter> parameters) {
        this.patience = patience;
        this.minDelta = minDelta;
        this.best = new WeightsSnapshot(parameters);
    }

    /** Records one epoch's validation loss; true when patience has run out. */
    boolean shouldStop(double validationLoss) {
        if (validationLoss < lowest) {
            lowest = validationLoss;
            best.save();
        }
        if (validationLoss < reference - minDelta) {
            reference = validationLoss;
            wait = 0;
        } else {
            wait++;
        }
        return wait >= patience;
    }

    /** What a checkpoint saves: the lowest loss, the reference loss and the epochs waited. */
    double[] counters() {
        return new double[] {lowest, reference, wait};
    }

    /** The weights of the lowest validation loss so far, live. */
    List<INDArray> bestWeights() {
        return best.arrays();
    }

    /** Sets the counters from a checkpoint ({@link #counters()}); the best weights are written into {@link #bestWeights()}. */
    void restoreCounters(double[] counters) {
        lowest = counters[0];
        reference = counters[1];
        wait = (int) counters[2];
    }

    /** Puts back the weights of the lowest validation loss seen. */
    void restoreBest() {
        best.restore();
    }

    @Override
    public StopReason afterEpoch(EpochResult result) {
        return shouldStop(result.validationLoss()) ? StopReason.EARLY_STOPPING : null;
    }

    /** Puts back the best weights however the training ended, but by divergence. */
    @Override
    public void end() {
        restoreBest();
    }
}
