package dev.scratchnet.kernels;

import dev.scratchnet.kernels.OnnxGraph.Constant;
import dev.scratchnet.kernels.OnnxGraph.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleFunction;

/**
 * Every built-in activation's facts that need no ND4J, by the name model files give it: its
 * parameter, its loops, the formula {@code explain} prints, what diagnostics watch, whether its
 * outputs are reported as probabilities, and its ONNX operators. This is the ND4J-free half of the
 * op table: the core's {@code dev.scratchnet.ops.OpTable} attaches each name's spec class and
 * instances, a test checks that both halves hold the same names in the same order, and the runtime
 * reads model files, and the server reports outputs, from this half alone. Adding an activation is
 * described in {@code OpTable}'s doc.
 */
public final class ActivationFacts {

    /** An activation's ONNX operators for a parameter value (ignored without one), in float32 or float64. */
    @FunctionalInterface
    public interface OnnxRecipe {

        /** The operators from z to a. */
        OnnxGraph graph(double parameter, boolean float64);
    }

    /**
     * One named activation.
     *
     * @param name          its name in model files, the DSL and (as {@code leaky-relu}) commands
     * @param parameter     the name of its one parameter in model files ({@code alpha}), or null
     * @param make          makes its loops from the parameter's value (ignored when it takes none)
     * @param formula       {@code a} as {@code explain} prints it
     * @param diagnosis     what training diagnostics watch in its outputs
     * @param probabilities whether its outputs are class probabilities (predict and the server
     *                      then report classes and probabilities when it is the last layer's)
     * @param onnx          its ONNX operators
     */
    public record Entry(String name, String parameter, DoubleFunction<ActivationKernel> make, String formula,
                        Diagnosis diagnosis, boolean probabilities, OnnxRecipe onnx) {

        /** The loops for an activation without a parameter. */
        public ActivationKernel kernel() {
            return make.apply(0.0);
        }

        /** The loops for the parameter's {@code value}. */
        public ActivationKernel kernel(double value) {
            return make.apply(value);
        }
    }

    private static final ActivationKernel RELU = new LeakyReluKernel(0.0);
    private static final ActivationKernel TANH = new TanhKernel();
    private static final ActivationKernel SIGMOID = new SigmoidKernel();
    private static final ActivationKernel SOFTMAX = new SoftmaxKernel();
    private static final ActivationKernel IDENTITY = new IdentityKernel();
    private static final ActivationKernel GELU = new GeluKernel();
    private static final ActivationKernel SILU = new SiluKernel();
    private static final ActivationKernel SOFTPLUS = new SoftplusKernel();

    /** Every activation, in the order help texts list them. */
    public static final List<Entry> ALL = List.of(
            new Entry("relu", null, unused -> RELU, "max(0, z)", Diagnosis.NEVER_FIRING, false,
                    (unused, float64) -> OnnxGraph.single("relu", "Relu", Map.of())),
            new Entry("tanh", null, unused -> TANH, "tanh(z)", Diagnosis.SATURATING_AT_MINUS_1_AND_1, false,
                    (unused, float64) -> OnnxGraph.single("tanh", "Tanh", Map.of())),
            new Entry("sigmoid", null, unused -> SIGMOID, "1 / (1 + exp(−z))", Diagnosis.SATURATING_AT_0_AND_1, true,
                    (unused, float64) -> OnnxGraph.single("sigmoid", "Sigmoid", Map.of())),
            new Entry("leakyRelu", "alpha", LeakyReluKernel::new, "z where z > 0, else α·z", Diagnosis.NEVER_FIRING,
                    false, ActivationFacts::leakyRelu),
            new Entry("softmax", null, unused -> SOFTMAX, "exp(z − max) / Σ exp(z − max), row by row", Diagnosis.NONE,
                    true, (unused, float64) -> OnnxGraph.single("softmax", "Softmax", Map.of("axis", 1))),
            new Entry("identity", null, unused -> IDENTITY, "z", Diagnosis.NONE, false,
                    (unused, float64) -> OnnxGraph.single("identity", "Identity", Map.of())),
            new Entry("gelu", null, unused -> GELU, "z·Φ(z) = z/2 · (1 + erf(z/√2))", Diagnosis.NONE, false,
                    (unused, float64) -> gelu(float64)),
            new Entry("silu", null, unused -> SILU, "z·σ(z) = z / (1 + exp(−z))", Diagnosis.NONE, false,
                    (unused, float64) -> silu(float64)),
            new Entry("softplus", null, unused -> SOFTPLUS, "log(1 + exp(z)), or z where z > 20", Diagnosis.NONE,
                    false, (unused, float64) -> softplus(float64)));

    private ActivationFacts() {
    }

    /** The entry named {@code name}, or empty when no activation has that name. */
    public static Optional<Entry> named(String name) {
        return ALL.stream().filter(entry -> entry.name().equals(name)).findFirst();
    }

