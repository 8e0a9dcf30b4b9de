package dev.scratchnet;

import dev.scratchnet.optimizers.Sgd;
import java.util.List;

/**
 * Updates parameters from their gradients. An optimizer keeps whatever state it needs (velocity,
 * moments) itself, keyed by parameter, never in a layer; the factories return a fresh instance
 * each time, so do not share one between networks.
 */
public interface Optimizer {

    /** Plain stochastic gradient descent {@code W ← W − learningRate · dW}; {@code learningRate > 0}. */
    static Optimizer sgd(double learningRate) {
        return new Sgd(learningRate);
    }

    /** Updates every parameter's value in place from its gradient. */
    void step(List<Parameter> parameters);

    /** The step size currently in use. */
    double learningRate();

    /** The name messages and summaries use, e.g. {@code sgd(0.01)}. */
    String name();
}
