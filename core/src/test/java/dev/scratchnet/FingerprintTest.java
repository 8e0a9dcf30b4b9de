package dev.scratchnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FingerprintTest {

    private final Network network = Network.builder().seed(3).dense(2, 4, Activation.TANH)
            .dense(4, 1, Activation.SIGMOID).build();

    @Test
    void everySettingThatChangesTheWeightsIsInTheFingerprintByItsName() {
        Fit fit = Fit.builder().loss(Loss.BINARY_CROSS_ENTROPY).batchSize(2).l2(0.5).clipValue(2)
                .classWeights(1, 3).validationSplit(0.25).earlyStopping(2).build();

        Map<String, String> settings = Fingerprint.of(network, Fingerprint.data(Datasets.xor()), fit);

        assertEquals(List.of("network", "training data", "loss", "optimizer", "schedule", "batchSize", "shuffle",
                "seed", "l2", "clipNorm", "clipValue", "classWeights", "validationSplit", "validation",
                "earlyStoppingPatience", "earlyStoppingMinDelta"), List.copyOf(settings.keySet()));
        assertEquals("2", settings.get("batchSize"));
        assertEquals("3", settings.get("seed")); // the network's, as no fit seed was given
        assertEquals("[1.0, 3.0]", settings.get("classWeights"));
        assertEquals("none", settings.get("validation"));
    }

    @Test
    void epochsListenersDiagnosticsAndCheckpointsMayDiffer() {
        Fit one = Fit.builder().loss(Loss.MSE).epochs(2).build();
        Fit other = Fit.builder().loss(Loss.MSE).epochs(9).diagnostics(true).listener(r -> { })
                .checkpoints(Path.of("somewhere"), 3).build();

        assertEquals(Fingerprint.of(network, Fingerprint.data(Datasets.xor()), one), Fingerprint.of(network, Fingerprint.data(Datasets.xor()), other));
        assertFalse(Fingerprint.of(network, Fingerprint.data(Datasets.xor()), one).containsKey("epochs"));
    }

    @Test
    void aFingerprintWrittenBeforeTheSettingsWereGroupedReadsAsToday() {
        Fit fit = Fit.builder().loss(Loss.MSE).validationSplit(0.25).earlyStopping(2).build();
        Map<String, String> today = Fingerprint.of(network, Fingerprint.data(Datasets.xor()), fit);
        Map<String, String> before = new java.util.LinkedHashMap<>(today);
        before.keySet().removeAll(List.of("validationSplit", "validation", "earlyStoppingPatience",
                "earlyStoppingMinDelta"));
        before.put("validation", "split 0.25");
        before.put("earlyStopping", "2, 0.0");

        assertEquals(today, Fingerprint.upgraded(before));
    }
}
