package dev.scratchnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Inputs that used to hang, overflow or pass unnoticed: refused early and by name, or run as asked.
 */
class HardeningRefusalsTest {

    @Test
    void nanOrInfinitePredictionsAreRefusedNamingTheRow() {
        var targets = Nd4j.createFromArray(new double[][] {{1, 0}, {0, 1}, {1, 0}});
        var nan = Nd4j.createFromArray(new double[][] {{0.9, 0.1}, {0.2, 0.8}, {Double.NaN, 0.5}});
        var infinite = Nd4j.createFromArray(new double[][] {{0.9, 0.1}, {Double.POSITIVE_INFINITY, 0.8}, {0.6, 0.4}});

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Evaluation.of(targets, nan));
        IllegalArgumentException f = assertThrows(IllegalArgumentException.class, () -> Evaluation.of(targets, infinite));

        assertTrue(e.getMessage().startsWith("predictions row 2 column 0 is NaN; an evaluation needs finite predictions"),
                e.getMessage());
        assertTrue(f.getMessage().startsWith("predictions row 1 column 0 is Infinity"), f.getMessage());
    }

    @Test
    void weightsWhoseSumOverflowsAreRefusedBeforeTraining() {
        DataSet data = DataSet.of(Nd4j.createFromArray(new double[][] {{0}, {1}, {2}}),
                Nd4j.createFromArray(new double[][] {{0}, {1}, {0}}));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> data.withWeights(1e308, 1e308, 1));

        assertTrue(e.getMessage().startsWith("weights must sum to at most 3.4028234663852886E38"), e.getMessage());
        assertTrue(e.getMessage().contains("rows 0..0 already sum to 1.0E308")
                && e.getMessage().contains("divide them all by the same number"), e.getMessage());
        assertEquals(3, data.withWeights(1e30, 1e30, 1).size());
    }

    @Test
    void maxValueEpochsWithEarlyStoppingStartAtOnceAndStop() {
        Network net = Network.builder().seed(1).input(2).dense(8, Activation.TANH).dense(2, Activation.SOFTMAX).build();
        DataSet spiral = Datasets.spiral(20, 2, 1);
        // a rate of 1 stops after some 500 epochs (0.1 took some 8700, most of a second of the unit tier)
        Fit fit = Fit.builder().loss(Loss.CROSS_ENTROPY).optimizer(Optimizer.sgd(1.0)).epochs(Integer.MAX_VALUE)
                .schedule(Schedule.exponentialDecay(0.999)).validationSplit(0.25).earlyStopping(2).seed(1).build();

        TrainingHistory history = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> net.fit(spiral, fit));

        assertEquals(StopReason.EARLY_STOPPING, history.stopReason());
    }

    @Test
    void maxValueEpochsWithAStopListenerStopWhenAsked() {
        Network net = Network.builder().seed(1).input(2).dense(2, Activation.SOFTMAX).build();
        int[] epochs = {0};
        TrainingListener stopAfterThree = new TrainingListener() {
            @Override
            public void onEpochEnd(EpochResult result) {
                epochs[0]++;
            }

            @Override
            public boolean stopRequested() {
                return epochs[0] >= 3;
            }
        };
        Fit fit = Fit.builder().loss(Loss.CROSS_ENTROPY).epochs(Integer.MAX_VALUE).listener(stopAfterThree).build();

        TrainingHistory history = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> net.fit(Datasets.spiral(10, 2, 1), fit));

        assertEquals(3, history.epochs());
    }
}
