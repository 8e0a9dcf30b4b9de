package dev.scratchnet.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scratchnet.Activation;
import dev.scratchnet.Layer;
import dev.scratchnet.Loss;
import dev.scratchnet.Network;
import dev.scratchnet.Parameter;
import dev.scratchnet.arithmetic.DropoutMasks;
import dev.scratchnet.buffers.Matrix;
import dev.scratchnet.kernels.LossKernel;
import dev.scratchnet.ops.ActivationOp;
import dev.scratchnet.ops.LossOp;
import dev.scratchnet.ops.OpTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Every training plan ({@link dev.scratchnet.Plan}) trains as one thread does ({@link FastPath}, which
 * the backend parity tests hold to the reference): a batch shared between threads
 * ({@link SplitBatchPath}), threaded BLAS ({@link ThreadedBlasPath}) and products shared by columns and
 * rows ({@link SplitProduct}, every product however small) within float rounding; for every activation and every loss of the {@link OpTable}, in float32 and float64, with row
 * weights and with dropout: the gradients, fused SGD's weights, the batch's loss and its correct
 * count. Batches of 13 rows in 3 blocks (4, 4, 5 rows) and a last batch of 2 rows, fewer than the
 * threads. Small on purpose: the unit tier's time is spent elsewhere; one larger network checks
 * threaded BLAS where OpenBLAS does use its threads.
 */
class SplitBatchParityTest {

    private static final int ROWS = 41;
    private static final int BATCH = 13;
    private static final int THREADS = 3;
    /** The plans held to one thread; the sweep grows with {@link dev.scratchnet.Plan}. */
    private static final List<PlanChoice> PLANS = List.of(new PlanChoice(dev.scratchnet.Plan.SPLIT_ROWS, THREADS, "test"),
            new PlanChoice(dev.scratchnet.Plan.THREADED_BLAS, 2, "test"),
            new PlanChoice(dev.scratchnet.Plan.SPLIT_PRODUCTS, THREADS, "test"));

    private static double tolerance(DataType dataType) {
        return dataType == DataType.FLOAT ? 2e-5 : 1e-12;
    }

