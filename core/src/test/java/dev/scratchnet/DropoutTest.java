package dev.scratchnet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scratchnet.arithmetic.DropoutMasks;
import dev.scratchnet.buffers.Matrix;
import dev.scratchnet.internal.Permutation;
import dev.scratchnet.kernels.DropoutKernel;
import dev.scratchnet.kernels.MaskGenerator;
import dev.scratchnet.layers.Dropout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Inverted dropout: its gradient with a fixed mask, masks drawn from each row's place in the stream,
 * determinism, both backends and every thread count alike, off outside fit, saved.
 */
class DropoutTest {

    private static final long SEED = 21;
    private static final double RATE = 0.4;

    private static Network network(Backend backend) {
        return Network.builder().dataType(DataType.DOUBLE).backend(backend).seed(9)
                .dense(2, 8, Activation.TANH).dropout(RATE).dense(8, 3, Activation.SOFTMAX).build();
    }

    /** Mean cross-entropy of the network with {@code mask} after its first layer. */
    private static double maskedLoss(Network net, DataSet data, INDArray mask) {
        INDArray hidden = Dropout.forward(net.layer(0).forward(data.features(), false), mask);
        INDArray p = net.layer(1).forward(hidden, false);
        int[] labels = data.labels();
        double sum = 0;
        for (int i = 0; i < labels.length; i++) {
            sum -= Math.log(p.getDouble(i, labels[i]));
        }
        return sum / labels.length;
    }

    /**
     * One full-batch SGD step moves every parameter by −rate times the gradient of the loss with the
     * mask that step drew — row r's from its place in epoch 1 of the fit's stream — checked by central
     * differences.
     */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void theGradientWithAFixedMaskMatchesCentralDifferences(Backend backend) {
        DataSet data = Datasets.spiral(5, 3, 3).inType(DataType.DOUBLE);
        double rate = 0.2;
        Network trained = network(backend);
        Network probe = network(backend);
        trained.fit(data, Fit.builder().loss(Loss.CROSS_ENTROPY).optimizer(Optimizer.sgd(rate)).epochs(1)
                .batchSize(100).shuffle(false).seed(SEED).build());
        DropoutMasks stream = new DropoutMasks(List.of(RATE, 0.0), List.of(8, 3), SEED ^ DropoutStream.SALT);
        stream.startEpoch(1, Permutation.identity(data.size()), data.size());
        long[] firsts = new long[data.size()];
        for (int r = 0; r < firsts.length; r++) {
            // ((epoch · rows + r) · width + offset): width 8, the only dropout layer's offset 0
            firsts[r] = (1L * data.size() + r) * 8;
            assertEquals(firsts[r], stream.first(r, 0));
        }
        INDArray mask = Dropout.mask(firsts, 8, RATE, SEED ^ DropoutStream.SALT, DataType.DOUBLE);
        assertTrue(mask.eq(0).any() && mask.neq(0).any(), "the mask drops some outputs and keeps others");
        for (int layer = 0; layer < 2; layer++) {
            for (int which = 0; which < 2; which++) {
                INDArray parameter = probe.layer(layer).parameters().get(which).value();
                INDArray after = trained.layer(layer).parameters().get(which).value();
                for (int i = 0; i < parameter.length(); i++) {
                    double original = parameter.getDouble(i);
                    double h = 1e-6;
                    parameter.putScalar(i, original + h);
                    double plus = maskedLoss(probe, data, mask);
                    parameter.putScalar(i, original - h);
                    double minus = maskedLoss(probe, data, mask);
                    parameter.putScalar(i, original);
                    assertEquals((plus - minus) / (2 * h), (original - after.getDouble(i)) / rate, 1e-7,
                            "layer " + layer + " parameter " + which + " element " + i);
                }
            }
        }
    }

    /** 2-8-6-3 with dropout after both hidden layers, so that the second's masks lie past the first's in the stream. */
    private static double[] trainedWeights(Backend backend, int threads, long seed) {
        Network.Builder builder = Network.builder().dataType(DataType.DOUBLE).backend(backend).seed(9);
        if (threads > 0) {
            builder.threads(threads);
        }
        Network net = builder.dense(2, 8, Activation.TANH).dropout(RATE).dense(8, 6, Activation.RELU).dropout(0.2)
                .dense(6, 3, Activation.SOFTMAX).build();
        net.fit(Datasets.spiral(20, 3, 1), Fit.builder().loss(Loss.CROSS_ENTROPY).optimizer(Optimizer.adam(0.01))
                .epochs(3).batchSize(16).seed(seed).classWeights(1, 2, 1).build());
        return net.parameters().stream().flatMapToDouble(p -> Arrays.stream(p.value().ravel().toDoubleVector()))
                .toArray();
    }

