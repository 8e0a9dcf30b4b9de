package dev.scratchnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;

/** The epoch's bookkeeping: averages over the batches that ran, and batch counts that cannot overflow. */
class TrainingLoopTest {

    private static Network network(Backend backend) {
        return Network.builder().seed(2).dataType(DataType.DOUBLE).backend(backend)
                .dense(2, 8, Activation.TANH).dense(8, 3, Activation.SOFTMAX).build();
    }

    /** Stops after {@code stopAfter} batches of the first epoch and records every batch's loss. */
    private static final class StopMidEpoch implements TrainingListener {
        final List<Double> batchLosses = new ArrayList<>();
        private final int stopAfter;

        StopMidEpoch(int stopAfter) {
            this.stopAfter = stopAfter;
        }

        @Override
        public void onEpochEnd(EpochResult result) {
        }

        @Override
        public boolean wantsBatches() {
            return true;
        }

        @Override
        public void onBatchEnd(BatchResult batch) {
            batchLosses.add(batch.loss());
        }

        @Override
        public boolean stopRequested() {
            return batchLosses.size() >= stopAfter;
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void anEpochStoppedAfterTwoBatchesAveragesThoseTwo(Backend backend) {
        DataSet spiral = Datasets.spiral(30, 3, 1);
        StopMidEpoch listener = new StopMidEpoch(2);
        TrainingHistory history = network(backend).fit(spiral, Fit.builder().loss(Loss.CROSS_ENTROPY)
                .optimizer(Optimizer.sgd(0.1)).epochs(5).batchSize(10).listener(listener).build());
        assertEquals(StopReason.STOPPED_BY_LISTENER, history.stopReason());
        assertEquals(1, history.epochs());
        assertEquals(2, listener.batchLosses.size());
        // two batches of 10 rows each: the epoch's loss is their plain mean, not their sum over all 90 rows
        double mean = (listener.batchLosses.get(0) + listener.batchLosses.get(1)) / 2;
        assertEquals(mean, history.trainLoss()[0], 1e-12);
        double accuracy = history.trainAccuracy()[0];
        assertTrue(accuracy >= 0 && accuracy <= 1, "accuracy " + accuracy);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aBatchSizeNearIntegerMaxMeansOneFullBatch(Backend backend) {
        DataSet spiral = Datasets.spiral(30, 3, 1);
        Network huge = network(backend);
        Network full = network(backend);
        Fit.Builder settings = Fit.builder().loss(Loss.CROSS_ENTROPY).optimizer(Optimizer.sgd(0.1)).epochs(3)
                .shuffle(false);
        TrainingHistory hugeHistory = huge.fit(spiral, settings.batchSize(Integer.MAX_VALUE).build());
        TrainingHistory fullHistory = full.fit(spiral, settings.batchSize(spiral.size()).build());
        assertEquals(StopReason.COMPLETED, hugeHistory.stopReason());
        assertTrue(hugeHistory.trainLoss()[0] > 0, "a loss was measured");
        assertEquals(fullHistory.trainLoss()[2], hugeHistory.trainLoss()[2], 0.0);
        assertEquals(full.layer(0).weights(), huge.layer(0).weights());
        assertNotEquals(network(backend).layer(0).weights(), huge.layer(0).weights(), "the weights were trained");
    }

    @org.junit.jupiter.api.Test
    void theRowsAreSummedForTheFingerprintOnlyWhenTheFitKeepsCheckpoints(@org.junit.jupiter.api.io.TempDir
                                                                          java.nio.file.Path directory) {
        int[] described = new int[1];
        java.util.function.Supplier<String> rows = () -> {
            described[0]++;
            return "30 rows";
        };
        Fit plain = Fit.builder().loss(Loss.CROSS_ENTROPY).epochs(1).build();
        Training.start(network(Backend.FAST), plain, rows);
        assertEquals(0, described[0], "a fit without checkpoints needs no sums over its rows");
        Training.start(network(Backend.FAST), Fit.builder().loss(Loss.CROSS_ENTROPY).epochs(1)
                .checkpoints(directory, 1).build(), rows);
        assertEquals(1, described[0], "a fit that writes checkpoints describes its rows once");
    }
}
