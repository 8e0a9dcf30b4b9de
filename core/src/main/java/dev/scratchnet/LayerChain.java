package dev.scratchnet;

import dev.scratchnet.internal.Checks;
import dev.scratchnet.internal.Memory;
import dev.scratchnet.internal.ProcessSettings;
import dev.scratchnet.runtime.files.ModelRules;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What {@link Network.Builder} records — the layers in order, the input width — and the checks and
 * assembly of {@code build()}: sizes that chain, weights that fit in one array and in memory, the
 * initial weights drawn from one seeded generator. Messages name layers from 1 ("dense layer 1").
 */
final class LayerChain {

    private final List<LayerSpec> specs = new ArrayList<>();
    /** The dropout rate after each recorded layer, 0 for none. */
    private final List<Double> dropoutRates = new ArrayList<>();
    private Integer inputWidth;

    /** Records the input width; only before the first layer, and only once. */
    void input(int nIn) {
        Checks.positive("input width", nIn);
        if (!specs.isEmpty()) {
            throw new IllegalStateException("input(" + nIn + ") must come before the first layer");
        }
        if (inputWidth != null) {
            throw new IllegalStateException("input width already set to " + inputWidth + "; input(" + nIn
                    + ") would contradict it");
        }
        this.inputWidth = nIn;
    }

    /** Checks and records one layer. */
    void add(LayerSpec spec) {
        Checks.positive(nextLayerName() + " nOut", spec.nOut());
        Checks.notNull(nextLayerName() + " activation", spec.activation());
        if (spec.weights() == null) {
            Checks.notNull(nextLayerName() + " initializer", spec.initializer());
        }
        specs.add(spec);
        dropoutRates.add(0.0);
    }

    /** Records inverted dropout of {@code rate} after the last recorded layer. */
    void dropout(double rate) {
        ModelRules.requireDropoutRate(rate);
        if (specs.isEmpty()) {
            throw new IllegalStateException("dropout(" + rate + ") drops a layer's outputs, so it must follow a "
                    + "dense(...) layer; there is none yet");
        }
        int last = specs.size() - 1;
        if (dropoutRates.get(last) > 0) {
            throw new IllegalStateException("dense layer " + (last + 1) + " already has dropout("
                    + dropoutRates.get(last) + "); dropout(" + rate + ") after it would contradict it");
        }
        dropoutRates.set(last, rate);
    }

    /** The name messages give the layer the next {@code dense(...)} call adds, e.g. {@code dense layer 3}. */
    String nextLayerName() {
        return "dense layer " + (specs.size() + 1);
    }

    /**
     * The network of the recorded layers, with its initial weights; {@code trainingThreads} as
     * {@code Network.Builder.threads} set it, 0 when it was not called.
     */
    Network build(DataType dataType, long seed, Backend backend, int trainingThreads, Preprocessing preprocessing) {
        if (specs.isEmpty()) {
            throw new IllegalStateException("a network needs at least one layer; add one with dense(...)");
        }
        // the process-wide settings (native threads, headless plots), once, before ND4J does any work
        ProcessSettings.applyOnce();
        List<Layer> layers = new ArrayList<>();
        // one generator for the whole network, so the seed fixes every initial weight
        org.nd4j.linalg.api.rng.Random random = Nd4j.getRandomFactory().getNewRandomInstance(seed);
        Integer previousWidth = inputWidth;
        for (int i = 0; i < specs.size(); i++) {
            LayerSpec spec = specs.get(i);
            int nIn = chainedInputWidth(spec, i, previousWidth);
            requireBuildable(spec, i, nIn, dataType);
            Layer layer = spec.create("dense" + i, nIn, dataType, random);
            requireFiniteWeights(layer, i);
            layers.add(layer);
            previousWidth = spec.nOut();
        }
        preprocessing.requireFits(layers.get(0).nIn(), layers.get(layers.size() - 1).nOut());
        ModelRules.requireNoDropoutAtOutput(dropoutRates.get(dropoutRates.size() - 1), specs.size());
        return new Network(layers, dropoutRates, dataType, seed, backend, trainingThreads, preprocessing);
    }

    /** An initializer with extreme settings, or one of a user's, can draw NaN or infinity: refuse it here. */
    private static void requireFiniteWeights(Layer layer, int index) {
        Checks.firstNonFinite(layer.parameters().get(0).value()).ifPresent(element -> {
            throw new IllegalArgumentException("dense layer " + (index + 1) + " weights drawn by initializer "
                    + layer.initializerName() + " hold " + element.value() + " at row " + element.row() + " column "
                    + element.column() + "; an initializer must draw finite values for the network's "
                    + layer.parameters().get(0).value().dataType() + " weights");
        });
    }

    /** Weights that fit in one array, and explicit weights that fit in the network's data type. */
    private static void requireBuildable(LayerSpec spec, int index, int nIn, DataType dataType) {
        String name = "dense layer " + (index + 1);
        long count = (long) nIn * spec.nOut();
        if (count > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(name + " would hold nIn × nOut = " + nIn + " × " + spec.nOut()
                    + " = " + count + " weights; at most " + (Integer.MAX_VALUE - 8) + " fit in one array");
        }
        // W, b and their gradients live in ND4J's memory: refuse what it cannot give before asking
        Memory.requireNative(name + " weights and their gradients [" + nIn + ", " + spec.nOut() + "]",
                Memory.bytes(2 * (count + spec.nOut()), dataType.width()));
        if (spec.weights() != null) {
            Checks.fitsIn(name + " weights", spec.weights(), dataType);
            Checks.fitsIn(name + " bias", spec.bias(), dataType);
        }
    }

    private static int chainedInputWidth(LayerSpec spec, int index, Integer previousWidth) {
        String name = "dense layer " + (index + 1);
        if (spec.nIn() == null) {
            if (previousWidth == null) {
                throw new IllegalArgumentException(name + " gives only nOut = " + spec.nOut()
                        + "; call input(n) first or use dense(nIn, nOut, activation)");
            }
            return previousWidth;
        }
        if (previousWidth != null && !spec.nIn().equals(previousWidth)) {
            String previous = index == 0 ? "input(" + previousWidth + ") has width " + previousWidth
                    : "layer " + index + " has nOut = " + previousWidth;
            throw new IllegalArgumentException(name + " expects nIn = " + spec.nIn() + " but " + previous);
        }
        return spec.nIn();
    }
}
