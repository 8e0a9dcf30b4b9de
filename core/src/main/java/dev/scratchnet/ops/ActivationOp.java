package dev.scratchnet.ops;

import dev.scratchnet.Activation;
import dev.scratchnet.kernels.ActivationKernel;
import dev.scratchnet.kernels.ActivationKernels;
import java.util.function.Consumer;
import java.util.function.DoubleFunction;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One activation in the {@link OpTable}: its name, the spec class whose instances it covers, how
 * to make one (a constant, or from its one parameter), and its fast side.
 *
 * @param name            what model files store and the DSL calls it, e.g. {@code relu}, {@code leakyRelu}
 * @param spec            the readable class; an activation is this op when its class is exactly this one
 * @param constant        the shared instance, or null when the op takes a parameter
 * @param parameter       the parameter's name in model files ({@code alpha}), or null
 * @param withParameter   makes an instance from the parameter's value, or null
 * @param parameterOf     reads the parameter back from an instance, or null
 * @param kernel          the fast loops for an instance
 * @param bulk            one in-place ND4J call for the whole array, which beats the loops on large
 *                        arrays (see {@code engine.FastLayer}); null when the loops are as quick
 * @param bulkOnRowBlocks whether {@code bulk} is worth an ND4J view of a block of rows
 * @param rowWise         whether each output depends on the whole row (softmax), not one element
 */
public record ActivationOp(String name, Class<? extends Activation> spec, Activation constant, String parameter,
                           DoubleFunction<Activation> withParameter, ToDoubleFunction<Activation> parameterOf,
                           Function<Activation, ActivationKernel> kernel, Consumer<INDArray> bulk,
                           boolean bulkOnRowBlocks, boolean rowWise) {

    /** An op with one shared instance and one shared kernel, the one {@link ActivationKernels} names as it. */
    static ActivationOp constant(Activation constant, Class<? extends Activation> spec,
                                 Consumer<INDArray> bulk, boolean bulkOnRowBlocks, boolean rowWise) {
        ActivationKernel kernel = ActivationKernels.require(constant.name()).kernel();
        return new ActivationOp(constant.name(), spec, constant, null, null, null, activation -> kernel, bulk,
                bulkOnRowBlocks, rowWise);
    }

    /** Whether {@code activation} is this op. */
    public boolean covers(Activation activation) {
        return activation.getClass() == spec;
    }

    /** The name as the command line spells it: {@code leakyRelu} becomes {@code leaky-relu}. */
    public String commandName() {
        return OpTable.commandName(name);
    }
}