    @TestFactory
    Stream<DynamicTest> everyActivationInTheHiddenLayer() {
        List<DynamicTest> tests = new ArrayList<>();
        for (ActivationOp op : OpTable.ACTIVATIONS) {
            Activation activation = op.constant() != null ? op.constant() : op.withParameter().apply(0.1);
            for (DataType dataType : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
                tests.add(DynamicTest.dynamicTest(activation.name() + " " + dataType,
                        () -> compare(new Setting(activation, Activation.SIGMOID, Loss.MSE, dataType, false, false))));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyLossAtTheOutput() {
        List<DynamicTest> tests = new ArrayList<>();
        for (LossOp op : OpTable.LOSSES) {
            // softmax with cross-entropy takes the fused gradient; the other losses go through sigmoid
            Activation output = op.loss() == Loss.CROSS_ENTROPY ? Activation.SOFTMAX : Activation.SIGMOID;
            for (DataType dataType : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
                tests.add(DynamicTest.dynamicTest(op.name() + " " + dataType,
                        () -> compare(new Setting(Activation.TANH, output, op.loss(), dataType, false, false))));
            }
        }
        return tests.stream();
    }

    @Test
    void rowWeightsScaleEachBlockByTheWholeBatchsWeight() {
        compare(new Setting(Activation.RELU, Activation.SOFTMAX, Loss.CROSS_ENTROPY, DataType.DOUBLE, true, false));
        compare(new Setting(Activation.RELU, Activation.SIGMOID, Loss.MSE, DataType.FLOAT, true, false));
    }

    @Test
    void dropoutDrawsTheSameMasksAsOneThread() {
        compare(new Setting(Activation.RELU, Activation.SOFTMAX, Loss.CROSS_ENTROPY, DataType.DOUBLE, false, true));
        compare(new Setting(Activation.TANH, Activation.SIGMOID, Loss.MSE, DataType.FLOAT, true, true));
    }

    @Test
    void theSameThreadCountGivesTheSameBitsEveryRun() {
        Setting setting = new Setting(Activation.RELU, Activation.SOFTMAX, Loss.CROSS_ENTROPY, DataType.FLOAT, true, true);
        assertArrayEquals(train(setting, PLANS.get(0)), train(setting, PLANS.get(0)));
    }

    @Test
    void everyPlanIsSwept() {
        assertEquals(dev.scratchnet.Plan.values().length, PLANS.size() + 1, "a plan the sweep does not run");
    }

    /**
     * 120 rows through 200-150-10, products above OpenBLAS's threading threshold so that its threads
     * share them: within rounding of one thread (not bit for bit: its threads sum some products in
     * another order), the same bits run after run, and BLAS's thread count put back after each step.
     */
    @Test
    void threadedBlasWhereItsThreadsWork() {
        for (DataType dataType : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            Setting setting = new Setting(Activation.RELU, Activation.SOFTMAX, Loss.CROSS_ENTROPY, dataType, false, false);
            PlanChoice blas = new PlanChoice(dev.scratchnet.Plan.THREADED_BLAS, 2, "test");
            int nativeThreads = Nd4j.factory().blas().getMaxThreads();
            double[] one = train(setting, PlanChoice.oneThread("test"), 200, 150, 120);
            double[] threaded = train(setting, blas, 200, 150, 120);
            for (int i = 0; i < one.length; i++) {
                assertEquals(one[i], threaded[i], tolerance(dataType) * Math.max(1, Math.abs(one[i])), dataType + " " + i);
            }
            assertArrayEquals(threaded, train(setting, blas, 200, 150, 120), dataType + ": threaded BLAS differed run to run");
            assertEquals(nativeThreads, Nd4j.factory().blas().getMaxThreads(), "the step left BLAS's thread count changed");
        }
    }

    /** Which network, loss and data one comparison trains. */
    private record Setting(Activation hidden, Activation output, Loss loss, DataType dataType, boolean weighted,
                           boolean dropout) {
    }

    /** One epoch of gradients, then one of fused SGD with weight decay, on one thread and by every other plan. */
    private static void compare(Setting setting) {
        for (PlanChoice plan : PLANS) {
            double[] one = train(setting, PlanChoice.oneThread("test"), plan);
            double scale = 0;
            for (double value : one) {
                scale = Math.max(scale, Math.abs(value));
            }
            double[] other = train(setting, plan, plan);
            assertEquals(one.length, other.length);
            for (int i = 0; i < one.length; i++) {
                double difference = Math.abs(one[i] - other[i]);
                assertTrue(difference <= tolerance(setting.dataType()) * Math.max(1, scale),
                        setting + ": element " + i + " of " + one.length + " was " + other[i] + " by " + plan.id()
                                + " and " + one[i] + " on one thread (difference " + difference + ")");
            }
        }
    }

    private static double[] train(Setting setting, PlanChoice plan) {
        return train(setting, plan, plan);
    }

    /**
     * As {@code plan} trains the network {@code compared} is compared on: 12-9-5, or for split
     * products 40-48-5, wide enough for blocks of {@link SplitProduct#ALIGN} columns (three of the
     * hidden layer's outputs and dL/dx's, two of the first W's rows).
     */
    private static double[] train(Setting setting, PlanChoice plan, PlanChoice compared) {
        return compared.plan() == dev.scratchnet.Plan.SPLIT_PRODUCTS ? train(setting, plan, 40, 48, ROWS)
                : train(setting, plan, 12, 9, ROWS);
    }

    /**
     * Everything the training produced, in one array: after each batch of the gradient epoch the
     * loss, the correct count and every dW and db; at the end every W and b after the SGD epoch.
     */
    private static double[] train(Setting setting, PlanChoice plan, int nIn, int hidden, int rows) {
        DataType dataType = setting.dataType();
        Network net = Network.builder().seed(3).dataType(dataType).dense(nIn, hidden, setting.hidden())
                .dense(hidden, 5, setting.output()).build();
        Random random = new Random(5);
        INDArray features = Nd4j.create(dataType, rows, nIn);
        INDArray targets = Nd4j.create(dataType, rows, 5);
        int[] labels = new int[rows];
        double[] rowWeights = new double[rows];
        int batch = rows == ROWS ? BATCH : rows;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < nIn; c++) {
                features.putScalar(r, c, random.nextGaussian());
            }
            labels[r] = random.nextInt(5);
            targets.putScalar(r, labels[r], 1.0);
            rowWeights[r] = r % 7 == 0 ? 0 : 0.5 + random.nextDouble();
        }
        int[] order = new int[rows];
        for (int r = 0; r < rows; r++) {
            order[r] = (r * 17) % rows;
        }
        LossKernel kernel = OpTable.of(setting.loss()).orElseThrow().kernel().apply(setting.loss());
        boolean fused = OpTable.fused(setting.output(), setting.loss());
        DropoutMasks dropout = setting.dropout() ? new DropoutMasks(List.of(0.3, 0.0), List.of(9, 5), 9) : null;
        if (dropout != null) {
            dropout.startEpoch(4, order, ROWS);
        }
        List<Layer> layers = net.layers();
        TrainingPath path = switch (plan.plan()) {
            case SPLIT_ROWS -> new SplitBatchPath(layers, kernel, fused, dataType, batch, dropout, plan.threads());
            case THREADED_BLAS -> new ThreadedBlasPath(new FastPath(layers, kernel, fused, dataType, batch, dropout),
                    plan.threads());
            // every product shared, however small: the sweep's products are far below SPLIT_WORK
            case SPLIT_PRODUCTS -> new FastPath(layers, kernel, fused, dataType, batch, dropout, plan.threads(), 0);
            case ONE_THREAD -> new FastPath(layers, kernel, fused, dataType, batch, dropout);
        };
        if (setting.weighted()) {
            path.weighRows(rowWeights);
        }
        INDArray x = Matrix.readable(features);
        INDArray y = Matrix.readable(targets);
        List<Double> out = new ArrayList<>();
        for (int from = 0; from < rows; from += batch) {
            int to = Math.min(rows, from + batch);
            path.gradients(x, y, order, from, to);
            out.add(path.batchLoss(kernel));
            out.add((double) path.batchCorrect(labels));
            for (Layer layer : layers) {
                for (Parameter parameter : layer.parameters()) {
                    addAll(out, parameter.gradient());
                }
            }
        }
        for (int from = 0; from < rows; from += batch) {
            path.sgdStep(x, y, order, from, Math.min(rows, from + batch), 0.3, 0.01);
            out.add(path.batchLoss(kernel));
        }
        for (Layer layer : layers) {
            for (Parameter parameter : layer.parameters()) {
                addAll(out, parameter.value());
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void addAll(List<Double> out, INDArray array) {
        for (double value : array.dup().data().asDouble()) {
            out.add(value);
        }
    }
}
