package dev.scratchnet.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scratchnet.Activation;
import dev.scratchnet.DataSet;
import dev.scratchnet.Datasets;
import dev.scratchnet.Network;
import dev.scratchnet.arithmetic.DropoutMasks;
import dev.scratchnet.buffers.Matrix;
import dev.scratchnet.internal.Permutation;
import dev.scratchnet.kernels.MeanSquaredErrorKernel;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.junit.jupiter.api.parallel.Isolated;

/** With dropout, a fast training step (masks drawn, applied forward and backward) still allocates nothing. */
// runs alone while other classes run in parallel (junit-platform.properties): it counts the bytes its thread allocates with nothing else running
@Isolated
class DropoutAllocationTest {

    private static final int BATCH = 15;

    @Test
    void aStepWithDropoutAllocatesNothingAfterWarmUp() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        DataSet digits = Datasets.digits().scale(1 / 16.0);
        Network net = Network.builder().seed(1).dense(64, 15, Activation.RELU).dropout(0.3)
                .dense(15, 10, Activation.SIGMOID).build();
        DropoutMasks dropout = new DropoutMasks(List.of(0.3, 0.0), List.of(15, 10), 1);
        FastPath fast = new FastPath(net.layers(), new MeanSquaredErrorKernel(), false, DataType.FLOAT, BATCH, dropout);
        INDArray features = Matrix.readable(digits.features());
        INDArray targets = Matrix.readable(digits.targets());
        int[] order = Permutation.identity(digits.size());
        dropout.startEpoch(1, order, digits.size());
        int steps = digits.size() / BATCH;
        Runnable epoch = () -> {
            for (int step = 0; step < steps; step++) {
                fast.gradients(features, targets, order, step * BATCH, (step + 1) * BATCH);
                fast.sgdStep(features, targets, order, step * BATCH, (step + 1) * BATCH, 0.5, 1e-4);
            }
        };
        for (int i = 0; i < 40; i++) {
            epoch.run();
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 10; i++) {
            epoch.run();
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < 10L * steps, allocated + " bytes allocated in " + 10 * steps + " steps");
    }
}
