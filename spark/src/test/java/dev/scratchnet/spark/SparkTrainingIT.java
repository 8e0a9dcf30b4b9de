package dev.scratchnet.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scratchnet.Activation;
import dev.scratchnet.DataSet;
import dev.scratchnet.Datasets;
import dev.scratchnet.Fit;
import dev.scratchnet.Gradients;
import dev.scratchnet.LayerDiagnostics;
import dev.scratchnet.Loss;
import dev.scratchnet.Network;
import dev.scratchnet.Optimizer;
import dev.scratchnet.Split;
import dev.scratchnet.TrainingHistory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * {@link SparkTraining} on {@code local[2]}: the same steps as one machine, exact global-batch
 * gradients, every {@code Fit} setting (dropout included), digits.
 */
class SparkTrainingIT {

    private static final int DROPOUT_EPOCHS = 6;

    private static JavaSparkContext spark;
    /** 300 digits, scaled to [0, 1]. */
    private static DataSet digits;
    /** All the digits, scaled, 80 % to train and 20 % held out. */
    private static Split heldOut;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start("local[2]");
        DataSet all = Datasets.digits().scale(1 / 16.0);
        digits = part(all, 0, 300);
        heldOut = all.split(0.8, 1);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void onePartitionEqualsALocalFit() {
        Fit fit = Fit.builder().loss(Loss.CROSS_ENTROPY).optimizer(Optimizer.adam(0.01)).epochs(3).batchSize(32)
                .l2(1e-4).seed(7).build();
        Network local = network(DataType.DOUBLE);
        TrainingHistory localHistory = local.fit(digits, fit);
        Network distributed = network(DataType.DOUBLE);

        TrainingHistory history = SparkTraining.fit(distributed, spark, digits, 1, fit);

        assertClose(local, distributed, 1e-12);
        assertArrayEquals(localHistory.trainLoss(), history.trainLoss(), 1e-12);
        assertArrayEquals(localHistory.trainAccuracy(), history.trainAccuracy(), 1e-12);
    }

    @Test
    void twoPartitionsTakeTheSameStepsAsALocalFit() {
        Fit fit = Fit.builder().loss(Loss.CROSS_ENTROPY).optimizer(Optimizer.momentum(0.1, 0.9)).epochs(2).batchSize(25)
                .l2(1e-3).validation(part(Datasets.digits().scale(1 / 16.0), 300, 400)).build();
        Network local = network(DataType.DOUBLE);
        TrainingHistory localHistory = local.fit(digits, fit);
        Network distributed = network(DataType.DOUBLE);

        TrainingHistory history = SparkTraining.fit(distributed, spark, digits, 2, fit);

        assertClose(local, distributed, 1e-9);
        assertArrayEquals(localHistory.trainLoss(), history.trainLoss(), 1e-9);
        assertArrayEquals(localHistory.validationLoss(), history.validationLoss(), 1e-9);
        assertArrayEquals(localHistory.validationAccuracy(), history.validationAccuracy(), 1e-12);
    }

    @Test
    void clippingEarlyStoppingAndCheckpointsTrainAsALocalFitAndResume(@TempDir Path folder) {
        DataSet validation = part(Datasets.digits().scale(1 / 16.0), 300, 400);
        Fit.Builder settings = Fit.builder().loss(Loss.CROSS_ENTROPY).optimizer(Optimizer.adam(0.01)).epochs(4)
                .batchSize(25).seed(5).clipNorm(0.5).validation(validation).earlyStopping(3);
        Network local = network(DataType.DOUBLE);
        TrainingHistory localHistory = local.fit(digits, settings.build());
        Network distributed = network(DataType.DOUBLE);

        TrainingHistory history = SparkTraining.fit(distributed, spark, digits, 2,
                settings.checkpoints(folder, 2).build());
        Network resumed = network(DataType.DOUBLE);
        SparkTraining.fit(resumed, spark, digits, 2, Fit.builder().loss(Loss.CROSS_ENTROPY)
                .optimizer(Optimizer.adam(0.01)).epochs(4).batchSize(25).seed(5).clipNorm(0.5).validation(validation)
                .earlyStopping(3).resumeFrom(folder.resolve("checkpoint-0000000002.zip")).build());

        assertClose(local, distributed, 1e-9);
        assertArrayEquals(localHistory.validationLoss(), history.validationLoss(), 1e-9);
        assertTrue(Files.exists(folder.resolve("checkpoint-0000000004.zip")));
        assertEquals(distributed.layer(0).weights(), resumed.layer(0).weights());
        assertEquals(distributed.layer(1).bias(), resumed.layer(1).bias());
    }

