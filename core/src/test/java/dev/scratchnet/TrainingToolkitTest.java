package dev.scratchnet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Validation, early stopping, schedules, listeners and the divergence guard, through {@link Network#fit}. */
class TrainingToolkitTest {

    private static Network spiralNetwork() {
        return Network.builder().seed(3).dense(2, 64, Activation.RELU).dense(64, 64, Activation.RELU)
                .dense(64, 3, Activation.SOFTMAX).build();
    }

    @Test
    void earlyStoppingStopsBeforeTheLimitAndLeavesTheBestValidationLossInPlace() {
        // 15 points per class overfit quickly, so the validation loss turns up long before 300 epochs
        DataSet train = Datasets.spiral(15, 3, 1);
        DataSet validation = Datasets.spiral(50, 3, 2);
        Network net = spiralNetwork();

        TrainingHistory h = net.fit(train, Fit.builder().loss(Loss.CROSS_ENTROPY).optimizer(Optimizer.adam(0.02))
                .epochs(300).batchSize(16).validation(validation).earlyStopping(5).build());

        assertEquals(StopReason.EARLY_STOPPING, h.stopReason());
        assertTrue(h.epochs() < 300, "ran " + h.epochs() + " epochs");
        assertEquals(h.bestEpoch() + 5, h.epochs(), "stops patience epochs after the best");
        double best = Arrays.stream(h.validationLoss()).min().orElseThrow();
        assertEquals(best, h.validationLoss()[h.bestEpoch() - 1]);
        assertEquals(best, net.loss(validation, Loss.CROSS_ENTROPY), 1e-12 * best);
        assertTrue(best < h.validationLoss()[h.epochs() - 1], "the last epoch was worse than the best");
    }

    @Test
    void historyHasOneValuePerEpochRunWithValidationFromASplit() {
        DataSet data = Datasets.spiral(30, 3, 4);

        TrainingHistory h = spiralNetwork().fit(data, Fit.builder().loss(Loss.CROSS_ENTROPY)
                .optimizer(Optimizer.momentum(0.1, 0.9)).epochs(6).batchSize(16).validationSplit(0.2).build());

        assertEquals(6, h.epochs());
        assertEquals(StopReason.COMPLETED, h.stopReason());
        for (double[] column : List.of(h.trainLoss(), h.trainAccuracy(), h.validationLoss(), h.validationAccuracy(),
                h.learningRate())) {
            assertEquals(6, column.length);
            assertTrue(Arrays.stream(column).allMatch(Double::isFinite), Arrays.toString(column));
        }
        assertTrue(h.trainLoss()[5] < h.trainLoss()[0], "training loss fell");
        assertEquals(7, h.toCsv().lines().count());
    }

    @Test
    void withoutValidationTheValidationColumnsAreNaN() {
        TrainingHistory h = spiralNetwork().fit(Datasets.spiral(10, 3, 1),
                Fit.builder().loss(Loss.CROSS_ENTROPY).epochs(2).build());
        assertEquals(2, h.validationLoss().length);
        assertTrue(Double.isNaN(h.validationLoss()[0]) && Double.isNaN(h.validationAccuracy()[1]));
    }

    @Test
    void theSameSeedGivesTheSameSplitAndTheSameHistory() {
        Fit fit = Fit.builder().loss(Loss.CROSS_ENTROPY).optimizer(Optimizer.sgd(0.5)).epochs(3).batchSize(8)
                .validationSplit(0.25).seed(7).build();
        DataSet data = Datasets.spiral(20, 3, 5);
        assertEquals(spiralNetwork().fit(data, fit).toCsv(), spiralNetwork().fit(data, fit).toCsv());
    }

    @Test
    void adamLearnsTheSpiral() {
        Network net = spiralNetwork();
        TrainingHistory h = net.fit(Datasets.spiral(50, 3, 1), Fit.builder().loss(Loss.CROSS_ENTROPY)
                .optimizer(Optimizer.adam(0.01)).epochs(60).batchSize(32).build());
        assertTrue(h.trainAccuracy()[h.epochs() - 1] >= 0.9, "accuracy " + h.trainAccuracy()[h.epochs() - 1]);
    }

    @Test
    void scheduleSetsTheRateOfEveryEpochAndTheOptimizerKeepsItsConfiguredRate() {
        Optimizer sgd = Optimizer.sgd(0.4);
        TrainingHistory h = spiralNetwork().fit(Datasets.spiral(10, 3, 1), Fit.builder().loss(Loss.CROSS_ENTROPY)
                .optimizer(sgd).schedule(Schedule.stepDecay(2, 0.5)).epochs(5).build());
        assertArrayEquals(new double[] {0.4, 0.4, 0.2, 0.2, 0.1}, h.learningRate(), 1e-15);
        assertEquals(0.4, sgd.learningRate());
    }

    @Test
    void aListenerCanStopTraining() {
        TrainingHistory h = spiralNetwork().fit(Datasets.spiral(10, 3, 1), Fit.builder().loss(Loss.CROSS_ENTROPY)
                .epochs(50).listener(TrainingListener.stopWhen(r -> r.epoch() == 3)).build());
        assertEquals(3, h.epochs());
        assertEquals(StopReason.STOPPED_BY_LISTENER, h.stopReason());
    }

    /** Records every event as a short string. */
    private static class Recorder implements TrainingListener {
        final List<String> events = new ArrayList<>();

        @Override
        public void onEpochStart(EpochStart start) {
            events.add("start " + start.epoch() + "/" + start.epochs() + " " + start.batches());
        }

        @Override
        public boolean wantsBatches() {
            return true;
        }

        @Override
        public void onBatchEnd(BatchResult batch) {
            assertTrue(Double.isFinite(batch.loss()) && batch.loss() > 0);
            events.add("batch " + batch.epoch() + "." + batch.batch() + "/" + batch.batches());
        }

        @Override
        public void onEpochEnd(EpochResult result) {
            events.add("end " + result.epoch());
        }

        @Override
        public void onTrainingEnd(TrainingHistory history) {
            events.add("done " + history.stopReason());
        }
    }

    @Test
    void listenersHearEveryEpochAndBatchInOrder() {
        Recorder recorder = new Recorder();
        // 30 examples in batches of 12: 12, 12, 6
        spiralNetwork().fit(Datasets.spiral(10, 3, 1), Fit.builder().loss(Loss.CROSS_ENTROPY).epochs(2)
                .batchSize(12).listener(recorder).build());
        assertEquals(List.of("start 1/2 3", "batch 1.1/3", "batch 1.2/3", "batch 1.3/3", "end 1",
                "start 2/2 3", "batch 2.1/3", "batch 2.2/3", "batch 2.3/3", "end 2", "done COMPLETED"),
                recorder.events);
    }

    /** 40 examples of y = x·(1, −2, 3) + 0.5, x uniform in [−1, 1)³ from a fixed seed. */
    private static DataSet linear() {
        Random random = new Random(11);
        float[][] rows = new float[40][3];
        for (float[] row : rows) {
            for (int j = 0; j < row.length; j++) {
                row[j] = 2 * random.nextFloat() - 1;
            }
        }
        INDArray x = Nd4j.createFromArray(rows);
        INDArray y = x.mmul(Nd4j.createFromArray(new float[][] {{1}, {-2}, {3}})).addi(0.5);
        return DataSet.of(x, y);
    }

    private static Network linearNetwork() {
        return Network.builder().seed(1).dense(3, 1, Activation.IDENTITY).build();
    }

    private static Fit tooFast(int epochs, int batchSize, TrainingListener... listeners) {
        Fit.Builder fit = Fit.builder().loss(Loss.MSE).optimizer(Optimizer.sgd(2.5)).epochs(epochs)
                .batchSize(batchSize);
        Arrays.stream(listeners).forEach(fit::listener);
        return fit.build();
    }

    @Test
    void divergenceStopsNamingTheEpochAndBatchAndKeepsTheWeightsOfTheLastGoodEpoch() {
        DataSet data = linear();
        Network net = linearNetwork();

        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> net.fit(data, tooFast(200, 40)));

        int epoch = e.epoch();
        assertTrue(epoch > 1 && epoch < 200, "diverged at epoch " + epoch);
        assertTrue(e.getMessage().contains("at epoch " + epoch + ", batch 1 of 1;"), e.getMessage());
        assertEquals(1, e.batch());
        assertTrue(e.getMessage().contains("try a smaller learning rate (now 2.5)"), e.getMessage());
        assertEquals(epoch - 1, e.history().epochs());
        assertEquals(StopReason.DIVERGED, e.history().stopReason());
        Network lastGood = linearNetwork();
        lastGood.fit(data, tooFast(epoch - 1, 40));
        assertEquals(lastGood.layer(0).weights(), net.layer(0).weights());
        assertEquals(lastGood.layer(0).bias(), net.layer(0).bias());
    }

    @Test
    void divergenceSeenByABatchListenerNamesTheBatchAndKeepsTheInitialWeights() {
        Recorder recorder = new Recorder() {
            @Override
            public void onBatchEnd(BatchResult batch) {
                events.add("batch " + batch.epoch() + "." + batch.batch());
            }
        };
        Network net = linearNetwork();
        INDArray initial = net.layer(0).weights().dup();
        // a rate of 1e30 makes the weights ~1e30 after the first step, so the second batch's squared error overflows
        Fit fit = Fit.builder().loss(Loss.MSE).optimizer(Optimizer.sgd(1e30)).epochs(5).batchSize(10)
                .listener(recorder).build();

        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> net.fit(linear(), fit));

        assertEquals("loss became Infinity at epoch 1, batch 2 of 4; try a smaller learning rate (now 1.0E30); "
                + "the network keeps the initial weights", e.getMessage());
        assertEquals(2, e.batch());
        assertEquals(0, e.history().epochs());
        assertEquals(List.of("start 1/5 4", "batch 1.1", "done DIVERGED"), recorder.events);
        assertEquals(initial, net.layer(0).weights());
    }

    @Test
    void validationDataOfTheWrongWidthIsRefused() {
        Fit fit = Fit.builder().loss(Loss.CROSS_ENTROPY).validation(Datasets.xor()).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> spiralNetwork().fit(Datasets.spiral(10, 3, 1), fit));
        assertTrue(e.getMessage().contains("but the network expects nIn = 2 and outputs 3"), e.getMessage());
    }
}
