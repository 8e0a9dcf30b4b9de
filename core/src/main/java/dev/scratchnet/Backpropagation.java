package dev.scratchnet;

import dev.scratchnet.arithmetic.Arithmetic;
import dev.scratchnet.internal.Checks;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@link Network#gradients}: one batch's gradients of the loss training minimises (scaled inputs,
 * scaled targets, no weight decay), checked to be finite and copied out of the layers' buffers.
 */
final class Backpropagation {

    private final List<Layer> layers;
    private final Arithmetic arithmetic;
    private final NetworkInputs inputs;
    private final Scaler scaler;
    private final Scaler targetScaler;
    private final TrainingGuard guard;

    Backpropagation(List<Layer> layers, Arithmetic arithmetic, NetworkInputs inputs, Preprocessing preprocessing,
            TrainingGuard guard) {
        this.layers = layers;
        this.arithmetic = arithmetic;
        this.inputs = inputs;
        this.scaler = preprocessing.scaler();
        this.targetScaler = preprocessing.targetScaler();
        this.guard = guard;
    }

    /** As {@link Network#gradients}. */
    Gradients gradients(INDArray x, INDArray y, Loss loss) {
        Checks.notNull("loss", loss);
        Checks.allFinite("input", Checks.matrix("input", x));
        INDArray targets = inputs.targets(x, y, loss);
        INDArray input = inputs.input(x);
        // gradients of the loss training minimises: scaled inputs, scaled targets
        INDArray scaledInput = scaler == null ? input : scaler.apply(input);
        INDArray scaledTargets = targetScaler == null ? targets : targetScaler.apply(targets);
        Gradients g = guard.run("gradients", () -> backPropagate(scaledInput, scaledTargets, loss));
        for (int i = 0; i < g.numLayers(); i++) {
            inputs.finiteOutputs(g.weights(i), x, "gradient of dense layer " + (i + 1) + " weights");
            inputs.finiteOutputs(g.bias(i), x, "gradient of dense layer " + (i + 1) + " bias");
        }
        return g;
    }

    private Gradients backPropagate(INDArray input, INDArray targets, Loss loss) {
        arithmetic.gradients(input, targets, loss);
        List<INDArray> weights = new ArrayList<>();
        List<INDArray> biases = new ArrayList<>();
        for (Layer layer : layers) {
            weights.add(layer.parameters().get(0).gradient().dup());
            biases.add(layer.parameters().get(1).gradient().dup());
        }
        return new Gradients(weights, biases);
    }
}