    /**
     * The entry named {@code name}, for code that registers a name it knows exists.
     *
     * @throws IllegalArgumentException when no activation has that name
     */
    public static Entry require(String name) {
        return named(name).orElseThrow(() -> new IllegalArgumentException("no activation is named \"" + name
                + "\"; the activations are " + ALL.stream().map(Entry::name).toList()));
    }

    /**
     * LeakyRelu with its alpha (a float32 attribute) in float32; in float64
     * {@code a = α·z + (1 − α)·Relu(z)} from Relu, Mul and Add, because ONNX Runtime implements the
     * LeakyRelu operator for float32 only.
     */
    private static OnnxGraph leakyRelu(double alpha, boolean float64) {
        if (!float64) {
            return OnnxGraph.single("leakyRelu", "LeakyRelu", Map.of("alpha", (float) alpha));
        }
        return new OnnxGraph(List.of(new Constant("alpha", alpha), new Constant("oneMinusAlpha", 1 - alpha)), List.of(
                Node.of("relu", "Relu", "relu", OnnxGraph.Z),
                Node.of("alphaZ", "Mul", "alphaZ", OnnxGraph.Z, "alpha"),
                Node.of("restOfRelu", "Mul", "restOfRelu", "relu", "oneMinusAlpha"),
                Node.of("leakyRelu", "Add", OnnxGraph.A, "alphaZ", "restOfRelu")));
    }

    /**
     * opset 13 has no Gelu: {@code a = (z · (1 + Erf(z · 1/√2))) · 0.5}, as torch exports it. ONNX
     * Runtime implements Erf for float32 only, so a float64 network casts Erf's input to float32 and
     * its output back: that one step is then accurate to about 1e-7.
     */
    private static OnnxGraph gelu(boolean float64) {
        List<Constant> constants = List.of(new Constant("oneOverSqrt2", GeluKernel.ONE_OVER_SQRT_2),
                new Constant("one", 1.0), new Constant("half", 0.5));
        List<Node> erf = float64
                ? List.of(Node.of("toFloat", "Cast", Map.of("to", OnnxGraph.elementType(false)), "scaledFloat", "scaled"),
                        Node.of("erf", "Erf", "erfFloat", "scaledFloat"),
                        Node.of("toDouble", "Cast", Map.of("to", OnnxGraph.elementType(true)), "erf", "erfFloat"))
                : List.of(Node.of("erf", "Erf", "erf", "scaled"));
        List<Node> nodes = new ArrayList<>();
        nodes.add(Node.of("scale", "Mul", "scaled", OnnxGraph.Z, "oneOverSqrt2"));
        nodes.addAll(erf);
        nodes.add(Node.of("addOne", "Add", "onePlusErf", "erf", "one"));
        nodes.add(Node.of("timesZ", "Mul", "zOnePlusErf", OnnxGraph.Z, "onePlusErf"));
        nodes.add(Node.of("gelu", "Mul", OnnxGraph.A, "zOnePlusErf", "half"));
        return new OnnxGraph(constants, List.copyOf(nodes));
    }

    /**
     * {@code a = z · Sigmoid(z)} in float32; in float64 {@code a = z / (1 + Exp(−z))}, torch's own
     * formula, because ONNX Runtime fuses Sigmoid and Mul into its QuickGelu operator, which it
     * implements for float32 only.
     */
    private static OnnxGraph silu(boolean float64) {
        if (!float64) {
            return new OnnxGraph(List.of(), List.of(
                    Node.of("sigmoid", "Sigmoid", "sigmoid", OnnxGraph.Z),
                    Node.of("silu", "Mul", OnnxGraph.A, OnnxGraph.Z, "sigmoid")));
        }
        return new OnnxGraph(List.of(new Constant("one", 1.0)), List.of(
                Node.of("negate", "Neg", "minusZ", OnnxGraph.Z),
                Node.of("exp", "Exp", "exp", "minusZ"),
                Node.of("addOne", "Add", "onePlusExp", "exp", "one"),
                Node.of("silu", "Div", OnnxGraph.A, OnnxGraph.Z, "onePlusExp")));
    }

    /**
     * Softplus in float32; in float64 {@code a = Relu(z) + Log(1 + Exp(−|z|))}, the same function
     * without overflow, because ONNX Runtime implements Softplus for float32 only (below z ≈ −20,
     * where a &lt; 2e-9, that log loses relative precision: log1p is no ONNX operator).
     */
    private static OnnxGraph softplus(boolean float64) {
        if (!float64) {
            return OnnxGraph.single("softplus", "Softplus", Map.of());
        }
        return new OnnxGraph(List.of(new Constant("one", 1.0)), List.of(
                Node.of("abs", "Abs", "abs", OnnxGraph.Z),
                Node.of("negate", "Neg", "minusAbs", "abs"),
                Node.of("exp", "Exp", "exp", "minusAbs"),
                Node.of("addOne", "Add", "onePlusExp", "exp", "one"),
                Node.of("log", "Log", "log", "onePlusExp"),
                Node.of("relu", "Relu", "relu", OnnxGraph.Z),
                Node.of("softplus", "Add", OnnxGraph.A, "relu", "log")));
    }
}
