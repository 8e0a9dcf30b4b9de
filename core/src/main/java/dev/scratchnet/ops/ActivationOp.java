package dev.scratchnet.ops;

import dev.scratchnet.Activation;
import dev.scratchnet.kernels.ActivationFacts;
import dev.scratchnet.kernels.ActivationKernel;
import java.util.function.Consumer;
import java.util.function.DoubleFunction;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One activation in the {@link OpTable}: its ND4J-free facts (name, parameter, kernel, formula,
 * diagnostics, ONNX operators: {@link ActivationFacts}) and what the core attaches to them — the spec
 * class whose instances it covers, how to make one, and the bulk ND4J call of the fast side.
 *
 * @param facts           the name's entry in {@link ActivationFacts}
 * @param spec            the readable class; an activation is this op when its class is exactly this one
 * @param constant        the shared instance, or null when the op takes a parameter
 * @param withParameter   makes an instance from the parameter's value, or null
 * @param parameterOf     reads the parameter back from an instance, or null
 * @param bulk            one in-place ND4J call for the whole array, which beats the loops on large
 *                        arrays (see {@code engine.FastLayer}); null when the loops are as quick
 * @param bulkOnRowBlocks whether {@code bulk} is worth an ND4J view of a block of rows
 * @param rowWise         whether each output depends on the whole row (softmax), not one element
 */
public record ActivationOp(ActivationFacts.Entry facts, Class<? extends Activation> spec, Activation constant,
                           DoubleFunction<Activation> withParameter, ToDoubleFunction<Activation> parameterOf,
                           Consumer<INDArray> bulk, boolean bulkOnRowBlocks, boolean rowWise) {

    /** An op with one shared instance, whose facts are the ones named as the instance names itself. */
    static ActivationOp constant(Activation constant, Class<? extends Activation> spec,
                                 Consumer<INDArray> bulk, boolean bulkOnRowBlocks, boolean rowWise) {
        return new ActivationOp(ActivationFacts.require(constant.name()), spec, constant, null, null, bulk,
                bulkOnRowBlocks, rowWise);
    }

    /** An element-wise op with one parameter and no bulk call. */
    static <T extends Activation> ActivationOp parameterised(String name, Class<T> spec,
                                                             DoubleFunction<Activation> withParameter,
                                                             ToDoubleFunction<T> parameterOf) {
        return new ActivationOp(ActivationFacts.require(name), spec, null, withParameter,
                activation -> parameterOf.applyAsDouble(spec.cast(activation)), null, false, false);
    }

    /** What model files store and the DSL calls it, e.g. {@code relu}, {@code leakyRelu}. */
    public String name() {
        return facts.name();
    }

    /** The parameter's name in model files ({@code alpha}), or null. */
    public String parameter() {
        return facts.parameter();
    }

    /** The parameter's value in {@code activation} (an instance of this op), or 0 for an op without one. */
    public double parameterOf(Activation activation) {
        return parameterOf == null ? 0.0 : parameterOf.applyAsDouble(activation);
    }

    /** The fast loops for an instance. */
    public Function<Activation, ActivationKernel> kernel() {
        return activation -> facts.kernel(parameterOf(activation));
    }

    /** Whether {@code activation} is this op. */
    public boolean covers(Activation activation) {
        return activation.getClass() == spec;
    }

    /** The name as the command line spells it: {@code leakyRelu} becomes {@code leaky-relu}. */
    public String commandName() {
        return OpTable.commandName(name());
    }
}
