package dev.scratchnet.optimizers;

import dev.scratchnet.Optimizer;
import dev.scratchnet.Parameter;
import dev.scratchnet.engine.InPlace;
import dev.scratchnet.internal.Checks;
import java.util.List;

/**
 * Plain stochastic gradient descent.
 * <pre>
 *   W ← W − learningRate · dW
 * </pre>
 * Stateless: one axpy per parameter, in place, nothing allocated.
 */
public final class Sgd implements Optimizer {

    private double learningRate;

    /** @param learningRate the step size; finite and {@code > 0} */
    public Sgd(double learningRate) {
        this.learningRate = Checks.positive("learningRate", learningRate);
    }

    @Override
    public void step(List<Parameter> parameters) {
        for (Parameter parameter : parameters) {
            // axpy: value += (−learningRate) · gradient, in place
            InPlace.axpy(-learningRate, parameter.gradient(), parameter.value());
        }
    }

    @Override
    public double learningRate() {
        return learningRate;
    }

    @Override
    public void setLearningRate(double learningRate) {
        this.learningRate = Checks.positive("learningRate", learningRate);
    }

    @Override
    public String name() {
        return "sgd(" + learningRate + ")";
    }

    @Override
    public String toString() {
        return name();
    }
}
