package dev.scratchnet.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scratchnet.Activation;
import dev.scratchnet.ImpostorRelu;
import dev.scratchnet.kernels.ActivationFacts;
import dev.scratchnet.kernels.LeakyReluKernel;
import dev.scratchnet.kernels.Values;
import java.nio.FloatBuffer;
import org.junit.jupiter.api.Test;

/** The op table's two halves agree: the core's spec classes and the kernels module's facts, which the runtime reads alone. */
class OpTableHalvesTest {

    @Test
    void bothHalvesNameTheSameActivationsInTheSameOrder() {
        assertEquals(ActivationFacts.ALL.stream().map(ActivationFacts.Entry::name).toList(),
                OpTable.ACTIVATIONS.stream().map(ActivationOp::name).toList());
        for (ActivationOp op : OpTable.ACTIVATIONS) {
            assertSame(ActivationFacts.require(op.name()), op.facts(), op.name());
        }
    }

    @Test
    void eachOpTakesAParameterExactlyWhenItsFactsNameOne() {
        for (ActivationOp op : OpTable.ACTIVATIONS) {
            boolean parameterised = op.parameter() != null;
            assertEquals(parameterised, op.constant() == null, op.name());
            assertEquals(parameterised, op.withParameter() != null, op.name());
            if (!parameterised) {
                assertEquals(op.name(), op.constant().name(), "a constant names itself as its op");
                assertTrue(op.covers(op.constant()), op.name());
            } else {
                Activation made = op.withParameter().apply(0.25);
                assertEquals(0.25, op.parameterOf(made), op.name());
                assertTrue(op.covers(made), op.name());
            }
        }
    }

    @Test
    void theTableRunsTheKernelsTheFactsMake() {
        ActivationOp relu = OpTable.of(Activation.RELU).orElseThrow();
        assertSame(ActivationFacts.require("relu").kernel(), relu.kernel().apply(Activation.RELU));
        Values za = Values.of(FloatBuffer.wrap(new float[] {-2f, 3f}), 1, 2);
        OpTable.of(Activation.leakyRelu(0.5)).orElseThrow().kernel().apply(Activation.leakyRelu(0.5)).forward(za, 1);
        assertEquals(-1.0, za.get(0));
        assertEquals(LeakyReluKernel.class, ActivationFacts.require("leakyRelu").kernel(0.5).getClass());
    }

    @Test
    void anActivationOfTheUsersOwnIsNotInTheTableWhateverItCallsItself() {
        Activation mine = new ImpostorRelu();
        assertTrue(OpTable.of(mine).isEmpty());
    }
}
