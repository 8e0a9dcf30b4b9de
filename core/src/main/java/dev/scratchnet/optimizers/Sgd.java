package dev.scratchnet.optimizers;

import dev.scratchnet.OptimizerState;
import dev.scratchnet.Parameter;
import dev.scratchnet.buffers.NativeVector;
import java.util.List;

/**
 * Plain stochastic gradient descent.
 * <pre>
 *   W ← W − learningRate · dW
 * </pre>
 * One axpy per parameter, in place. A training's state is only each parameter's pair of native
 * pointers, taken when it starts, so that steps allocate nothing.
 */
public final class Sgd extends StepSize {

    /** @param learningRate the step size; finite and {@code > 0} */
    public Sgd(double learningRate) {
        super(learningRate);
    }

    @Override
    public OptimizerState start(List<Parameter> parameters) {
        NativeVector[] values = new NativeVector[parameters.size()];
        NativeVector[] gradients = new NativeVector[parameters.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = NativeVector.of(parameters.get(i).value());
            gradients[i] = NativeVector.of(parameters.get(i).gradient());
        }
        return new KeptState(List.of(), learningRate -> {
            for (int i = 0; i < values.length; i++) {
                // axpy: value += (−learningRate) · gradient, in place
                NativeVector.axpy(-learningRate, gradients[i], values[i]);
            }
        });
    }

    @Override
    public boolean plainGradientDescent() {
        return true;
    }

    @Override
    public String name() {
        return "sgd(" + learningRate() + ")";
    }
}
