package dev.scratchnet.optimizers;

import dev.scratchnet.OptimizerState;
import dev.scratchnet.Parameter;
import dev.scratchnet.internal.Checks;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Adam with decoupled weight decay (Loshchilov and Hutter, 2019), the update of
 * {@code torch.optim.AdamW}: the weights shrink first, then Adam steps on the unchanged gradient.
 * <pre>
 *   W ← W − learningRate · λ · W          decoupled decay (weights only, not biases)
 *   then the {@link Adam} update of W from dW, m and v
 * </pre>
 * Unlike {@code Fit.Builder.l2}, which adds {@code λ·W} to the gradient (and so passes through
 * Adam's division by √v), the decay here is a plain shrink by {@code 1 − learningRate·λ} per step.
 * As with {@code l2}, only parameters that decay (weights) shrink; biases do not — torch's
 * {@code AdamW} over a parameter group of weights with {@code weight_decay = λ} and one of biases
 * with {@code weight_decay = 0}.
 */
public final class AdamW extends StepSize {

    /** torch's default decay factor λ for {@code AdamW}. */
    public static final double DEFAULT_WEIGHT_DECAY = 0.01;

    private final Adam adam;
    private final double weightDecay;
    /** The moment settings in the name, e.g. {@code ", 0.5, 0.8, 0.001"}; empty for the defaults. */
    private final String moments;

    /**
     * @param learningRate finite and {@code > 0}
     * @param weightDecay  λ, finite and {@code ≥ 0}
     * @param beta1        decay of the first moment, in {@code [0, 1)}
     * @param beta2        decay of the second moment, in {@code [0, 1)}
     * @param epsilon      added to the denominator, finite and {@code > 0}
     */
    public AdamW(double learningRate, double weightDecay, double beta1, double beta2, double epsilon) {
        super(learningRate);
        this.adam = new Adam(learningRate, beta1, beta2, epsilon);
        this.weightDecay = Checks.nonNegative("weightDecay", weightDecay);
        boolean defaults = beta1 == Adam.DEFAULT_BETA1 && beta2 == Adam.DEFAULT_BETA2 && epsilon == Adam.DEFAULT_EPSILON;
        this.moments = defaults ? "" : ", " + beta1 + ", " + beta2 + ", " + epsilon;
    }

    @Override
    public OptimizerState start(List<Parameter> parameters) {
        List<INDArray> decaying = new ArrayList<>();
        for (Parameter parameter : parameters) {
            if (parameter.decays()) {
                decaying.add(parameter.value());
            }
        }
        OptimizerState adamState = adam.start(parameters);
        return new KeptState(adamState.arrays(), learningRate -> {
            double keep = 1 - learningRate * weightDecay;
            for (INDArray value : decaying) {
                value.muli(keep);
            }
            adamState.step(learningRate);
        }) {
            @Override
            public long steps() {
                return adamState.steps();
            }

            @Override
            public void restoreSteps(long steps) {
                adamState.restoreSteps(steps);
            }
        };
    }

    @Override
    public String name() {
        return "adamW(" + learningRate() + ", " + weightDecay + moments + ")";
    }
}
