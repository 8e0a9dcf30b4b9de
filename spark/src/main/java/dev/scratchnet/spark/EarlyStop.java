package dev.scratchnet.spark;

import dev.scratchnet.Parameter;
import java.util.List;

/**
 * Early stopping on the validation loss, with the rule {@code Network.fit} follows (Keras'
 * {@code EarlyStopping(patience, min_delta, restore_best_weights=True)}, the weights kept always
 * those of the lowest loss), over flat weight vectors:
 * <pre>
 *   after each epoch, with validation loss L:
 *     if L &lt; lowest:               lowest ← L, keep a copy of the weights
 *     if L &lt; reference − minDelta:  reference ← L, wait ← 0   else wait ← wait + 1
 *     stop when wait ≥ patience
 * </pre>
 */
final class EarlyStop {

    private final int patience;
    private final double minDelta;
    private double lowest = Double.POSITIVE_INFINITY;
    private double reference = Double.POSITIVE_INFINITY;
    private int wait;
    private double[] best;

    EarlyStop(int patience, double minDelta) {
        this.patience = patience;
        this.minDelta = minDelta;
    }

    /** Records one epoch's validation loss with the weights that gave it; true when patience has run out. */
    boolean shouldStop(double validationLoss, List<Parameter> parameters) {
        if (validationLoss < lowest || best == null) {
            lowest = validationLoss;
            best = FlatParameters.values(parameters);
        }
        if (validationLoss < reference - minDelta) {
            reference = validationLoss;
            wait = 0;
        } else {
            wait++;
        }
        return wait >= patience;
    }

    /** The weights of the lowest validation loss seen. */
    double[] best() {
        return best;
    }
}
