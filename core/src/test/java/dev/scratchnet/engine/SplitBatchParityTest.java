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
 * A batch shared between threads ({@link SplitBatchPath}) trains as one thread does ({@link FastPath})
 * within float rounding, for every activation and every loss of the {@link OpTable}, in float32 and
 * float64, with row weights and with dropout: the gradients, fused SGD's weights, the batch's loss
 * and its correct count. Batches of 13 rows in 3 blocks (4, 4, 5 rows) and a last batch of 2 rows,
 * fewer than the threads. Small on purpose: the unit tier's time is spent elsewhere.
 */
class SplitBatchParityTest {

    private static final int ROWS = 41;
    private static final int BATCH = 13;
    private static final int THREADS = 3;

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
        assertArrayEquals(train(setting, THREADS), train(setting, THREADS));
    }

    /** Which network, loss and data one comparison trains. */
    private record Setting(Activation hidden, Activation output, Loss loss, DataType dataType, boolean weighted,
                           boolean dropout) {
    }

    /** One epoch of gradients, then one of fused SGD with weight decay, on one thread and on three. */
    private static void compare(Setting setting) {
        double[] one = train(setting, 1);
        double[] three = train(setting, THREADS);
        assertEquals(one.length, three.length);
        double scale = 0;
        for (double value : one) {
            scale = Math.max(scale, Math.abs(value));
        }
        for (int i = 0; i < one.length; i++) {
            double difference = Math.abs(one[i] - three[i]);
            assertTrue(difference <= tolerance(setting.dataType()) * Math.max(1, scale),
                    setting + ": element " + i + " of " + one.length + " was " + three[i] + " on " + THREADS
                            + " threads and " + one[i] + " on one (difference " + difference + ")");
        }
    }

    /**
     * Everything the training produced, in one array: after each batch of the gradient epoch the
     * loss, the correct count and every dW and db; at the end every W and b after the SGD epoch.
     */
    private static double[] train(Setting setting, int threads) {
        DataType dataType = setting.dataType();
        Network net = Network.builder().seed(3).dataType(dataType).dense(12, 9, setting.hidden())
                .dense(9, 5, setting.output()).build();
        Random random = new Random(5);
        INDArray features = Nd4j.create(dataType, ROWS, 12);
        INDArray targets = Nd4j.create(dataType, ROWS, 5);
        int[] labels = new int[ROWS];
        double[] rowWeights = new double[ROWS];
        for (int r = 0; r < ROWS; r++) {
            for (int c = 0; c < 12; c++) {
                features.putScalar(r, c, random.nextGaussian());
            }
            labels[r] = random.nextInt(5);
            targets.putScalar(r, labels[r], 1.0);
            rowWeights[r] = r % 7 == 0 ? 0 : 0.5 + random.nextDouble();
        }
        int[] order = new int[ROWS];
        for (int r = 0; r < ROWS; r++) {
            order[r] = (r * 17) % ROWS;
        }
        LossKernel kernel = OpTable.of(setting.loss()).orElseThrow().kernel().apply(setting.loss());
        boolean fused = OpTable.fused(setting.output(), setting.loss());
        DropoutMasks dropout = setting.dropout() ? new DropoutMasks(List.of(0.3, 0.0), List.of(9, 5), 9) : null;
        if (dropout != null) {
            dropout.startEpoch(4, order, ROWS);
        }
        List<Layer> layers = net.layers();
        TrainingPath path = threads > 1
                ? new SplitBatchPath(layers, kernel, fused, dataType, BATCH, dropout, threads)
                : new FastPath(layers, kernel, fused, dataType, BATCH, dropout);
        if (setting.weighted()) {
            path.weighRows(rowWeights);
        }
        INDArray x = Matrix.readable(features);
        INDArray y = Matrix.readable(targets);
        List<Double> out = new ArrayList<>();
        for (int from = 0; from < ROWS; from += BATCH) {
            int to = Math.min(ROWS, from + BATCH);
            path.gradients(x, y, order, from, to);
            out.add(path.batchLoss(kernel));
            out.add((double) path.batchCorrect(labels));
            for (Layer layer : layers) {
                for (Parameter parameter : layer.parameters()) {
                    addAll(out, parameter.gradient());
                }
            }
        }
        for (int from = 0; from < ROWS; from += BATCH) {
            path.sgdStep(x, y, order, from, Math.min(ROWS, from + BATCH), 0.3, 0.01);
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
