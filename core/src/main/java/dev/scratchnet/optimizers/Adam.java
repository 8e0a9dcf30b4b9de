package dev.scratchnet.optimizers;

import dev.scratchnet.OptimizerState;
import dev.scratchnet.Parameter;
import dev.scratchnet.buffers.InPlace;
import dev.scratchnet.internal.Checks;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Adam (Kingma and Ba, 2015), bias-corrected, the update of {@code torch.optim.Adam}.
 * <pre>
 *   t ← t + 1
 *   m ← β1·m + (1 − β1)·dW                 first moment, the running mean of dW
 *   v ← β2·v + (1 − β2)·dW²                second moment, the running mean of dW² (element-wise)
 *   W ← W − learningRate · (m / (1 − β1ᵗ)) / (√(v / (1 − β2ᵗ)) + ε)
 * </pre>
 * ε is added after the square root, as torch does (Keras adds it to the bias-corrected rate
 * instead). A training's state, per parameter: {@code m}, {@code v}, a scratch array and the step
 * count {@code t}, allocated when it starts; every step is in place.
 */
public final class Adam extends StepSize {

    /** β1, the paper's and torch's default. */
    public static final double DEFAULT_BETA1 = 0.9;
    /** β2, the paper's and torch's default. */
    public static final double DEFAULT_BETA2 = 0.999;
    /** ε, the paper's and torch's default. */
    public static final double DEFAULT_EPSILON = 1e-8;

    private final double beta1;
    private final double beta2;
    private final double epsilon;

    /** The moments of one parameter and a scratch array of its shape. */
    private static final class Moments {
        final INDArray m;
        final INDArray v;
        final INDArray scratch;
        int t;

        Moments(INDArray value) {
            m = Nd4j.zerosLike(value);
            v = Nd4j.zerosLike(value);
            scratch = Nd4j.zerosLike(value);
        }
    }

    /**
     * @param learningRate finite and {@code > 0}
     * @param beta1        decay of the first moment, in {@code [0, 1)}
     * @param beta2        decay of the second moment, in {@code [0, 1)}
     * @param epsilon      added to the denominator, finite and {@code > 0}
     */
    public Adam(double learningRate, double beta1, double beta2, double epsilon) {
        super(learningRate);
        this.beta1 = Rates.decay("beta1", beta1);
        this.beta2 = Rates.decay("beta2", beta2);
        this.epsilon = Checks.positive("epsilon", epsilon);
    }

    @Override
    public OptimizerState start(List<Parameter> parameters) {
        List<Moments> moments = parameters.stream().map(p -> new Moments(p.value())).toList();
        List<INDArray> arrays = new ArrayList<>();
        for (Moments m : moments) {
            arrays.add(m.m);
            arrays.add(m.v);
        }
        return new KeptState(arrays, learningRate -> {
            for (int i = 0; i < moments.size(); i++) {
                step(parameters.get(i), moments.get(i), learningRate);
            }
        }) {
            @Override
            public long steps() {
                return moments.isEmpty() ? 0 : moments.get(0).t;
            }

            @Override
            public void restoreSteps(long steps) {
                moments.forEach(m -> m.t = Math.toIntExact(steps));
            }
        };
    }

    private void step(Parameter parameter, Moments state, double learningRate) {
        INDArray dW = parameter.gradient();
        state.t++;
        // moments
        state.m.muli(beta1);
        InPlace.axpy(1 - beta1, dW, state.m);
        INDArray squared = state.scratch.assign(dW).muli(dW);
        state.v.muli(beta2);
        InPlace.axpy(1 - beta2, squared, state.v);
        // update: W −= (learningRate / (1 − β1ᵗ)) · m / (√v / √(1 − β2ᵗ) + ε)
        double correction1 = 1 - Math.pow(beta1, state.t);
        double correction2 = 1 - Math.pow(beta2, state.t);
        INDArray denominator = Transforms.sqrt(state.scratch.assign(state.v), false)
                .divi(Math.sqrt(correction2)).addi(epsilon);
        INDArray direction = denominator.rdivi(state.m);
        InPlace.axpy(-learningRate / correction1, direction, parameter.value());
    }

    @Override
    public String name() {
        return "adam(" + learningRate() + ", " + beta1 + ", " + beta2 + ", " + epsilon + ")";
    }
}