    @Test
    void validationSplitClassWeightsAndDiagnosticsTrainAsALocalFit() {
        Fit fit = Fit.builder().loss(Loss.CROSS_ENTROPY).optimizer(Optimizer.adam(0.01)).epochs(3).batchSize(20)
                .seed(2).validationSplit(0.2).classWeights(1, 2, 1, 1, 1, 1, 1, 1, 1, 3).diagnostics(true).build();
        Network local = network(DataType.DOUBLE);
        TrainingHistory localHistory = local.fit(digits, fit);
        Network distributed = network(DataType.DOUBLE);

        TrainingHistory history = SparkTraining.fit(distributed, spark, digits, 2, fit);

        assertClose(local, distributed, 1e-9);
        assertArrayEquals(localHistory.trainLoss(), history.trainLoss(), 1e-9);
        assertArrayEquals(localHistory.validationLoss(), history.validationLoss(), 1e-9);
        assertArrayEquals(localHistory.validationAccuracy(), history.validationAccuracy(), 1e-12);
        assertEquals(localHistory.diagnostics().size(), history.diagnostics().size());
        for (int i = 0; i < history.diagnostics().size(); i++) {
            assertEquals(localHistory.diagnostics().get(i).gradientNorm(), history.diagnostics().get(i).gradientNorm(),
                    1e-9);
        }
    }

    @Test
    void twoPartitionsGiveTheGradientOfTheWholeBatch() {
        // one full-batch SGD step on uneven blocks: W1 = W0 − lr·g, g the gradient over all 300 rows
        Network before = network(DataType.DOUBLE);
        Gradients whole = before.gradients(digits.features(), digits.targets(), Loss.MSE);
        JavaRDD<DataSet> blocks = spark.parallelize(List.of(part(digits, 0, 40), part(digits, 40, 190),
                part(digits, 190, 300)), 2);
        Network trained = network(DataType.DOUBLE);
        double rate = 0.5;

        SparkTraining.fit(trained, blocks, Fit.builder().loss(Loss.MSE).optimizer(Optimizer.sgd(rate)).epochs(1)
                .batchSize(300).shuffle(false).build());

        for (int layer = 0; layer < before.numLayers(); layer++) {
            INDArray expectedW = before.layer(layer).weights().sub(whole.weights(layer).mul(rate));
            INDArray expectedB = before.layer(layer).bias().sub(whole.bias(layer).mul(rate));
            assertTrue(expectedW.equalsWithEps(trained.layer(layer).weights(), 1e-12), "weights of layer " + layer);
            assertTrue(expectedB.equalsWithEps(trained.layer(layer).bias(), 1e-12), "bias of layer " + layer);
        }
    }

    @Test
    void blocksInAnRddTrainAsTheSameRowsCutByTheDriver() {
        Fit fit = Fit.builder().loss(Loss.CROSS_ENTROPY).optimizer(Optimizer.sgd(0.2)).epochs(2).batchSize(16).build();
        JavaRDD<DataSet> blocks = spark.parallelize(List.of(part(digits, 0, 70), part(digits, 70, 150),
                part(digits, 150, 260), part(digits, 260, 300)), 2);
        Network fromBlocks = network(DataType.FLOAT);
        Network fromDriver = network(DataType.FLOAT);

        SparkTraining.fit(fromBlocks, blocks, fit);
        SparkTraining.fit(fromDriver, spark, digits, 2, fit);

        assertClose(fromDriver, fromBlocks, 0);
    }

    @Test
    void digitsReachNinetySevenPercentHeldOut() {
        Split split = Datasets.digits().scale(1 / 16.0).split(0.8, 1);
        Network net = Network.builder().seed(1).input(64).dense(128, Activation.RELU).dense(10, Activation.SOFTMAX).build();

        TrainingHistory history = SparkTraining.fit(net, spark, split.train(), 2, Fit.builder()
                .loss(Loss.CROSS_ENTROPY).optimizer(Optimizer.adam(0.003)).epochs(15).batchSize(64).build());

        assertEquals(15, history.epochs());
        double accuracy = net.evaluate(split.test()).accuracy();
        assertTrue(accuracy >= 0.97, "held-out accuracy " + accuracy);
    }

    @Test
    void aSparkJobAndAModelFileShareOneJvm(@TempDir Path folder) throws Exception {
        // Spark's jackson-module-scala and the model file's jackson-databind, loaded side by side
        long count = spark.parallelize(List.of(1, 2, 3), 2).map(x -> x * 2).count();
        Network net = network(DataType.FLOAT);
        Path file = folder.resolve("model.zip");

        net.save(file);
        Network loaded = Network.load(file);

        assertEquals(3, count);
        assertTrue(Files.size(file) > 0);
        assertEquals(net.predict(digits.features()), loaded.predict(digits.features()));
    }

    @Test
    void refusesWhatItCannotTrain() {
        Network net = network(DataType.FLOAT);
        DataSet narrow = DataSet.of(digits.features().get(NDArrayIndex.all(), NDArrayIndex.interval(0, 10)),
                digits.targets());
        IllegalArgumentException width = assertThrows(IllegalArgumentException.class,
                () -> SparkTraining.fit(net, spark, narrow, 2, Fit.builder().loss(Loss.MSE).build()));
        assertTrue(width.getMessage().contains("expects nIn = 64"), width.getMessage());

        DataSet wide = DataSet.of(digits.features(), digits.targets().mul(2));
        IllegalArgumentException targets = assertThrows(IllegalArgumentException.class,
                () -> SparkTraining.fit(net, spark.parallelize(List.of(wide), 1), Fit.builder()
                        .loss(Loss.CROSS_ENTROPY).build()));
        assertTrue(targets.getMessage().startsWith("partition 0 of the data: "), targets.getMessage());
        assertEquals(0, Workers.count(), "workers forgotten");
    }

