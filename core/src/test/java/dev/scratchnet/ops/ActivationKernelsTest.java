package dev.scratchnet.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.scratchnet.Activation;
import dev.scratchnet.kernels.ActivationKernels;
import dev.scratchnet.kernels.LeakyReluKernel;
import dev.scratchnet.kernels.Values;
import java.nio.FloatBuffer;
import org.junit.jupiter.api.Test;

/** The op table and the kernels module's name table agree: the runtime reads the second. */
class ActivationKernelsTest {

    @Test
    void everyTableActivationHasAKernelOfTheSameNameAndParameter() {
        for (ActivationOp op : OpTable.ACTIVATIONS) {
            ActivationKernels.Entry entry = ActivationKernels.require(op.name());
            assertEquals(op.parameter(), entry.parameter(), op.name());
        }
        assertEquals(OpTable.ACTIVATIONS.stream().map(ActivationOp::name).toList(),
                ActivationKernels.ALL.stream().map(ActivationKernels.Entry::name).toList());
    }

    @Test
    void theTableRunsTheKernelsTheNameTableMakes() {
        ActivationOp relu = OpTable.of(Activation.RELU).orElseThrow();
        assertSame(ActivationKernels.require("relu").kernel(), relu.kernel().apply(Activation.RELU));
        Values za = Values.of(FloatBuffer.wrap(new float[] {-2f, 3f}), 1, 2);
        OpTable.of(Activation.leakyRelu(0.5)).orElseThrow().kernel().apply(Activation.leakyRelu(0.5)).forward(za, 1);
        assertEquals(-1.0, za.get(0));
        assertEquals(LeakyReluKernel.class, ActivationKernels.require("leakyRelu").kernel(0.5).getClass());
    }
}
