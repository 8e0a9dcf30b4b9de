package dev.scratchnet.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scratchnet.Activation;
import dev.scratchnet.DataSet;
import dev.scratchnet.Datasets;
import dev.scratchnet.Fit;
import dev.scratchnet.LayerDiagnostics;
import dev.scratchnet.Loss;
import dev.scratchnet.Network;
import dev.scratchnet.Optimizer;
import dev.scratchnet.Split;
import dev.scratchnet.TrainingHistory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The one training loop's outside check: a digits network with dropout trained on Spark
 * {@code local[2]} with class weights, clipping, checkpoints, a validation split and diagnostics,
 * against the same {@code Fit} on one machine: nothing refused, the same weights (float64, to 1e-9),
 * the same held-out accuracy, checkpoints written, validation loss and diagnostics every epoch, and
 * a resume from a Spark checkpoint that continues bit for bit.
 */
class SparkEverySettingIT {

    private static final int EPOCHS = 6;

    private static JavaSparkContext spark;
    private static Split digits;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start("local[2]");
        digits = Datasets.digits().scale(1 / 16.0).split(0.8, 1);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    /** 64-32-10 relu/softmax with dropout 0.2 after the hidden layer, float64, seed 3. */
    private static Network network() {
        return Network.builder().seed(3).dataType(DataType.DOUBLE).input(64).dense(32, Activation.RELU).dropout(0.2)
                .dense(10, Activation.SOFTMAX).build();
    }

    private static Fit.Builder settings(int epochs) {
        return Fit.builder().loss(Loss.CROSS_ENTROPY).optimizer(Optimizer.adam(0.005)).epochs(epochs).batchSize(32)
                .seed(11).classWeights(1, 1.5, 1, 1, 1, 1, 1, 1, 2, 1).clipNorm(1.0).validationSplit(0.2)
                .diagnostics(true);
    }

    @Test
    void everySettingWithDropoutTrainsOnSparkAsOnOneMachine(@TempDir Path folder) {
        Network local = network();
        TrainingHistory localHistory = local.fit(digits.train(), settings(EPOCHS)
                .checkpoints(folder.resolve("local"), 2).build());
        Network distributed = network();

        TrainingHistory history = SparkTraining.fit(distributed, spark, digits.train(), 2, settings(EPOCHS)
                .checkpoints(folder.resolve("spark"), 2).build());

        double localAccuracy = local.evaluate(digits.test()).accuracy();
        double accuracy = distributed.evaluate(digits.test()).accuracy();
        assertTrue(Math.abs(localAccuracy - accuracy) <= 0.015, "held-out accuracy " + accuracy + " on Spark, "
                + localAccuracy + " on one machine");
        assertTrue(accuracy >= 0.9, "held-out accuracy " + accuracy);
        SparkTrainingIT.assertClose(local, distributed, 1e-9);
        assertArrayEquals(localHistory.trainLoss(), history.trainLoss(), 1e-9);
        assertArrayEquals(localHistory.validationLoss(), history.validationLoss(), 1e-9);
        assertEquals(EPOCHS, history.epochs());
        for (double loss : history.validationLoss()) {
            assertTrue(Double.isFinite(loss), "a validation loss every epoch: " + loss);
        }
        Set<Integer> diagnosed = history.diagnostics().stream().map(LayerDiagnostics::epoch)
                .collect(Collectors.toSet());
        assertEquals(Set.of(1, 2, 3, 4, 5, 6), diagnosed, "diagnostics every epoch");
        assertEquals(localHistory.diagnostics().size(), history.diagnostics().size());
        for (int i = 0; i < history.diagnostics().size(); i++) {
            assertEquals(localHistory.diagnostics().get(i).gradientNorm(), history.diagnostics().get(i).gradientNorm(),
                    1e-9);
        }
        for (int epoch : new int[] {2, 4, 6}) {
            assertTrue(Files.exists(folder.resolve("spark").resolve(String.format("checkpoint-%010d.zip", epoch))),
                    "checkpoint of epoch " + epoch);
        }
    }

    @Test
    void aSparkCheckpointWithDropoutResumesBitForBit(@TempDir Path folder) {
        Network straight = network();
        SparkTraining.fit(straight, spark, digits.train(), 2, settings(4).checkpoints(folder, 2).build());
        Network resumed = network();

        SparkTraining.fit(resumed, spark, digits.train(), 2, settings(4)
                .resumeFrom(folder.resolve("checkpoint-0000000002.zip")).build());

        for (int layer = 0; layer < straight.numLayers(); layer++) {
            assertEquals(straight.layer(layer).weights(), resumed.layer(layer).weights(), "weights of layer " + layer);
            assertEquals(straight.layer(layer).bias(), resumed.layer(layer).bias(), "bias of layer " + layer);
        }
    }

    @Test
    void runsWithDropoutAreBitIdenticalAndAnotherSeedDrawsOtherMasks() {
        Fit fit = Fit.builder().loss(Loss.CROSS_ENTROPY).optimizer(Optimizer.sgd(0.1)).epochs(2).batchSize(64).seed(4)
                .build();
        Network first = network();
        Network second = network();
        Network otherSeed = network();

        SparkTraining.fit(first, spark, digits.train(), 2, fit);
        SparkTraining.fit(second, spark, digits.train(), 2, fit);
        SparkTraining.fit(otherSeed, spark, digits.train(), 2, Fit.builder().loss(Loss.CROSS_ENTROPY)
                .optimizer(Optimizer.sgd(0.1)).epochs(2).batchSize(64).seed(5).build());

        assertEquals(first.layer(0).weights(), second.layer(0).weights());
        assertTrue(!first.layer(0).weights().equals(otherSeed.layer(0).weights()), "another seed, other masks");
    }
}
