package dev.scratchnet;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The gradients of a loss with respect to every layer's weights and bias, as computed by
 * {@link Network#gradients}: copies, shaped like the parameters themselves.
 */
public final class Gradients {

    private final List<INDArray> weights;
    private final List<INDArray> biases;

    Gradients(List<INDArray> weights, List<INDArray> biases) {
        this.weights = List.copyOf(weights);
        this.biases = List.copyOf(biases);
    }

    /** {@code dL/dW} of layer {@code layer} (from 0), {@code [nIn, nOut]}. */
    public INDArray weights(int layer) {
        return weights.get(checkedIndex(layer));
    }

    /** {@code dL/db} of layer {@code layer} (from 0), {@code [1, nOut]}. */
    public INDArray bias(int layer) {
        return biases.get(checkedIndex(layer));
    }

    /** How many layers these gradients cover. */
    public int numLayers() {
        return weights.size();
    }

    private int checkedIndex(int layer) {
        if (layer < 0 || layer >= weights.size()) {
            throw new IllegalArgumentException("layer index must be in [0, " + weights.size() + "), was " + layer);
        }
        return layer;
    }
}
