package dev.scratchnet.ops;

import dev.scratchnet.Loss;
import dev.scratchnet.kernels.LossKernel;
import java.util.function.Function;

/**
 * One loss in the {@link OpTable}.
 *
 * @param name               what the DSL and messages call it, e.g. {@code crossEntropy}, {@code huber}
 * @param loss               the shared instance, or for a loss with a parameter the one the command
 *                           line uses (huber with δ = 1, torch's default)
 * @param spec               the readable class; a loss is this op when its class is exactly this one
 * @param kernel             the fast loops for an instance
 * @param probabilityTargets whether targets must lie in [0, 1] (the loss takes logarithms of probabilities)
 */
public record LossOp(String name, Loss loss, Class<? extends Loss> spec, Function<Loss, LossKernel> kernel,
                     boolean probabilityTargets) {

    /** An op with one shared instance and one shared kernel, named as the instance names itself. */
    static LossOp constant(Loss loss, Class<? extends Loss> spec, LossKernel kernel, boolean probabilityTargets) {
        return new LossOp(loss.name(), loss, spec, instance -> kernel, probabilityTargets);
    }

    /** Whether {@code loss} is this op. */
    public boolean covers(Loss other) {
        return other.getClass() == spec;
    }

    /** The name as the command line spells it: {@code crossEntropy} becomes {@code cross-entropy}. */
    public String commandName() {
        return OpTable.commandName(name);
    }
}
