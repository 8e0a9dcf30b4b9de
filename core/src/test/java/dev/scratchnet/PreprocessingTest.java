package dev.scratchnet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Scalers fitted on training rows, kept in the network and its file, applied to raw data everywhere. */
class PreprocessingTest {

    private static final INDArray TABLE = TestArrays.matrix(
            new double[] {1, 10, 5},
            new double[] {3, 20, 5},
            new double[] {5, 60, 5},
            new double[] {7, 30, 5});

    @Test
    void standardizeUsesColumnMeansAndPopulationDeviationsAndLeavesAConstantColumnAtZero() {
        Scaler scaler = Scaler.standardize(TABLE);
        assertArrayEquals(new double[] {4, 30, 5}, scaler.shift(), 1e-12);
        // numpy: x.std(axis=0) (ddof 0) = [2.23606798, 18.70828693, 0] → the constant column's scale is 1
        assertArrayEquals(new double[] {Math.sqrt(5), Math.sqrt(350), 1}, scaler.scale(), 1e-12);
        INDArray scaled = scaler.apply(TABLE);
        assertEquals(0.0, scaled.getColumn(2).amaxNumber().doubleValue(), 0.0);
        assertEquals(0.0, scaled.mean(0).amaxNumber().doubleValue(), 1e-12);
        assertEquals(TABLE, scaler.invert(scaled));
    }

    @Test
    void minMaxMapsTheTrainingRangeToZeroOneAndFactorMultiplies() {
        INDArray scaled = Scaler.minMax(TABLE).apply(TABLE);
        assertArrayEquals(new double[] {0, 0, 0}, scaled.min(0).toDoubleVector(), 1e-12);
        assertArrayEquals(new double[] {1, 1, 0}, scaled.max(0).toDoubleVector(), 1e-12);
        assertEquals(TABLE.mul(0.5), Scaler.factor(0.5, 3).apply(TABLE));
        assertThrows(IllegalArgumentException.class, () -> Scaler.factor(0, 3));
    }

    @Test
    void aNetworkWithAScalerTrainsAndPredictsOnRawValuesAsOneWithoutOnScaledValues() {
        DataSet raw = Datasets.digits();
        Network scaled = Network.builder().seed(3).input(64).scaler(Scaler.factor(1 / 16.0, 64))
                .dense(15, Activation.RELU).dense(10, Activation.SOFTMAX).build();
        Network plain = Network.builder().seed(3).input(64).dense(15, Activation.RELU).dense(10, Activation.SOFTMAX)
                .build();
        Fit fit = Fit.builder().loss(Loss.CROSS_ENTROPY).optimizer(Optimizer.adam(0.01)).epochs(1).build();
        scaled.fit(raw, fit);
        plain.fit(raw.scale(1 / 16.0), fit);
        assertEquals(plain.layer(0).weights(), scaled.layer(0).weights());
        assertEquals(plain.predict(raw.scale(1 / 16.0).features()), scaled.predict(raw.features()));
        assertEquals(plain.evaluate(raw.scale(1 / 16.0)).accuracy(), scaled.evaluate(raw).accuracy());
    }

    @Test
    void aTargetScalerTrainsOnScaledTargetsAndPredictsInTheTargetsUnits() {
        // y = 1000 + 50·x: far from the outputs an identity layer starts with
        INDArray x = TestArrays.uniform(200, 1, -1, 1);
        INDArray y = x.mul(50).addi(1000);
        DataSet data = DataSet.of(x, y);
        Network net = Network.builder().seed(1).dataType(DataType.DOUBLE).input(1)
                .targetScaler(Scaler.standardize(y)).dense(1, Activation.IDENTITY).build();
        net.fit(data, Fit.builder().loss(Loss.MSE).optimizer(Optimizer.sgd(0.5)).epochs(200).batchSize(200).build());
        assertEquals(0.0, net.predict(x).sub(y).amaxNumber().doubleValue(), 1e-6);
        assertEquals(1.0, net.evaluate(data).r2(), 1e-9);
    }

    @Test
    void scalersAndClassNamesTravelInTheModelFile(@TempDir Path dir) throws IOException {
        INDArray x = TestArrays.uniform(30, 3, 0, 100);
        Network net = Network.builder().seed(2).input(3).scaler(Scaler.standardize(x))
                .dense(4, Activation.TANH).dense(3, Activation.SOFTMAX)
                .classNames(List.of("setosa", "versicolor", "virginica")).build();
        Path file = dir.resolve("model.zip");
        net.save(file);
        Network loaded = Network.load(file);
        assertEquals(net.predict(x), loaded.predict(x));
        assertEquals(List.of("setosa", "versicolor", "virginica"), loaded.classNames());
        assertEquals("standardize", loaded.scaler().orElseThrow().kind());
        try (ZipFile zip = new ZipFile(file.toFile())) {
            String json = new String(zip.getInputStream(zip.getEntry("model.json")).readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(json.contains("\"formatVersion\" : 2"), json);
            assertTrue(zip.getEntry("preprocessing.inputs.shift.npy") != null);
        }
        Network plain = Network.builder().dense(3, 2, Activation.SIGMOID).build();
        plain.save(dir.resolve("plain.zip"));
        try (ZipFile zip = new ZipFile(dir.resolve("plain.zip").toFile())) {
            String json = new String(zip.getInputStream(zip.getEntry("model.json")).readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(json.contains("\"formatVersion\" : 1"), "a network without preprocessing stays version 1: " + json);
        }
    }

    @Test
    void widthsThatDoNotFitAreRefusedAtBuild() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Network.builder()
                .scaler(Scaler.standardize(TABLE)).dense(4, 2, Activation.SIGMOID).build());
        assertEquals("the scaler takes 3 columns but the network's input has nIn = 4", e.getMessage());
        IllegalArgumentException names = assertThrows(IllegalArgumentException.class, () -> Network.builder()
                .dense(4, 3, Activation.SOFTMAX).classNames(List.of("a", "b")).build());
        assertTrue(names.getMessage().startsWith("class names must name the network's 3 classes"), names.getMessage());
    }
}
