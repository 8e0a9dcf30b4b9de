package dev.scratchnet.ops;

import dev.scratchnet.Loss;
import dev.scratchnet.kernels.LossKernel;

/**
 * One loss in the {@link OpTable}.
 *
 * @param loss               the shared instance (its {@code name()} is what files and messages use)
 * @param spec               the readable class; a loss is this op when its class is exactly this one
 * @param kernel             the fast loops
 * @param probabilityTargets whether targets must lie in [0, 1] (the loss takes their logarithms' weights)
 */
public record LossOp(Loss loss, Class<? extends Loss> spec, LossKernel kernel, boolean probabilityTargets) {

    /** The name as files and the DSL spell it, e.g. {@code crossEntropy}. */
    public String name() {
        return loss.name();
    }

    /** Whether {@code loss} is this op. */
    public boolean covers(Loss other) {
        return other.getClass() == spec;
    }

    /** The name as the command line spells it: {@code crossEntropy} becomes {@code cross-entropy}. */
    public String commandName() {
        return OpTable.commandName(name());
    }
}
