package dev.scratchnet.optimizers;

import dev.scratchnet.Parameter;
import dev.scratchnet.buffers.InPlace;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Stochastic gradient descent with (heavy-ball) momentum, the update of
 * {@code torch.optim.SGD(lr, momentum)} with no dampening.
 * <pre>
 *   v ← momentum · v + dW        (v starts at 0, so the first step is plain SGD)
 *   W ← W − learningRate · v
 * </pre>
 * One velocity {@code v} per parameter, the parameter's shape, allocated on its first step and
 * kept here (keyed by the parameter's identity); every step is in place.
 */
public final class Momentum extends StepSize {

    private final double momentum;
    private final Map<Parameter, INDArray> velocities = new IdentityHashMap<>();

    /**
     * @param learningRate finite and {@code > 0}
     * @param momentum     the fraction of the velocity kept each step, in {@code [0, 1)}
     */
    public Momentum(double learningRate, double momentum) {
        super(learningRate);
        this.momentum = Rates.decay("momentum", momentum);
    }

    @Override
    public void step(List<Parameter> parameters) {
        for (Parameter parameter : parameters) {
            INDArray v = velocities.computeIfAbsent(parameter, p -> Nd4j.zerosLike(p.value()));
            v.muli(momentum).addi(parameter.gradient());
            InPlace.axpy(-learningRate(), v, parameter.value());
        }
    }

    @Override
    public String name() {
        return "momentum(" + learningRate() + ", " + momentum + ")";
    }
}
