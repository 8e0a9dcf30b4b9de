package dev.scratchnet.optimizers;

import dev.scratchnet.Parameter;
import dev.scratchnet.buffers.InPlace;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Stochastic gradient descent with Nesterov momentum, the update of
 * {@code torch.optim.SGD(lr, momentum, nesterov=True)} (Sutskever et al., 2013, in the form
 * that needs only the gradient at the current weights).
 * <pre>
 *   v ← momentum · v + dW
 *   W ← W − learningRate · (dW + momentum · v)
 * </pre>
 * One velocity {@code v} per parameter, allocated on its first step and kept here; every step is
 * in place (two axpys into {@code W}).
 */
public final class Nesterov extends StepSize {

    private final double momentum;
    private final Map<Parameter, INDArray> velocities = new IdentityHashMap<>();

    /**
     * @param learningRate finite and {@code > 0}
     * @param momentum     the fraction of the velocity kept each step, in {@code [0, 1)}
     */
    public Nesterov(double learningRate, double momentum) {
        super(learningRate);
        this.momentum = Rates.decay("momentum", momentum);
    }

    @Override
    public void step(List<Parameter> parameters) {
        for (Parameter parameter : parameters) {
            INDArray v = velocities.computeIfAbsent(parameter, p -> Nd4j.zerosLike(p.value()));
            v.muli(momentum).addi(parameter.gradient());
            // W ← W − learningRate·dW − learningRate·momentum·v
            InPlace.axpy(-learningRate(), parameter.gradient(), parameter.value());
            InPlace.axpy(-learningRate() * momentum, v, parameter.value());
        }
    }

    @Override
    public String name() {
        return "nesterov(" + learningRate() + ", " + momentum + ")";
    }
}