    /** 64-32-10 relu/softmax with dropout 0.2 after the hidden layer, float64, seed 3. */
    private static Network droppingNetwork() {
        return Network.builder().seed(3).dataType(DataType.DOUBLE).input(64).dense(32, Activation.RELU).dropout(0.2)
                .dense(10, Activation.SOFTMAX).build();
    }

    private static Fit.Builder everySetting(int epochs) {
        return Fit.builder().loss(Loss.CROSS_ENTROPY).optimizer(Optimizer.adam(0.005)).epochs(epochs).batchSize(32)
                .seed(11).classWeights(1, 1.5, 1, 1, 1, 1, 1, 1, 2, 1).clipNorm(1.0).validationSplit(0.2)
                .diagnostics(true);
    }

    /**
     * The one training loop's outside check: a digits network with dropout on {@code local[2]} with
     * class weights, clipping, checkpoints, a validation split and diagnostics, against the same
     * {@code Fit} on one machine: nothing refused, the same weights (float64, to 1e-9), the same
     * held-out accuracy, checkpoints written, validation loss and diagnostics every epoch.
     */
    @Test
    void everySettingWithDropoutTrainsOnSparkAsOnOneMachine(@TempDir Path folder) {
        Network local = droppingNetwork();
        TrainingHistory localHistory = local.fit(heldOut.train(), everySetting(DROPOUT_EPOCHS)
                .checkpoints(folder.resolve("local"), 2).build());
        Network distributed = droppingNetwork();

        TrainingHistory history = SparkTraining.fit(distributed, spark, heldOut.train(), 2, everySetting(DROPOUT_EPOCHS)
                .checkpoints(folder.resolve("spark"), 2).build());

        double localAccuracy = local.evaluate(heldOut.test()).accuracy();
        double accuracy = distributed.evaluate(heldOut.test()).accuracy();
        assertTrue(Math.abs(localAccuracy - accuracy) <= 0.015, "held-out accuracy " + accuracy + " on Spark, "
                + localAccuracy + " on one machine");
        assertTrue(accuracy >= 0.9, "held-out accuracy " + accuracy);
        assertClose(local, distributed, 1e-9);
        assertArrayEquals(localHistory.trainLoss(), history.trainLoss(), 1e-9);
        assertArrayEquals(localHistory.validationLoss(), history.validationLoss(), 1e-9);
        assertEquals(DROPOUT_EPOCHS, history.epochs());
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
        Network straight = droppingNetwork();
        SparkTraining.fit(straight, spark, heldOut.train(), 2, everySetting(4).checkpoints(folder, 2).build());
        Network resumed = droppingNetwork();

        SparkTraining.fit(resumed, spark, heldOut.train(), 2, everySetting(4)
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
        Network first = droppingNetwork();
        Network second = droppingNetwork();
        Network otherSeed = droppingNetwork();

        SparkTraining.fit(first, spark, heldOut.train(), 2, fit);
        SparkTraining.fit(second, spark, heldOut.train(), 2, fit);
        SparkTraining.fit(otherSeed, spark, heldOut.train(), 2, Fit.builder().loss(Loss.CROSS_ENTROPY)
                .optimizer(Optimizer.sgd(0.1)).epochs(2).batchSize(64).seed(5).build());

        assertEquals(first.layer(0).weights(), second.layer(0).weights());
        assertTrue(!first.layer(0).weights().equals(otherSeed.layer(0).weights()), "another seed, other masks");
    }

    /** 64-16-10 relu/softmax, seed 3. */
    static Network network(DataType dataType) {
        return Network.builder().seed(3).dataType(dataType).input(64).dense(16, Activation.RELU)
                .dense(10, Activation.SOFTMAX).build();
    }

    /** Rows {@code [from, to)} of {@code data}, copied. */
    static DataSet part(DataSet data, int from, int to) {
        return DataSet.of(data.features().get(NDArrayIndex.interval(from, to), NDArrayIndex.all()).dup(),
                data.targets().get(NDArrayIndex.interval(from, to), NDArrayIndex.all()).dup());
    }

    static void assertClose(Network expected, Network actual, double tolerance) {
        for (int layer = 0; layer < expected.numLayers(); layer++) {
            INDArray w = expected.layer(layer).weights();
            INDArray b = expected.layer(layer).bias();
            double scale = Math.max(1, w.amaxNumber().doubleValue());
            assertTrue(w.equalsWithEps(actual.layer(layer).weights(), tolerance * scale),
                    "weights of layer " + layer + " differ by " + w.sub(actual.layer(layer).weights()).amaxNumber());
            assertTrue(b.equalsWithEps(actual.layer(layer).bias(), tolerance * scale),
                    "bias of layer " + layer + " differ by " + b.sub(actual.layer(layer).bias()).amaxNumber());
        }
    }
}
