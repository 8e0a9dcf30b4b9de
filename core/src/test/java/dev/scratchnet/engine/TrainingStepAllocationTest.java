package dev.scratchnet.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scratchnet.Activation;
import dev.scratchnet.DataSet;
import dev.scratchnet.Datasets;
import dev.scratchnet.Layer;
import dev.scratchnet.Loss;
import dev.scratchnet.Network;
import dev.scratchnet.buffers.Matrix;
import dev.scratchnet.kernels.MeanSquaredErrorKernel;
import dev.scratchnet.Optimizer;
import dev.scratchnet.OptimizerState;
import dev.scratchnet.Parameter;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * After warm-up, a training step (fast gradients + SGD update) allocates nothing on the Java heap:
 * every buffer was made when the fast path was built, and no ND4J call that allocates is made.
 * Measured with the JVM's per-thread allocation counter; for a batch shared between threads, on the
 * calling thread and on the helpers alike.
 */
// runs alone while other classes run in parallel (junit-platform.properties): it counts the bytes its threads allocate, helpers included, which other classes' fits would add to
@Isolated
class TrainingStepAllocationTest {

    private static final int BATCH = 15;

    @Test
    void aTrainingStepAllocatesNothingAfterWarmUp() {
        Network net = Network.builder().seed(1).dense(64, 15, Activation.RELU).dense(15, 10, Activation.SIGMOID).build();
        assertAllocatesNothing(net, new FastPath(net.layers(), new MeanSquaredErrorKernel(), false, DataType.FLOAT, BATCH),
                false);
    }

    @Test
    void aStepSharedBetweenThreadsAllocatesNothingOnAnyOfThem() {
        Network net = Network.builder().seed(1).dense(64, 15, Activation.RELU).dense(15, 10, Activation.SIGMOID).build();
        assertAllocatesNothing(net, new SplitBatchPath(net.layers(), new MeanSquaredErrorKernel(), false, DataType.FLOAT,
                BATCH, null, 2), true);
    }

    @Test
    void aStepWithSplitProductsAllocatesNothingOnAnyThread() {
        Network net = Network.builder().seed(1).dense(64, 48, Activation.RELU).dense(48, 10, Activation.SIGMOID).build();
        // every product shared, however small: the digits' products are far below SplitProduct.SPLIT_WORK
        assertAllocatesNothing(net, new FastPath(net.layers(), new MeanSquaredErrorKernel(), false, DataType.FLOAT,
                BATCH, null, 2, 0), true);
    }

    private static void assertAllocatesNothing(Network net, TrainingPath fast, boolean shared) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        DataSet digits = Datasets.digits().scale(1 / 16.0);
        INDArray features = Matrix.readable(digits.features());
        INDArray targets = Matrix.readable(digits.targets());
        int[] order = dev.scratchnet.internal.Permutation.identity(digits.size());
        List<Parameter> parameters = new ArrayList<>();
        for (Layer layer : net.layers()) {
            parameters.addAll(layer.parameters());
        }
        OptimizerState sgd = Optimizer.sgd(0.5).start(parameters);
        // shared steps hand work over twice each, which a loaded machine makes slow: fewer of them
        int steps = shared ? 30 : digits.size() / BATCH;
        // both ways fit trains: gradients then an optimizer's step, and SGD fused into the products
        Runnable epoch = () -> {
            for (int step = 0; step < steps; step++) {
                fast.gradients(features, targets, order, step * BATCH, (step + 1) * BATCH);
                sgd.step(0.5);
                fast.sgdStep(features, targets, order, step * BATCH, (step + 1) * BATCH, 0.5, 1e-4);
            }
        };
        for (int i = 0; i < 40; i++) {
            epoch.run();
        }

        long[] helpers = helperIds();
        assertTrue(!shared || helpers.length > 0, "no training helper thread was started");
        long before = allocated(threads, helpers);
        for (int i = 0; i < 10; i++) {
            epoch.run();
        }
        long allocated = allocated(threads, helpers) - before;

        // any object allocated per step would cost at least 16 bytes a step
        assertTrue(allocated < 10L * steps, allocated + " bytes allocated in " + 10 * steps + " steps");
    }

    /** The ids of the training helpers ({@link TrainingWorkers}) started so far. */
    private static long[] helperIds() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("scratchnet-training-")).mapToLong(Thread::getId).toArray();
    }

    /** Bytes allocated so far by this thread and by {@code helpers}. */
    private static long allocated(com.sun.management.ThreadMXBean threads, long[] helpers) {
        long total = threads.getCurrentThreadAllocatedBytes();
        for (long id : helpers) {
            total += threads.getThreadAllocatedBytes(id);
        }
        return total;
    }
}
