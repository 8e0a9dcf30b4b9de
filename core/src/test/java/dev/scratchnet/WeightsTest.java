package dev.scratchnet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Class and sample weights: torch's weighted mean, its gradient, and what it does to a rare class. */
class WeightsTest {

    private static final double[] CLASS_WEIGHTS = {0.5, 3.0, 1.25};

    private static Network network(Backend backend) {
        return Network.builder().dataType(DataType.DOUBLE).backend(backend).seed(11)
                .dense(2, 6, Activation.TANH).dense(6, 3, Activation.SOFTMAX).build();
    }

    private static DataSet data() {
        DataSet spiral = Datasets.spiral(6, 3, 2);
        double[] rowWeights = new double[spiral.size()];
        for (int i = 0; i < rowWeights.length; i++) {
            rowWeights[i] = 0.25 + (i % 4) * 0.5;
        }
        return spiral.withWeights(rowWeights);
    }

    /** torch: F.cross_entropy(logits, y, weight=c, reduction='none') · s summed, over Σ c[yᵢ]·sᵢ. */
    private static double torchLoss(Network net, DataSet data) {
        INDArray p = net.predict(data.features());
        int[] labels = data.labels();
        double[] rowWeights = data.weights();
        double weighted = 0;
        double total = 0;
        for (int i = 0; i < labels.length; i++) {
            double w = CLASS_WEIGHTS[labels[i]] * rowWeights[i];
            weighted += w * -Math.log(p.getDouble(i, labels[i]));
            total += w;
        }
        return weighted / total;
    }

    private static Fit oneStep(double rate) {
        return Fit.builder().loss(Loss.CROSS_ENTROPY).optimizer(Optimizer.sgd(rate)).classWeights(CLASS_WEIGHTS)
                .epochs(1).batchSize(1000).shuffle(false).build();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void theTrainingLossIsTorchsWeightedMean(Backend backend) {
        Network net = network(backend);
        double expected = torchLoss(net, data());
        TrainingHistory h = net.fit(data(), oneStep(1e-9));
        assertEquals(expected, h.trainLoss()[0], 1e-12);
    }

    /** The step SGD takes is −rate times the weighted loss's gradient, checked by central differences. */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void theWeightedGradientMatchesCentralDifferences(Backend backend) {
        double rate = 0.1;
        Network trained = network(backend);
        Network probe = network(backend);
        trained.fit(data(), oneStep(rate));
        for (int layer = 0; layer < probe.numLayers(); layer++) {
            for (int which = 0; which < 2; which++) {
                // the live arrays the network computes with
                INDArray parameter = probe.layer(layer).parameters().get(which).value();
                INDArray after = trained.layer(layer).parameters().get(which).value();
                for (int i = 0; i < parameter.length(); i++) {
                    double original = parameter.getDouble(i);
                    double h = 1e-6;
                    parameter.putScalar(i, original + h);
                    double plus = torchLoss(probe, data());
                    parameter.putScalar(i, original - h);
                    double minus = torchLoss(probe, data());
                    parameter.putScalar(i, original);
                    double numeric = (plus - minus) / (2 * h);
                    double analytic = (original - after.getDouble(i)) / rate;
                    assertEquals(numeric, analytic, 1e-7, "layer " + layer + " element " + i);
                }
            }
        }
    }

    @Test
    void rowWeightsWeighEveryLossToo() {
        // MSE with row weights 1 and 3: the training loss is (1·l₀ + 3·l₁) / 4, lᵢ the row's mean over its outputs
        Network net = Network.builder().dataType(DataType.DOUBLE).seed(2).dense(2, 2, Activation.IDENTITY).build();
        INDArray x = Nd4j.createFromArray(new double[][] {{1, 2}, {-1, 0.5}});
        INDArray y = Nd4j.createFromArray(new double[][] {{0.5, -1}, {2, 1}});
        INDArray p = net.predict(x);
        double[] rows = new double[2];
        for (int i = 0; i < 2; i++) {
            for (int c = 0; c < 2; c++) {
                double d = p.getDouble(i, c) - y.getDouble(i, c);
                rows[i] += d * d / 2;
            }
        }
        TrainingHistory h = net.fit(DataSet.of(x, y).withWeights(1, 3), Fit.builder().loss(Loss.MSE)
                .optimizer(Optimizer.sgd(1e-9)).epochs(1).batchSize(2).shuffle(false).build());
        assertEquals((rows[0] + 3 * rows[1]) / 4, h.trainLoss()[0], 1e-12);
    }

    @Test
    void equalWeightsChangeNothing() {
        Fit plain = Fit.builder().loss(Loss.CROSS_ENTROPY).optimizer(Optimizer.adam(0.01)).epochs(3).batchSize(8)
                .seed(3).build();
        Fit weighted = Fit.builder().loss(Loss.CROSS_ENTROPY).optimizer(Optimizer.adam(0.01)).epochs(3).batchSize(8)
                .seed(3).classWeights(2, 2, 2).build();
        DataSet spiral = Datasets.spiral(20, 3, 1);
        Network a = network(Backend.FAST);
        Network b = network(Backend.FAST);
        a.fit(spiral, plain);
        b.fit(spiral, weighted);
        assertArrayEquals(a.layer(1).weights().ravel().toDoubleVector(), b.layer(1).weights().ravel().toDoubleVector(),
                1e-12);
    }

    @Test
    void wrongWeightsAreRefusedWithWhatWasExpected() {
        assertEquals("weights must give one weight per row: 6 rows, 2 weights",
                assertThrows(IllegalArgumentException.class,
                        () -> Datasets.spiral(2, 3, 1).withWeights(1, 2)).getMessage());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> network(Backend.FAST).fit(Datasets.spiral(2, 3, 1), Fit.builder().loss(Loss.CROSS_ENTROPY)
                        .classWeights(1, 2).epochs(1).build()));
        assertEquals("classWeights gives 2 weights [1.0, 2.0] but the network tells 3 classes apart", e.getMessage());
    }
}
