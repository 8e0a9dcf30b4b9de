package dev.scratchnet.activations;

import dev.scratchnet.Activation;
import dev.scratchnet.GradientCheck;
import dev.scratchnet.TestArrays;
import dev.scratchnet.ops.ActivationOp;
import dev.scratchnet.ops.OpTable;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every activation of the {@link OpTable} against finite differences, generated from the table: an
 * activation added there is checked without a line here. Inputs stay 0.1 away from 0, where ReLU
 * and leaky ReLU have their kink.
 */
class ActivationGradientTest {

    /** The instances an op stands for: its constant, or two parameter values. */
    static List<Activation> instances(ActivationOp op) {
        return op.constant() != null ? List.of(op.constant())
                : List.of(op.withParameter().apply(0.0), op.withParameter().apply(0.1));
    }

    @TestFactory
    Stream<DynamicTest> everyActivationsBackwardMatchesFiniteDifferences() {
        return OpTable.ACTIVATIONS.stream().flatMap(op -> instances(op).stream()).map(activation ->
                DynamicTest.dynamicTest(activation.name(),
                        () -> GradientCheck.activation(activation, TestArrays.awayFromZero(5, 4, 0.1, 3))));
    }

    /**
     * The smooth activations over their tails too: softplus on both sides of its threshold 20. One
     * element at a time: in a sum with outputs near 30, rounding alone moves a central difference by
     * about 2e-9, more than the check allows a tail gradient of 1e-8.
     */
    @Test
    void geluSiluAndSoftplusMatchFiniteDifferencesFarOut() {
        for (Activation activation : List.of(Activation.GELU, Activation.SILU, Activation.SOFTPLUS)) {
            for (double z : new double[] {-30, -12, -6, -0.5, 0.0, 0.5, 1.5, 6, 12, 19.9, 20.5, 30}) {
                GradientCheck.activation(activation, TestArrays.matrix(new double[] {z}));
            }
        }
    }
}
