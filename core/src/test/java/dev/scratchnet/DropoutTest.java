package dev.scratchnet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scratchnet.kernels.MaskGenerator;
import dev.scratchnet.layers.Dropout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Inverted dropout: its gradient with a fixed mask, determinism, both backends alike, off outside fit, saved. */
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
     * mask that step drew — the first draws of the fit's generator — checked by central differences.
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
        INDArray mask = Dropout.mask(data.size(), 8, RATE, new MaskGenerator(SEED ^ InMemoryFit.DROPOUT_STREAM),
                DataType.DOUBLE);
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

    private static double[] trainedWeights(Backend backend, long seed) {
        Network net = network(backend);
        net.fit(Datasets.spiral(20, 3, 1), Fit.builder().loss(Loss.CROSS_ENTROPY).optimizer(Optimizer.adam(0.01))
                .epochs(3).batchSize(16).seed(seed).build());
        return net.layer(0).weights().ravel().toDoubleVector();
    }

    @Test
    void theSameSeedGivesTheSameWeightsOnBothBackends() {
        double[] fast = trainedWeights(Backend.FAST, 4);
        assertArrayEquals(fast, trainedWeights(Backend.FAST, 4), 0);
        assertArrayEquals(fast, trainedWeights(Backend.REFERENCE, 4), 1e-12);
        assertFalse(Arrays.equals(fast, trainedWeights(Backend.FAST, 5)), "another seed, other masks");
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