    @Test
    void theSameSeedGivesTheSameWeightsOnBothBackendsAndEveryThreadCount() {
        double[] fast = trainedWeights(Backend.FAST, 1, 4);
        assertArrayEquals(fast, trainedWeights(Backend.FAST, 1, 4), 0);
        assertArrayEquals(fast, trainedWeights(Backend.REFERENCE, 0, 4), 1e-12);
        assertArrayEquals(fast, trainedWeights(Backend.FAST, 3, 4), 1e-12);
        assertFalse(Arrays.equals(fast, trainedWeights(Backend.FAST, 1, 5)), "another seed, other masks");
    }

    @Test
    void theFastKernelDrawsTheReferenceMask() {
        long seed = 77;
        long[] firsts = {0, 40, 3, 1L << 40, -12};
        INDArray reference = Dropout.mask(firsts, 7, 0.35, seed, DataType.DOUBLE);
        Matrix fast = Matrix.of(org.nd4j.linalg.factory.Nd4j.create(DataType.DOUBLE, firsts.length, 7));
        for (int r = 0; r < firsts.length; r++) {
            DropoutKernel.drawRow(fast.values, r, 0.35, seed, firsts[r]);
        }
        assertArrayEquals(reference.ravel().toDoubleVector(), fast.array().ravel().toDoubleVector(), 0);
        // a generator made with the seed draws the stream's numbers in turn
        MaskGenerator generator = new MaskGenerator(seed);
        for (int k = 0; k < 50; k++) {
            assertEquals(MaskGenerator.at(seed, k), generator.nextDouble());
        }
    }

    @Test
    void aRowsMaskDependsOnTheRowAndTheEpochNotOnItsBatch() {
        DropoutMasks stream = new DropoutMasks(List.of(0.5, 0.0, 0.25), List.of(10, 4, 6), 3);
        int[] order = {4, 0, 3, 1, 2};
        stream.startEpoch(2, order, 5);
        // ((epoch · rows + row) · width + offset): width 10 + 6, the third layer's offset 10
        assertEquals((2 * 5 + 4) * 16, stream.first(0, 0));
        assertEquals((2 * 5 + 1) * 16 + 10, stream.first(3, 2));
        DropoutMasks worker = new DropoutMasks(List.of(0.5, 0.0, 0.25), List.of(10, 4, 6), 3);
        // a worker holding training rows 1 and 4 in its own order draws their masks where fit does
        worker.startEpoch(2, new int[] {1, 4}, 5);
        assertEquals(stream.first(3, 2), worker.first(0, 2));
        assertEquals(stream.first(0, 0), worker.first(1, 0));
        stream.startEpoch(3, order, 5);
        assertTrue(stream.first(0, 0) != worker.first(1, 0), "another epoch, other masks");
    }

    @Test
    void predictionUsesNoDropout() {
        Network net = network(Backend.FAST);
        DataSet data = Datasets.spiral(5, 3, 3).inType(DataType.DOUBLE);
        INDArray plain = net.layer(1).forward(net.layer(0).forward(data.features(), false), false);
        assertArrayEquals(plain.ravel().toDoubleVector(), net.predict(data.features()).ravel().toDoubleVector(), 1e-15);
    }

    @Test
    void dropoutIsSavedInTheModelFileAndShownInTheSummary(@TempDir Path dir) throws Exception {
        Network net = network(Backend.FAST);
        Path file = dir.resolve("net.zip");
        net.save(file);
        Network loaded = Network.load(file);
        assertEquals(RATE, loaded.dropoutRate(0));
        assertEquals(0.0, loaded.dropoutRate(1));
        assertTrue(Files.size(file) > 0);
        assertTrue(net.summary().contains("dropout0 (Dropout)   rate 0.4"), net.summary());
    }

    @Test
    void misplacedDropoutIsRefused() {
        assertEquals("dropout(0.5) after the output layer (dense layer 1) would drop predictions; put dropout "
                + "between dense layers", assertThrows(IllegalStateException.class,
                        () -> Network.builder().dense(2, 3, Activation.SOFTMAX).dropout(0.5).build()).getMessage());
        assertEquals("dropout rate must be in (0, 1), was 1.0", assertThrows(IllegalArgumentException.class,
                () -> Network.builder().dense(2, 3, Activation.RELU).dropout(1.0)).getMessage());
        assertThrows(IllegalStateException.class, () -> Network.builder().dropout(0.5));
    }
}
