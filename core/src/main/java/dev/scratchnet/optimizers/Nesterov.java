package dev.scratchnet.optimizers;

import dev.scratchnet.OptimizerState;
import dev.scratchnet.Parameter;
import dev.scratchnet.buffers.InPlace;
import java.util.List;
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
 * A training's state is one velocity {@code v} per parameter, allocated when it starts; every step
 * is in place (two axpys into {@code W}).
 */
public final class Nesterov extends StepSize {

    private final double momentum;

    /**
     * @param learningRate finite and {@code > 0}
     * @param momentum     the fraction of the velocity kept each step, in {@code [0, 1)}
     */
    public Nesterov(double learningRate, double momentum) {
        super(learningRate);
        this.momentum = Rates.decay("momentum", momentum);
    }

    @Override
    public OptimizerState start(List<Parameter> parameters) {
        List<INDArray> velocities = parameters.stream().map(p -> Nd4j.zerosLike(p.value())).toList();
        return new KeptState(velocities, learningRate -> {
            for (int i = 0; i < velocities.size(); i++) {
                Parameter parameter = parameters.get(i);
                INDArray v = velocities.get(i);
                v.muli(momentum).addi(parameter.gradient());
                // W ← W − learningRate·dW − learningRate·momentum·v
                InPlace.axpy(-learningRate, parameter.gradient(), parameter.value());
                InPlace.axpy(-learningRate * momentum, v, parameter.value());
            }
        });
    }

    @Override
    public String name() {
        return "nesterov(" + learningRate() + ", " + momentum + ")";
    }
}
