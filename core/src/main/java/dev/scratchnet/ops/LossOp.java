package dev.scratchnet.ops;

import dev.scratchnet.Loss;
import dev.scratchnet.kernels.LossKernel;
import java.util.function.DoubleFunction;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * One loss in the {@link OpTable}.
 *
 * @param name               what the DSL and messages call it, e.g. {@code crossEntropy}, {@code huber}
 * @param loss               the shared instance, or for a loss with a parameter the one the command
 *                           line uses (huber with δ = 1, torch's default)
 * @param spec               the readable class; a loss is this op when its class is exactly this one
 * @param kernel             the fast loops for an instance
 * @param probabilityTargets whether targets must lie in [0, 1] (the loss takes logarithms of probabilities)
 * @param parameter          the name of its one parameter ({@code delta}), or null
 * @param withParameter      makes an instance from the parameter's value, or null
 * @param parameterOf        reads the parameter back from an instance, or null
 */
public record LossOp(String name, Loss loss, Class<? extends Loss> spec, Function<Loss, LossKernel> kernel,
                     boolean probabilityTargets, String parameter, DoubleFunction<Loss> withParameter,
                     ToDoubleFunction<Loss> parameterOf) {

    /** An op with one shared instance and one shared kernel, named as the instance names itself. */
    static LossOp constant(Loss loss, Class<? extends Loss> spec, LossKernel kernel, boolean probabilityTargets) {
        return new LossOp(loss.name(), loss, spec, instance -> kernel, probabilityTargets, null, null, null);
    }

    /** An op with one parameter; {@code loss} is the instance the command line uses. */
    static <T extends Loss> LossOp parameterised(String name, Loss loss, Class<T> spec, String parameter,
                                                 DoubleFunction<Loss> withParameter, ToDoubleFunction<T> parameterOf,
                                                 Function<T, LossKernel> kernel) {
        return new LossOp(name, loss, spec, instance -> kernel.apply(spec.cast(instance)), false, parameter,
                withParameter, instance -> parameterOf.applyAsDouble(spec.cast(instance)));
    }

    /** The parameter's value in {@code instance} (of this op), or NaN for an op without one. */
    public double parameterOf(Loss instance) {
        return parameterOf == null ? Double.NaN : parameterOf.applyAsDouble(instance);
    }

    /** The instance with the parameter {@code value}: for an op without a parameter, its shared instance. */
    public Loss instance(double value) {
        return withParameter == null ? loss : withParameter.apply(value);
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
