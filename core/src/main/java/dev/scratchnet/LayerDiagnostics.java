package dev.scratchnet;

import dev.scratchnet.internal.Checks;

/**
 * What {@link Fit.Builder#diagnostics(boolean)} measured in one dense layer during one epoch. The
 * numbers come from a sample of the epoch's batches (up to {@value Diagnostics#BATCHES_PER_EPOCH},
 * spread evenly over it; every batch when there are fewer), measured before and after their step:
 * <pre>
 *   gradientNorm   ‖dW‖, the Frobenius norm of the weights' gradient of the batch loss (before
 *                  clipping and weight decay, rows unweighted), averaged over the sampled batches
 *   updateRatio    ‖ΔW‖ / ‖W‖ of one step (ΔW = W after − W before), averaged over the sampled steps;
 *                  about 1e-3 is the usual healthy size
 *   weightNorm     ‖W‖ after the epoch
 *   neverFired     ReLU and leaky ReLU layers: the share of units whose pre-activation z was ≤ 0 on
 *                  every sampled row of the epoch (a = 0); NaN for other activations
 *   saturated      sigmoid and tanh layers: the share of the layer's units that are saturated on a row,
 *                  averaged over the sampled rows of the epoch, a unit being saturated on a row when its
 *                  activation lies within {@value Diagnostics#SATURATION_DISTANCE} of an asymptote — tanh
 *                  |a| &gt; 0.99, sigmoid a &lt; 0.01 or a &gt; 0.99, where f'(z) is below 0.02 and 0.01;
 *                  NaN for other activations
 * </pre>
 * The activations come from a forward pass without dropout over the sampled batch's rows.
 *
 * @param epoch        the epoch, counting from 1
 * @param layer        the dense layer as people count it, from 1 ("dense layer 1")
 * @param identifier   the layer's identifier, counting from 0 ({@code dense0})
 * @param activation   the layer's activation's name
 * @param gradientNorm mean ‖dW‖ over the sampled batches
 * @param updateRatio  mean ‖ΔW‖ / ‖W‖ over the sampled steps (NaN when ‖W‖ was 0)
 * @param weightNorm   ‖W‖ after the epoch
 * @param neverFired   share in [0, 1] of units that never fired, or NaN
 * @param saturated    share in [0, 1] of saturated units, averaged over the rows, or NaN
 */
public record LayerDiagnostics(int epoch, int layer, String identifier, String activation, double gradientNorm,
                               double updateRatio, double weightNorm, double neverFired, double saturated) {

    /** Checks the counts and names. */
    public LayerDiagnostics {
        Checks.positive("epoch", epoch);
        Checks.positive("layer", layer);
        Checks.notNull("identifier", identifier);
        Checks.notNull("activation", activation);
    }

    /** The layer as sentences name it: {@code dense layer 1}. */
    public String layerName() {
        return "dense layer " + layer;
    }
}
