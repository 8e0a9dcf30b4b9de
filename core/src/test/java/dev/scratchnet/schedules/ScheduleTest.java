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

    @Test
    void aFactorAboveOneIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Schedule.stepDecay(10, 2));
        assertEquals("factor must be in (0, 1], was 2.0", e.getMessage());
    }
}
