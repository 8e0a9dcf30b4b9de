package dev.scratchnet;

import dev.scratchnet.optimizers.Adam;
import dev.scratchnet.optimizers.Momentum;
import dev.scratchnet.optimizers.Nesterov;
import dev.scratchnet.optimizers.RmsProp;
import dev.scratchnet.optimizers.Sgd;
import java.util.List;

/**
 * Updates parameters from their gradients. An optimizer keeps whatever state it needs (velocity,
 * moments) itself, keyed by parameter, never in a layer; the factories return a fresh instance
 * each time, so do not share one between networks. Each update rule is the one of the
 * {@code torch.optim} class of the same name (with weight decay left to {@link Fit.Builder#l2}),
 * and its formula is in the doc comment of the class behind the factory.
 */
public interface Optimizer {

    /** Plain stochastic gradient descent {@code W ← W − learningRate · dW}; {@code learningRate > 0}. */
    static Optimizer sgd(double learningRate) {
        return new Sgd(learningRate);
    }

    /**
     * SGD with momentum, as {@code torch.optim.SGD(lr, momentum)}:
     * {@code v ← momentum · v + dW;  W ← W − learningRate · v}, with {@code 0 ≤ momentum < 1}.
     */
    static Optimizer momentum(double learningRate, double momentum) {
        return new Momentum(learningRate, momentum);
    }

    /**
     * SGD with Nesterov momentum, as {@code torch.optim.SGD(lr, momentum, nesterov=True)}:
     * {@code v ← momentum · v + dW;  W ← W − learningRate · (dW + momentum · v)}.
     */
    static Optimizer nesterov(double learningRate, double momentum) {
        return new Nesterov(learningRate, momentum);
    }

    /** Adam with the defaults of Kingma and Ba (2015) and of torch: β1 = 0.9, β2 = 0.999, ε = 1e-8. */
    static Optimizer adam(double learningRate) {
        return new Adam(learningRate, Adam.DEFAULT_BETA1, Adam.DEFAULT_BETA2, Adam.DEFAULT_EPSILON);
    }

    /**
     * Adam, bias-corrected, as {@code torch.optim.Adam(lr, betas=(beta1, beta2), eps=epsilon)}:
     * <pre>
     *   m ← β1·m + (1 − β1)·dW          v ← β2·v + (1 − β2)·dW²
     *   W ← W − learningRate · (m / (1 − β1ᵗ)) / (√(v / (1 − β2ᵗ)) + ε)
     * </pre>
     * with {@code 0 ≤ beta1, beta2 < 1} and {@code epsilon > 0}; {@code t} counts steps from 1.
     */
    static Optimizer adam(double learningRate, double beta1, double beta2, double epsilon) {
        return new Adam(learningRate, beta1, beta2, epsilon);
    }

    /** RMSprop with torch's defaults ρ = 0.99, ε = 1e-8: {@code v ← ρ·v + (1 − ρ)·dW²;  W ← W − lr·dW / (√v + ε)}. */
    static Optimizer rmsProp(double learningRate) {
        return new RmsProp(learningRate, RmsProp.DEFAULT_RHO, RmsProp.DEFAULT_EPSILON);
    }

    /** RMSprop with decay {@code 0 ≤ rho < 1} and {@code epsilon > 0} (torch calls rho {@code alpha}). */
    static Optimizer rmsProp(double learningRate, double rho, double epsilon) {
        return new RmsProp(learningRate, rho, epsilon);
    }

    /** Updates every parameter's value in place from its gradient. */
    void step(List<Parameter> parameters);

    /** The step size currently in use. */
    double learningRate();

    /**
     * Changes the step size for the following steps; a {@link Schedule} does this before every
     * epoch, and {@link Network#fit} puts the original rate back when it returns.
     */
    void setLearningRate(double learningRate);

    /** The name messages and summaries use, e.g. {@code sgd(0.01)}. */
    String name();
}
