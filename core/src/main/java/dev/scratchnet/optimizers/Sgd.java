package dev.scratchnet.optimizers;

import dev.scratchnet.Parameter;
import dev.scratchnet.buffers.NativeVector;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plain stochastic gradient descent.
 * <pre>
 *   W ← W − learningRate · dW
 * </pre>
 * One axpy per parameter, in place. The only state is each parameter's pair of native pointers,
 * taken at its first step, so that later steps allocate nothing.
 */
public final class Sgd extends StepSize {

    private final Map<Parameter, NativeVector[]> vectors = new IdentityHashMap<>();

    /** @param learningRate the step size; finite and {@code > 0} */
    public Sgd(double learningRate) {
        super(learningRate);
    }

    @Override
    public void step(List<Parameter> parameters) {
        for (int i = 0; i < parameters.size(); i++) {
            // an indexed loop: an iterator would be an allocation per step
            Parameter parameter = parameters.get(i);
            NativeVector[] valueAndGradient = vectors.computeIfAbsent(parameter, Sgd::vectorsOf);
            // axpy: value += (−learningRate) · gradient, in place
            NativeVector.axpy(-learningRate(), valueAndGradient[1], valueAndGradient[0]);
        }
    }

    private static NativeVector[] vectorsOf(Parameter parameter) {
        return new NativeVector[] {NativeVector.of(parameter.value()), NativeVector.of(parameter.gradient())};
    }

    @Override
    public String name() {
        return "sgd(" + learningRate() + ")";
    }
}
