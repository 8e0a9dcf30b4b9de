package dev.scratchnet.ops;

import dev.scratchnet.Activation;
import dev.scratchnet.Loss;
import dev.scratchnet.activations.Gelu;
import dev.scratchnet.activations.Identity;
import dev.scratchnet.activations.LeakyRelu;
import dev.scratchnet.activations.Relu;
import dev.scratchnet.activations.Sigmoid;
import dev.scratchnet.activations.Silu;
import dev.scratchnet.activations.Softmax;
import dev.scratchnet.activations.Softplus;
import dev.scratchnet.activations.Tanh;
import dev.scratchnet.kernels.ActivationFacts;
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
 * Every built-in activation and loss, registered once: every fact about an op lives here or in the
 * ND4J-free half this table attaches to ({@link ActivationFacts}), and nothing else switches on op
 * names. Model files, the DSL, the command-line choices, {@code explain}, diagnostics, predict and
 * the server's reports, ONNX export, Spark's shipped losses, the fast backend, the runtime and the
 * tests (parity sweeps, gradient checks, ONNX Runtime checks) all read the table. An activation or
 * loss not in the table (a user's own, even one that calls itself "relu") has none of these facts:
 * a network using it runs on the reference backend, with a notice, and {@code explain} shows its
 * name only.
 *
 * <p>Adding an activation (GELU, SiLU and softplus were added this way) touches:
 * <ol>
 *   <li>{@code core/.../activations/Name.java}: the spec class, formulas in its doc;</li>
 *   <li>{@code core/.../Activation.java}: the constant (or factory, for a parameter);</li>
 *   <li>{@code kernels/.../NameKernel.java}: the fast loops (reading z in backward if it needs to);</li>
 *   <li>{@code kernels/.../ActivationFacts.java}: one entry — name, parameter, kernel, formula,
 *       diagnosis, whether outputs are probabilities, ONNX operators;</li>
 *   <li>this class: one line attaching the spec class (and a bulk ND4J call, if one is faster);</li>
 *   <li>{@code dsl/.../Values.kt}: the DSL's {@code val} (a test fails when it is missing);</li>
 *   <li>the user documentation ({@code docs/activations.md}).</li>
 * </ol>
 * Nothing else: the files, commands, runtime, server, ONNX export and every generated test pick the
 * new line up, and a test fails when the two halves of the table name different ops.
 */
public final class OpTable {

    /**
     * The activations, in {@link ActivationFacts#ALL}'s order. Their facts come by name from
     * {@link ActivationFacts}, which the ND4J-free runtime reads too: a name without an entry there
     * fails when this class loads.
     */
    public static final List<ActivationOp> ACTIVATIONS = List.of(
            ActivationOp.constant(Activation.RELU, Relu.class, z -> Transforms.relu(z, false), false, false),
            ActivationOp.constant(Activation.TANH, Tanh.class, z -> Transforms.tanh(z, false), true, false),
            ActivationOp.constant(Activation.SIGMOID, Sigmoid.class, z -> Transforms.sigmoid(z, false), true, false),
            ActivationOp.parameterised("leakyRelu", LeakyRelu.class, Activation::leakyRelu, LeakyRelu::alpha),
            ActivationOp.constant(Activation.SOFTMAX, Softmax.class, z -> Transforms.softmax(z, false), false, true),
            ActivationOp.constant(Activation.IDENTITY, Identity.class, null, false, false),
            ActivationOp.constant(Activation.GELU, Gelu.class, null, false, false),
            ActivationOp.constant(Activation.SILU, Silu.class, null, false, false),
            ActivationOp.constant(Activation.SOFTPLUS, Softplus.class, null, false, false));

    /** The losses. */
    public static final List<LossOp> LOSSES = List.of(
            LossOp.constant(Loss.CROSS_ENTROPY, CrossEntropy.class, new CrossEntropyKernel(CrossEntropy.EPSILON), true),
            LossOp.constant(Loss.MSE, MeanSquaredError.class, new MeanSquaredErrorKernel(), false),
            LossOp.constant(Loss.BINARY_CROSS_ENTROPY, BinaryCrossEntropy.class,
                    new BinaryCrossEntropyKernel(BinaryCrossEntropy.EPSILON), true),
            LossOp.parameterised("huber", Loss.huber(1.0), Huber.class, "delta", Loss::huber, Huber::delta,
                    huber -> new HuberKernel(huber.delta())));

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

    /** The loss op named {@code name} in the DSL and messages. */
    public static Optional<LossOp> lossNamed(String name) {
        return LOSSES.stream().filter(op -> op.name().equals(name)).findFirst();
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
