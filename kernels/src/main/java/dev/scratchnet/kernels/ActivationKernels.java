package dev.scratchnet.kernels;

import java.util.List;
import java.util.Optional;
import java.util.function.DoubleFunction;

/**
 * The activation kernels by the names model files give them ({@code "relu"}, {@code "leakyRelu"}
 * with {@code "alpha"}): the one place that maps a name to its loops. The core's op table makes its
 * fast kernels here, and a runtime without ND4J reads model files with it, so both run the same
 * loops for the same name.
 */
public final class ActivationKernels {

    /**
     * One named activation.
     *
     * @param name      its name in model files, e.g. {@code relu}
     * @param parameter the name of its one parameter in model files ({@code alpha}), or null
     * @param make      makes its loops from the parameter's value (ignored when it takes none)
     */
    public record Entry(String name, String parameter, DoubleFunction<ActivationKernel> make) {

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

    /** Every activation kernel, by name. */
    public static final List<Entry> ALL = List.of(
            new Entry("relu", null, unused -> RELU),
            new Entry("tanh", null, unused -> TANH),
            new Entry("sigmoid", null, unused -> SIGMOID),
            new Entry("leakyRelu", "alpha", LeakyReluKernel::new),
            new Entry("softmax", null, unused -> SOFTMAX),
            new Entry("identity", null, unused -> IDENTITY));

    private ActivationKernels() {
    }

    /** The entry named {@code name}, or empty when no kernel has that name. */
    public static Optional<Entry> named(String name) {
        return ALL.stream().filter(entry -> entry.name().equals(name)).findFirst();
    }

    /**
     * The entry named {@code name}, for code that registers a name it knows exists.
     *
     * @throws IllegalArgumentException when no kernel has that name
     */
    public static Entry require(String name) {
        return named(name).orElseThrow(() -> new IllegalArgumentException("no activation kernel is named \"" + name
                + "\"; the kernels are " + ALL.stream().map(Entry::name).toList()));
    }
}
