package dev.scratchnet.optimizers;

import dev.scratchnet.OptimizerState;
import dev.scratchnet.Parameter;
import dev.scratchnet.buffers.InPlace;
import dev.scratchnet.internal.Checks;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * RMSprop (Hinton, Coursera lecture 6e), the update of {@code torch.optim.RMSprop} without
 * momentum or centering.
 * <pre>
 *   v ← ρ·v + (1 − ρ)·dW²          the running mean of dW² (element-wise)
 *   W ← W − learningRate · dW / (√v + ε)
 * </pre>
 * A training's state, per parameter: {@code v} and a scratch array, allocated when it starts; every
 * step is in place.
 */
public final class RmsProp extends StepSize {

    /** ρ, torch's default ({@code alpha = 0.99}; Keras uses 0.9). */
    public static final double DEFAULT_RHO = 0.99;
    /** ε, torch's default. */
    public static final double DEFAULT_EPSILON = 1e-8;

    private final double rho;
    private final double epsilon;

    /** The running mean of one parameter and a scratch array of its shape. */
    private record Buffers(INDArray v, INDArray scratch) {
    }

    /**
     * @param learningRate finite and {@code > 0}
     * @param rho          decay of the running mean, in {@code [0, 1)}
     * @param epsilon      added to the denominator, finite and {@code > 0}
     */
    public RmsProp(double learningRate, double rho, double epsilon) {
        super(learningRate);
        this.rho = Rates.decay("rho", rho);
        this.epsilon = Checks.positive("epsilon", epsilon);
    }

    @Override
    public OptimizerState start(List<Parameter> parameters) {
        List<Buffers> state = parameters.stream()
                .map(p -> new Buffers(Nd4j.zerosLike(p.value()), Nd4j.zerosLike(p.value()))).toList();
        return new KeptState(state.stream().map(Buffers::v).toList(), learningRate -> {
            for (int i = 0; i < state.size(); i++) {
                step(parameters.get(i), state.get(i), learningRate);
            }
        });
    }

    private void step(Parameter parameter, Buffers buffers, double learningRate) {
        INDArray v = buffers.v();
        INDArray dW = parameter.gradient();
        INDArray squared = buffers.scratch().assign(dW).muli(dW);
        v.muli(rho);
        InPlace.axpy(1 - rho, squared, v);
        INDArray denominator = Transforms.sqrt(buffers.scratch().assign(v), false).addi(epsilon);
        InPlace.axpy(-learningRate, denominator.rdivi(dW), parameter.value());
    }

    @Override
    public String name() {
        return "rmsProp(" + learningRate() + ", " + rho + ", " + epsilon + ")";
    }
}
