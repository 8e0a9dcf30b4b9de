package dev.scratchnet.spark;

import static dev.scratchnet.spark.SparkTrainingIT.assertClose;
import static dev.scratchnet.spark.SparkTrainingIT.network;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scratchnet.Activation;
import dev.scratchnet.Datasets;
import dev.scratchnet.Fit;
import dev.scratchnet.Loss;
import dev.scratchnet.Network;
import dev.scratchnet.Optimizer;
import dev.scratchnet.Split;
import dev.scratchnet.TrainingHistory;
import dev.scratchnet.EpochResult;
import dev.scratchnet.EpochStart;
import dev.scratchnet.TrainingListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

/** {@link SparkTraining#averageEvery(int)} on {@code local[2]}: local steps, averaged weights and Adam moments. */
class AveragingIT {

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

    @Test
    void onePartitionTakesTheStepsOfALocalFit() {
        // one partition, rows in order: its local steps are fit's steps, averaging changes nothing
        Fit fit = Fit.builder().loss(Loss.CROSS_ENTROPY).optimizer(Optimizer.adam(0.01)).epochs(2).batchSize(32)
                .l2(1e-4).shuffle(false).build();
        Network local = network(DataType.DOUBLE);
        TrainingHistory localHistory = local.fit(digits.train(), fit);
        Network averaged = network(DataType.DOUBLE);

        TrainingHistory history = SparkTraining.fit(averaged, spark, digits.train(), 1, fit,
                SparkTraining.averageEvery(3));

        assertClose(local, averaged, 1e-9);
        assertEquals(localHistory.trainLoss()[1], history.trainLoss()[1], 1e-9);
    }

    @Test
    void twoRunsGiveTheSameWeightsBitForBit() {
        Fit fit = Fit.builder().loss(Loss.CROSS_ENTROPY).optimizer(Optimizer.adam(0.01)).epochs(2).batchSize(16)
                .seed(5).build();
        Network first = network(DataType.FLOAT);
        Network second = network(DataType.FLOAT);

        SparkTraining.fit(first, spark, digits.train(), 2, fit, SparkTraining.averageEvery(4));
        SparkTraining.fit(second, spark, digits.train(), 2, fit, SparkTraining.averageEvery(4));

        assertClose(first, second, 0);
        assertEquals(0, Workers.count(), "workers forgotten");
    }

    @Test
    void averagingEveryFourStepsLandsNearExactSteps() {
        Fit fit = Fit.builder().loss(Loss.CROSS_ENTROPY).optimizer(Optimizer.adam(0.005)).epochs(10).batchSize(64)
                .seed(1).build();
        Network exact = digitsNetwork();
        Network averaged = digitsNetwork();

        SparkTraining.fit(exact, spark, digits.train(), 2, fit, SparkTraining.exact());
        TrainingHistory history = SparkTraining.fit(averaged, spark, digits.train(), 2, fit,
                SparkTraining.averageEvery(4));

        double exactAccuracy = exact.evaluate(digits.test()).accuracy();
        double averagedAccuracy = averaged.evaluate(digits.test()).accuracy();
        assertEquals(10, history.epochs());
        assertTrue(history.trainLoss()[9] < history.trainLoss()[0] / 4, "loss falls: " + history.trainLoss()[9]);
        assertTrue(averagedAccuracy >= 0.94, "averaged held-out accuracy " + averagedAccuracy);
        assertTrue(Math.abs(exactAccuracy - averagedAccuracy) <= 0.02,
                "averaged " + averagedAccuracy + " against exact " + exactAccuracy);
    }

    @Test
    void refusesWhatItCannotTrain() {
        IllegalArgumentException steps = assertThrows(IllegalArgumentException.class,
                () -> SparkTraining.averageEvery(0));
        assertTrue(steps.getMessage().contains("1 or more, was 0"), steps.getMessage());

        Fit split = Fit.builder().loss(Loss.MSE).validationSplit(0.2).build();
        IllegalArgumentException held = assertThrows(IllegalArgumentException.class,
                () -> SparkTraining.fit(network(DataType.FLOAT), spark, digits.train(), 2, split,
                        SparkTraining.averageEvery(2)));
        assertTrue(held.getMessage().contains("validationSplit(0.2)"), held.getMessage());

        // local[2] has two task slots, and an epoch runs every partition's task at once
        Fit fit = Fit.builder().loss(Loss.CROSS_ENTROPY).build();
        IllegalArgumentException slots = assertThrows(IllegalArgumentException.class,
                () -> SparkTraining.fit(network(DataType.FLOAT), spark, digits.train(), 3, fit,
                        SparkTraining.averageEvery(2)));
        assertTrue(slots.getMessage().contains("each of the data's 3 partitions, but the cluster has 2"),
                slots.getMessage());
    }

    @Test
    void clippingClassWeightsEarlyStoppingAndCheckpointsRunThroughFitsPartsAndResume(@TempDir Path folder) {
        // the loop, early stopping and checkpoints are fit's own; a resumed run continues the averaged
        // weights and Adam moments of the checkpoint, so it ends where the whole run ends, bit for bit
        Fit.Builder settings = Fit.builder().loss(Loss.CROSS_ENTROPY).optimizer(Optimizer.adam(0.01)).epochs(4)
                .batchSize(32).seed(3).clipNorm(0.5).classWeights(1, 2, 1, 1, 1, 1, 1, 1, 1, 3)
                .validation(digits.test()).earlyStopping(3);
        List<Integer> rounds = new ArrayList<>();
        TrainingListener counting = new TrainingListener() {
            @Override
            public void onEpochStart(EpochStart start) {
                rounds.add(start.batches());
            }

            @Override
            public void onEpochEnd(EpochResult result) {
            }
        };
        Network whole = network(DataType.DOUBLE);
        TrainingHistory history = SparkTraining.fit(whole, spark, digits.train(), 2,
                settings.checkpoints(folder, 2).listener(counting).build(), SparkTraining.averageEvery(3));
        Network resumed = network(DataType.DOUBLE);
        SparkTraining.fit(resumed, spark, digits.train(), 2, Fit.builder().loss(Loss.CROSS_ENTROPY)
                .optimizer(Optimizer.adam(0.01)).epochs(4).batchSize(32).seed(3).clipNorm(0.5)
                .classWeights(1, 2, 1, 1, 1, 1, 1, 1, 1, 3).validation(digits.test()).earlyStopping(3)
                .resumeFrom(folder.resolve("checkpoint-0000000002.zip")).build(), SparkTraining.averageEvery(3));

        // 1437 rows in halves of 718 and 719: 23 local steps of 32 rows each, 8 rounds of up to 3
        assertEquals(List.of(8, 8, 8, 8), rounds);
        assertEquals(4, history.validationLoss().length);
        assertTrue(Files.exists(folder.resolve("checkpoint-0000000004.zip")));
        assertClose(whole, resumed, 0);
    }

    private static Network digitsNetwork() {
        return Network.builder().seed(1).input(64).dense(64, Activation.RELU).dense(10, Activation.SOFTMAX).build();
    }
}
