package dev.scratchnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingHistoryTest {

    private static final double NAN = Double.NaN;

    @Test
    void bestEpochIsTheLowestValidationLossFirstOnATie() {
        TrainingHistory h = new TrainingHistory(List.of(
                new EpochResult(1, 0.9, 0.5, 0.8, 0.6, 0.1),
                new EpochResult(2, 0.5, 0.7, 0.4, 0.8, 0.1),
                new EpochResult(3, 0.2, 0.9, 0.4, 0.8, 0.1),
                new EpochResult(4, 0.1, 1.0, 0.6, 0.7, 0.1)), StopReason.EARLY_STOPPING);
        assertEquals(2, h.bestEpoch());
    }

    @Test
    void withoutValidationBestEpochIsTheLowestTrainingLoss() {
        TrainingHistory h = new TrainingHistory(List.of(
                new EpochResult(1, 0.9, NAN, NAN, NAN, 0.1),
                new EpochResult(2, 0.3, NAN, NAN, NAN, 0.1),
                new EpochResult(3, 0.4, NAN, NAN, NAN, 0.1)), StopReason.COMPLETED);
        assertEquals(2, h.bestEpoch());
    }

    @Test
    void csvHasAHeaderOneRowPerEpochAndEmptyFieldsForNaN() {
        TrainingHistory h = new TrainingHistory(List.of(
                new EpochResult(1, 0.25, NAN, 0.5, NAN, 0.1),
                new EpochResult(2, 0.125, NAN, 0.375, NAN, 0.05)), StopReason.COMPLETED);
        assertEquals("""
                epoch,train_loss,train_accuracy,validation_loss,validation_accuracy,learning_rate
                1,0.25,,0.5,,0.1
                2,0.125,,0.375,,0.05
                """, h.toCsv());
    }

    @Test
    void anEmptyHistoryHasNoBestEpoch() {
        TrainingHistory h = new TrainingHistory(List.of(), StopReason.DIVERGED);
        IllegalStateException e = assertThrows(IllegalStateException.class, h::bestEpoch);
        assertEquals("no epoch has run (stop reason DIVERGED)", e.getMessage());
        assertEquals(0, h.trainLoss().length);
    }
}
