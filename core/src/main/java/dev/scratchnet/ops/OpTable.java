package dev.scratchnet.ops;

import dev.scratchnet.Activation;
import dev.scratchnet.Loss;
import dev.scratchnet.activations.Identity;
import dev.scratchnet.activations.LeakyRelu;
import dev.scratchnet.activations.Relu;
import dev.scratchnet.activations.Sigmoid;
import dev.scratchnet.activations.Softmax;
import dev.scratchnet.activations.Tanh;
import dev.scratchnet.kernels.ActivationKernels;
import dev.scratchnet.kernels.BinaryCrossEntropyKernel;
import dev.scratchnet.kernels.CrossEntropyKernel;
import dev.scratchnet.kernels.HuberKernel;
import dev.scratchnet.kernels.MeanSquaredErrorKernel;
import dev.scratchnet.losses.BinaryCrossEntropy;
import dev.scratchnet.losses.CrossEntropy;
import dev.scratchnet.losses.Huber;
import dev.scratchnet.losses.MeanSquaredError;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Every built-in activation and loss, registered once: spec class, fast kernel, names. Model files,
 * the DSL, the command-line choices, the fast backend and the parity tests all read this table;
 * adding an op means one class for its math, one kernel and one line here. An activation or loss
 * not in the table (a user's own) has no fast kernel: a network using it runs on the reference
 * backend, with a notice.
 */
public final class OpTable {

    /**
     * The activations, in the order help texts list them. Their kernels come by name from
     * {@link ActivationKernels}, which the ND4J-free runtime reads too: a name without a kernel
     * there fails when this class loads.
     */
    public static final List<ActivationOp> ACTIVATIONS = List.of(
            ActivationOp.constant(Activation.RELU, Relu.class, z -> Transforms.relu(z, false), false, false),
            ActivationOp.constant(Activation.TANH, Tanh.class, z -> Transforms.tanh(z, false), true, false),
            ActivationOp.constant(Activation.SIGMOID, Sigmoid.class, z -> Transforms.sigmoid(z, false), true, false),
            new ActivationOp("leakyRelu", LeakyRelu.class, null, "alpha", Activation::leakyRelu,
                    activation -> ((LeakyRelu) activation).alpha(),
                    activation -> ActivationKernels.require("leakyRelu").kernel(((LeakyRelu) activation).alpha()),
                    null, false, false),
            ActivationOp.constant(Activation.SOFTMAX, Softmax.class, z -> Transforms.softmax(z, false), false, true),
            ActivationOp.constant(Activation.IDENTITY, Identity.class, null, false, false));

    /** The losses. */
    public static final List<LossOp> LOSSES = List.of(
            LossOp.constant(Loss.CROSS_ENTROPY, CrossEntropy.class, new CrossEntropyKernel(CrossEntropy.EPSILON), true),
            LossOp.constant(Loss.MSE, MeanSquaredError.class, new MeanSquaredErrorKernel(), false),
            LossOp.constant(Loss.BINARY_CROSS_ENTROPY, BinaryCrossEntropy.class,
                    new BinaryCrossEntropyKernel(BinaryCrossEntropy.EPSILON), true),
            new LossOp("huber", Loss.huber(1.0), Huber.class, loss -> new HuberKernel(((Huber) loss).delta()), false));

    private OpTable() {
    }

    /** The table's entry for {@code activation}, or empty for an activation it does not know. */
    public static Optional<ActivationOp> of(Activation activation) {
        for (ActivationOp op : ACTIVATIONS) {
            if (op.covers(activation)) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }

    /** The table's entry for {@code loss}, or empty for a loss it does not know. */
    public static Optional<LossOp> of(Loss loss) {
        for (LossOp op : LOSSES) {
            if (op.covers(loss)) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }

    /** The activation op named {@code name} in model files and the DSL. */
    public static Optional<ActivationOp> activationNamed(String name) {
        return ACTIVATIONS.stream().filter(op -> op.name().equals(name)).findFirst();
    }

    /**
     * Whether the last layer's {@code activation} and the {@code loss} are differentiated as one step,
     * softmax + cross-entropy ({@link dev.scratchnet.losses.SoftmaxCrossEntropy}); both backends ask here.
     */
    public static boolean fused(Activation activation, Loss loss) {
        return activation instanceof Softmax && loss instanceof CrossEntropy;
    }

    /** Whether {@code loss} takes logarithms of its targets' complements and so needs targets in [0, 1]. */
    public static boolean needsProbabilityTargets(Loss loss) {
        return of(loss).map(LossOp::probabilityTargets).orElse(false);
    }

    /** A camel-case name as the command line spells it: {@code leakyRelu} becomes {@code leaky-relu}. */
    static String commandName(String name) {
        return name.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
