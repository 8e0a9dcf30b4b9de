package dev.scratchnet;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plain-language warnings from the {@link LayerDiagnostics} of each epoch, each raised once per
 * layer and kind (its first occurrence), logged at WARN and kept in order. The kinds, with the
 * word a reader or a tool can search for and when it is raised:
 * <pre>
 *   "never fired"    ≥ 50 % of a ReLU or leaky-ReLU layer's units never had z &gt; 0 in the epoch
 *   "saturated"      ≥ 50 % of a hidden sigmoid or tanh layer's activations saturated over the
 *                    epoch (see LayerDiagnostics); an output layer's saturation is confidence, not a fault
 *   "learning rate"  a mean update ratio ‖ΔW‖/‖W‖ above 0.1, a hundred times the usual 1e-3
 *   "exploding"      a layer's ‖dW‖ became NaN or infinite, or grew to ≥ 100 times its first value;
 *                    or the loss became NaN or infinite (the layer whose ‖dW‖ grew most is named)
 *   "vanishing"      a hidden layer's ‖dW‖ below 1e-4 of the output layer's, unless a layer
 *                    from it to the output has ReLUs that never fired or the output layer's
 *                    gradients are exploding (those warnings explain it)
 * </pre>
 */
final class DiagnosticWarnings {

    private static final Logger LOG = LoggerFactory.getLogger(DiagnosticWarnings.class);

    static final double NEVER_FIRED_SHARE = 0.5;
    static final double SATURATED_SHARE = 0.5;
    static final double UPDATE_RATIO = 0.1;
    static final double GRADIENT_GROWTH = 100;
    static final double VANISHING_RATIO = 1e-4;

    private final Network network;
    private final List<String> sentences = new ArrayList<>();
    /** "layer:kind" of every warning raised, so each is raised once. */
    private final Set<String> raised = new HashSet<>();

    DiagnosticWarnings(Network network) {
        this.network = network;
    }

    /**
     * Raises the warnings of one epoch's records (one per layer, in order); {@code growth} is each
     * layer's largest ‖dW‖ of the epoch over its first of the training (NaN when unknown).
     */
    void check(List<LayerDiagnostics> epoch, double[] growth, double learningRate) {
        int last = epoch.size() - 1;
        for (LayerDiagnostics d : epoch) {
            int i = d.layer() - 1;
            int units = network.layer(i).nOut();
            if (d.neverFired() >= NEVER_FIRED_SHARE) {
                raise(d, "never fired", String.format(Locale.ROOT, "%s: %.0f %% of its %d ReLUs never fired in epoch %d "
                        + "(z ≤ 0 on every row measured), so they pass no gradient and stop learning; lower the "
                        + "learning rate, use He initialisation with biases at 0, or try leaky-relu",
                        d.layerName(), 100 * d.neverFired(), units, d.epoch()));
            }
            if (i < last && d.saturated() >= SATURATED_SHARE) {
                raise(d, "saturated", String.format(Locale.ROOT, "%s: %.0f %% of its %d %s units' outputs were saturated "
                        + "in epoch %d (within %.2f of their limits), where their gradient is almost 0; use "
                        + "smaller initial weights (Xavier), scale the inputs, or try relu",
                        d.layerName(), 100 * d.saturated(), units, d.activation(), d.epoch(),
                        Diagnostics.SATURATION_DISTANCE));
            }
            if (d.updateRatio() > UPDATE_RATIO) {
                raise(d, "learning rate", String.format(Locale.ROOT, "%s: each step changed the weights by %.3g of "
                        + "their size in epoch %d (‖ΔW‖/‖W‖; about 0.001 is healthy), far too much; lower the "
                        + "learning rate (now %s) about %.0f-fold", d.layerName(), d.updateRatio(), d.epoch(),
                        learningRate, Math.pow(10, Math.floor(Math.log10(d.updateRatio() / 1e-3)))));
            }
            if (!Double.isFinite(d.gradientNorm()) || growth[i] >= GRADIENT_GROWTH) {
                raise(d, "exploding", String.format(Locale.ROOT, "%s: the gradients were exploding in epoch %d "
                        + "(‖dW‖ %s, %s its first value); lower the learning rate (now %s), clip the "
                        + "gradients (clipNorm) or use smaller initial weights", d.layerName(), d.epoch(),
                        String.format(Locale.ROOT, "%.3g", d.gradientNorm()),
                        Double.isFinite(growth[i]) ? String.format(Locale.ROOT, "%.3g times", growth[i]) : "not comparable to",
                        learningRate));
            }
            double output = epoch.get(last).gradientNorm();
            // an exploding output layer dwarfs every other: that is its own warning
            boolean outputExploding = !Double.isFinite(output) || growth[last] >= GRADIENT_GROWTH;
            if (i < last && output > 0 && !outputExploding && d.gradientNorm() < VANISHING_RATIO * output
                    && !deadFrom(epoch, i)) {
                raise(d, "vanishing", String.format(Locale.ROOT, "%s: the gradients were vanishing in epoch %d "
                        + "(‖dW‖ %.3g, %.2g of the output layer's %.3g), so it hardly learns; use relu, He or Xavier "
                        + "initialisation instead of small weights, or fewer layers", d.layerName(), d.epoch(),
                        d.gradientNorm(), d.gradientNorm() / output, output));
            }
        }
    }

    /**
     * The "exploding" warning of a training whose loss became NaN or infinite at {@code batch} of
     * {@code epoch}, naming {@code layer} (from 1), whose ‖dW‖ grew {@code growth}-fold (NaN: unknown).
     */
    void diverged(int layer, int epoch, int batch, double growth, double learningRate) {
        String grew = Double.isFinite(growth) && growth > 1
                ? String.format(Locale.ROOT, " after its ‖dW‖ grew %.3g-fold", growth) : "";
        raise(layer, "exploding", String.format(Locale.ROOT, "dense layer %d: the gradients were exploding: the loss "
                + "became infinite or NaN in epoch %d%s%s; lower the learning rate (now %s) or clip the "
                + "gradients (clipNorm)", layer, epoch, batch > 0 ? ", batch " + batch : " (validation)", grew,
                learningRate));
    }

    /** The warnings raised so far, in order. */
    List<String> sentences() {
        return List.copyOf(sentences);
    }

    /** Whether a layer from {@code from} up to the output has ReLUs that never fired (a warning of its own). */
    private static boolean deadFrom(List<LayerDiagnostics> epoch, int from) {
        return epoch.subList(from, epoch.size()).stream().anyMatch(d -> d.neverFired() >= NEVER_FIRED_SHARE);
    }

    private void raise(LayerDiagnostics d, String kind, String sentence) {
        raise(d.layer(), kind, sentence);
    }

    private void raise(int layer, String kind, String sentence) {
        if (raised.add(layer + ":" + kind)) {
            sentences.add(sentence);
            LOG.warn(sentence);
        }
    }
}
