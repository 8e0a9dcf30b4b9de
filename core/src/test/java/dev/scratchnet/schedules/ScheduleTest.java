package dev.scratchnet.schedules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.scratchnet.EpochResult;
import dev.scratchnet.Schedule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleTest {

    /** The rates of epochs 1..losses.length + 1 when each epoch ends with the given validation loss. */
    private static double[] rates(Schedule schedule, double initial, double... losses) {
        List<EpochResult> history = new ArrayList<>();
        double[] rates = new double[losses.length + 1];
        for (int epoch = 1; epoch <= rates.length; epoch++) {
            rates[epoch - 1] = schedule.learningRate(epoch, initial, history);
            if (epoch <= losses.length) {
                history.add(new EpochResult(epoch, 1.0, Double.NaN, losses[epoch - 1], Double.NaN, rates[epoch - 1]));
            }
        }
        return rates;
    }

    @Test
    void constantKeepsTheInitialRate() {
        assertArrayEquals(new double[] {0.3, 0.3, 0.3}, rates(Schedule.constant(), 0.3, 1, 2), 0);
    }

    @Test
    void stepDecayDropsEveryFewEpochs() {
        // epochs 1–3 at 1, 4–6 at 0.1, 7 at 0.01
        assertArrayEquals(new double[] {1, 1, 1, 0.1, 0.1, 0.1, 0.01},
                rates(Schedule.stepDecay(3, 0.1), 1, 0, 0, 0, 0, 0, 0), 1e-15);
    }

    @Test
    void exponentialDecayMultipliesEveryEpoch() {
        assertArrayEquals(new double[] {2, 1, 0.5, 0.25}, rates(Schedule.exponentialDecay(0.5), 2, 0, 0, 0), 1e-15);
    }

    @Test
    void reduceOnPlateauCutsTheRateAfterPatienceEpochsWithoutImprovement() {
        // losses: 1.0 (best), 0.9 (best), 0.95, 0.92 → 2 epochs without improvement → rate halves for epoch 5;
        // 0.8 (best), 0.85, 0.81 → halves again for epoch 8
        assertArrayEquals(new double[] {0.4, 0.4, 0.4, 0.4, 0.2, 0.2, 0.2, 0.1},
                rates(Schedule.reduceOnPlateau(0.5, 2), 0.4, 1.0, 0.9, 0.95, 0.92, 0.8, 0.85, 0.81), 1e-15);
    }

    @Test
    void reduceOnPlateauHonoursMinDeltaAndTheFloor() {
        // no loss falls more than minDelta 0.1 below the best (1.0), so with patience 1 every epoch after the
        // first halves the rate: 0.2, then 0.1 raised to the floor 0.15, then 0.15 again
        assertArrayEquals(new double[] {0.4, 0.4, 0.2, 0.15, 0.15},
                rates(Schedule.reduceOnPlateau(0.5, 1, 0.1, 0.15), 0.4, 1.0, 0.95, 0.92, 0.91), 1e-15);
    }

    /**
     * torch's CosineAnnealingLR(T_max, eta_min) stepped once per epoch, in its recursive form (the
     * one {@code scheduler.step()} uses): t counts steps from 0, rate_0 = initial, and
     * rate_t = (1 + cos(πt/T)) / (1 + cos(π(t−1)/T)) · (rate_{t−1} − eta_min) + eta_min.
     */
    private static double[] torchCosine(double initial, int period, double minRate, int epochs) {
        double[] rates = new double[epochs];
        rates[0] = initial;
        for (int t = 1; t < epochs; t++) {
            rates[t] = (1 + Math.cos(Math.PI * t / period)) / (1 + Math.cos(Math.PI * (t - 1) / period))
                    * (rates[t - 1] - minRate) + minRate;
        }
        return rates;
    }

    @Test
    void cosineFollowsTorchCosineAnnealingEpochForEpoch() {
        double[] losses = new double[9];
        assertArrayEquals(torchCosine(0.1, 10, 0.001, 10), rates(Schedule.cosine(10, 0.001), 0.1, losses), 1e-15);
        assertArrayEquals(torchCosine(0.5, 10, 0, 10), rates(Schedule.cosine(10), 0.5, losses), 1e-15);
    }

    @Test
    void cosineReachesItsFloorAfterThePeriod() {
        // T_max = 4: t = 0..4 give 1, then down along the cosine to minRate 0.1 at t = 4 (epoch 5)
        double[] rates = rates(Schedule.cosine(4, 0.1), 1, 0, 0, 0, 0);
        assertArrayEquals(torchCosine(1, 4, 0.1, 5), rates, 1e-15);
        assertEquals(0.1, rates[4], 1e-15);
        assertEquals(0.55, rates[2], 1e-15);
    }

    /**
     * torch's SequentialLR([LinearLR(start_factor=1/(W+1), total_iters=W), after], milestones=[W]):
     * factor s + (1 − s)·t/W for steps t < W, then the after schedule from its own step 0.
     */
    @Test
    void warmUpClimbsLinearlyThenHandsOverAsTorchSequentialLinearLrDoes() {
        int warm = 4;
        double initial = 0.2;
        double start = 1.0 / (warm + 1);
        double[] expected = new double[10];
        double[] cosine = torchCosine(initial, 6, 0, 6);
        for (int t = 0; t < expected.length; t++) {
            expected[t] = t < warm ? initial * (start + (1 - start) * t / warm) : cosine[t - warm];
        }
        double[] losses = new double[9];
        assertArrayEquals(expected, rates(Schedule.cosine(6).withWarmUp(warm), initial, losses), 1e-15);
        assertArrayEquals(expected, rates(Schedule.warmUp(warm, Schedule.cosine(6)), initial, losses), 1e-15);
        assertEquals("warmUp(4, cosine(6, 0.0))", Schedule.cosine(6).withWarmUp(warm).name());
    }

    @Test
    void aScheduleAfterTheWarmUpSeesOnlyTheEpochsAfterIt() {
        // during the warm-up the loss rises (1, 2, 3); reduceOnPlateau must not count those epochs:
        // from epoch 4 on, 0.9 is the first best, 0.95 and 0.96 two epochs without improvement → halve at epoch 7
        double[] rates = rates(Schedule.reduceOnPlateau(0.5, 2).withWarmUp(3), 0.4, 1, 2, 3, 0.9, 0.95, 0.96);
        assertArrayEquals(new double[] {0.1, 0.2, 0.30000000000000004, 0.4, 0.4, 0.4, 0.2}, rates, 1e-15);
    }

    @Test
    void aWarmUpOfNoEpochsIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Schedule.constant().withWarmUp(0));
        assertEquals("warm-up epochs must be > 0, was 0", e.getMessage());
    }

    @Test
    void aFactorAboveOneIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Schedule.stepDecay(10, 2));
        assertEquals("factor must be in (0, 1], was 2.0", e.getMessage());
    }
}
