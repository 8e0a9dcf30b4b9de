package dev.scratchnet;

import dev.scratchnet.optimizers.Adam;
import dev.scratchnet.optimizers.AdamW;
import dev.scratchnet.optimizers.Momentum;
import dev.scratchnet.optimizers.Nesterov;
import dev.scratchnet.optimizers.RmsProp;
import dev.scratchnet.optimizers.Sgd;
import java.util.List;

/**
 * How parameters are updated from their gradients: immutable settings (the update rule and its
 * configured learning rate), as Tribuo's {@code StochasticGradientOptimiser} separates them. Each
 * fit asks {@link #start} for a fresh {@link OptimizerState} over the network's parameters —
 * velocities and moments live there, never in the optimizer or a layer — and passes the scheduled
 * learning rate to every step. So one optimizer, and one {@link Fit} holding it, can be reused for
 * another training or shared by trainings running at the same time. Each update rule is the one of
 * the {@code torch.optim} class of the same name (with weight decay left to {@link Fit.Builder#l2}),
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

    /**
     * AdamW, as {@code torch.optim.AdamW(lr, weight_decay=weightDecay)} with Adam's default β1, β2
     * and ε: decoupled weight decay, then the Adam update,
     * <pre>
     *   W ← W − learningRate · weightDecay · W          (weights only, not biases)
     *   m ← β1·m + (1 − β1)·dW          v ← β2·v + (1 − β2)·dW²
     *   W ← W − learningRate · (m / (1 − β1ᵗ)) / (√(v / (1 − β2ᵗ)) + ε)
     * </pre>
     * The decay follows the scheduled rate, as torch's does; {@code weightDecay ≥ 0} (torch's default is 0.01).
     */
    static Optimizer adamW(double learningRate, double weightDecay) {
        return new AdamW(learningRate, weightDecay, Adam.DEFAULT_BETA1, Adam.DEFAULT_BETA2, Adam.DEFAULT_EPSILON);
    }

    /** AdamW with explicit moment decays and ε, as {@code torch.optim.AdamW(lr, betas, eps, weight_decay)}. */
    static Optimizer adamW(double learningRate, double weightDecay, double beta1, double beta2, double epsilon) {
        return new AdamW(learningRate, weightDecay, beta1, beta2, epsilon);
    }

    /** RMSprop with torch's defaults ρ = 0.99, ε = 1e-8: {@code v ← ρ·v + (1 − ρ)·dW²;  W ← W − lr·dW / (√v + ε)}. */
    static Optimizer rmsProp(double learningRate) {
        return new RmsProp(learningRate, RmsProp.DEFAULT_RHO, RmsProp.DEFAULT_EPSILON);
    }

    /** RMSprop with decay {@code 0 ≤ rho < 1} and {@code epsilon > 0} (torch calls rho {@code alpha}). */
    static Optimizer rmsProp(double learningRate, double rho, double epsilon) {
        return new RmsProp(learningRate, rho, epsilon);
    }

    /**
     * A fresh state for one training of {@code parameters}, allocated now; its steps take the
     * learning rate of the moment. An optimizer written before states existed (one that implements
     * only {@link #step(List)}) keeps working: its state is its own and it steps at its own rate.
     */
    default OptimizerState start(List<Parameter> parameters) {
        return learningRate -> step(parameters);
    }

    /**
     * Whether the update is plain gradient descent {@code W ← W − learningRate · dW}, which a backend
     * may fuse into its gradient products (see {@code Fit}'s training loop); false unless an
     * optimizer says so.
     */
    default boolean plainGradientDescent() {
        return false;
    }

    /** The configured learning rate: the rate of every step, unless a {@link Schedule} derives another per epoch. */
    double learningRate();

    /**
     * Updates every parameter's value in place from its gradient at the configured rate, keeping a
     * state inside this optimizer between calls.
     *
     * @deprecated optimizers are settings now: use {@code start(parameters)} once and
     *             {@link OptimizerState#step(double)} per step; fits do so already
     */
    @Deprecated
    default void step(List<Parameter> parameters) {
        throw new UnsupportedOperationException(name() + " steps through start(parameters).step(learningRate)");
    }

    /**
     * Formerly changed the step size in place.
     *
     * @deprecated optimizers are immutable settings: make another ({@code Optimizer.sgd(rate)}) or give the
     *             fit a {@link Schedule}; this method always throws
     * @throws UnsupportedOperationException always
     */
    @Deprecated
    default void setLearningRate(double learningRate) {
        throw new UnsupportedOperationException("optimizers are immutable settings; make a new one with the rate "
                + learningRate + " (e.g. Optimizer.sgd(" + learningRate + ")) or give the fit a Schedule");
    }

    /** The name messages and summaries use, e.g. {@code sgd(0.01)}. */
    String name();
}
