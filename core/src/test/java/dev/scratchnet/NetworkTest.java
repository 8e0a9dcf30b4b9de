package dev.scratchnet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class NetworkTest {

    @Test
    void explicitWeightsGiveTheOutputsComputedByHand() {
        INDArray w = TestArrays.matrix(new double[] {1, -1}, new double[] {2, 0.5});
        INDArray b = Nd4j.createFromArray(0.5, -1.0);
        Network net = Network.builder().dataType(DataType.DOUBLE).dense(w, b, Activation.SIGMOID).build();

        INDArray p = net.predict(TestArrays.matrix(new double[] {1, 1}, new double[] {0, -2}));

        // row 1: z = (1 + 2 + 0.5, −1 + 0.5 − 1) = (3.5, −1.5); row 2: z = (−4 + 0.5, −1 − 1) = (−3.5, −2)
        double[] expected = {sigmoid(3.5), sigmoid(-1.5), sigmoid(-3.5), sigmoid(-2)};
        assertArrayEquals(expected, p.reshape(4).toDoubleVector(), 1e-15);
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    @Test
    void twoLayerNetworkWithExplicitWeightsChainsByHand() {
        Network net = Network.builder().dataType(DataType.DOUBLE)
                .dense(TestArrays.matrix(new double[] {1, -1}), Nd4j.createFromArray(0.0, 0.0), Activation.RELU)
                .dense(TestArrays.matrix(new double[] {2}, new double[] {3}), Nd4j.createFromArray(1.0), Activation.IDENTITY)
                .build();
        // x = 2: hidden relu(2, −2) = (2, 0), output 2·2 + 3·0 + 1 = 5; x = −1: hidden (0, 1), output 3 + 1 = 4
        INDArray p = net.predict(TestArrays.matrix(new double[] {2}, new double[] {-1}));
        assertArrayEquals(new double[] {5, 4}, p.reshape(2).toDoubleVector(), 1e-15);
    }

    @Test
    void sizesThatDoNotChainAreRefusedNamingBothLayers() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Network.builder()
                .dense(64, 15, Activation.RELU).dense(16, 10, Activation.SIGMOID).build());
        assertEquals("dense layer 2 expects nIn = 16 but layer 1 has nOut = 15", e.getMessage());
    }

    @Test
    void inputWidthFormBuildsTheSameNetwork() {
        Network explicit = Network.builder().seed(4).dense(64, 15, Activation.RELU).dense(15, 10, Activation.SIGMOID).build();
        Network inferred = Network.builder().seed(4).input(64).dense(15, Activation.RELU).dense(10, Activation.SIGMOID).build();
        assertEquals(explicit.summary(), inferred.summary());
        assertEquals(explicit.layer(1).weights(), inferred.layer(1).weights());
    }

    @Test
    void widthOnlyLayerWithoutInputIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Network.builder().dense(10, Activation.RELU).build());
        assertTrue(e.getMessage().contains("call input(n) first"), e.getMessage());
    }

    @Test
    void sameSeedGivesBitIdenticalWeightsAndDifferentSeedsDiffer() {
        Network a = Network.builder().seed(9).dense(8, 5, Activation.TANH).dense(5, 2, Activation.SOFTMAX).build();
        Network b = Network.builder().seed(9).dense(8, 5, Activation.TANH).dense(5, 2, Activation.SOFTMAX).build();
        Network c = Network.builder().seed(10).dense(8, 5, Activation.TANH).dense(5, 2, Activation.SOFTMAX).build();
        for (int i = 0; i < 2; i++) {
            assertArrayEquals(a.layer(i).weights().data().asFloat(), b.layer(i).weights().data().asFloat());
        }
        assertNotEquals(a.layer(0).weights(), c.layer(0).weights());
    }

    @Test
    void trainingWithTheSameSeedTwiceGivesBitIdenticalWeights() {
        DataSet data = Datasets.spiral(20, 3, 5);
        Fit fit = Fit.builder().loss(Loss.CROSS_ENTROPY).optimizer(Optimizer.sgd(0.5)).epochs(5).batchSize(16).build();
        Network a = Network.builder().seed(2).dense(2, 8, Activation.RELU).dense(8, 3, Activation.SOFTMAX).build();
        Network b = Network.builder().seed(2).dense(2, 8, Activation.RELU).dense(8, 3, Activation.SOFTMAX).build();
        a.fit(data, fit);
        b.fit(data, fit);
        assertArrayEquals(a.layer(0).weights().data().asFloat(), b.layer(0).weights().data().asFloat());
        assertArrayEquals(a.layer(1).bias().data().asFloat(), b.layer(1).bias().data().asFloat());
    }

    @Test
    void initializersFollowTheirDistributions() {
        Network net = Network.builder().dataType(DataType.DOUBLE)
                .dense(400, 300, Activation.RELU, Initializer.HE)
                .dense(300, 200, Activation.TANH)
                .dense(200, 100, Activation.TANH, Initializer.uniform(-0.5, 0.5))
                .dense(100, 50, Activation.TANH, Initializer.normal(0.01))
                .dense(50, 2, Activation.SOFTMAX, Initializer.zeros())
                .build();
        assertEquals(Math.sqrt(2.0 / 400), net.layer(0).weights().stdNumber().doubleValue(), 0.002);
        double glorotLimit = Math.sqrt(6.0 / 500);
        assertTrue(net.layer(1).weights().amaxNumber().doubleValue() <= glorotLimit);
        assertEquals(glorotLimit / Math.sqrt(3), net.layer(1).weights().stdNumber().doubleValue(), 0.002);
        assertTrue(net.layer(2).weights().amaxNumber().doubleValue() <= 0.5);
        assertEquals(0.01, net.layer(3).weights().stdNumber().doubleValue(), 0.001);
        assertEquals(0.0, net.layer(4).weights().amaxNumber().doubleValue());
        assertEquals(0.0, net.layer(0).bias().amaxNumber().doubleValue());
    }

    @Test
    void floatAndDoubleNetworksStartFromTheSameDraws() {
        Network single = Network.builder().seed(5).dense(3, 2, Activation.TANH).build();
        Network twice = Network.builder().seed(5).dataType(DataType.DOUBLE).dense(3, 2, Activation.TANH).build();
        assertEquals(DataType.FLOAT, single.layer(0).weights().dataType());
        assertArrayEquals(twice.layer(0).weights().data().asDouble(),
                single.layer(0).weights().castTo(DataType.DOUBLE).data().asDouble(), 1e-7);
    }

    @Test
    void summaryCountsParameters() {
        Network net = Network.builder().dense(64, 15, Activation.RELU).dense(15, 10, Activation.SIGMOID).build();
        assertEquals(1135, net.parameterCount());
        assertTrue(net.summary().contains("total parameters: 1135"), net.summary());
    }

    @Test
    void predictOfTheWrongWidthIsRefused() {
        Network net = Network.builder().dense(4, 2, Activation.SIGMOID).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> net.predict(Nd4j.zeros(DataType.FLOAT, 3, 5)));
        assertTrue(e.getMessage().startsWith("input has 5 columns but the network expects nIn = 4"), e.getMessage());
    }

    @Test
    void fitWithoutLossIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Fit.builder().build());
        assertTrue(e.getMessage().startsWith("Fit needs a loss"));
    }
}
