package dev.scratchnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FitTest {

    @Test
    void earlyStoppingWithoutValidationDataIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Fit.builder().loss(Loss.MSE).earlyStopping(5).build());
        assertEquals("earlyStopping(5) watches the validation loss, but there is no validation data; "
                + "add validationSplit(0.1) or validation(dataSet)", e.getMessage());
    }

    @Test
    void validationSplitAndValidationDataTogetherAreRefused() {
        Fit.Builder builder = Fit.builder().loss(Loss.MSE).validationSplit(0.1);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> builder.validation(Datasets.xor()));
        assertTrue(e.getMessage().contains("contradicts validationSplit(0.1)"), e.getMessage());
    }

    @Test
    void aValidationFractionOutsideZeroToOneIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Fit.builder().validationSplit(1.0));
        assertEquals("validationSplit must be in (0, 1), was 1.0", e.getMessage());
    }

    @Test
    void nonPositivePatienceIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Fit.builder().earlyStopping(0));
        assertEquals("patience must be > 0, was 0", e.getMessage());
    }

    @Test
    void theSettingsAreKept() {
        Fit fit = Fit.builder().loss(Loss.MSE).validationSplit(0.2).earlyStopping(3, 1e-4)
                .schedule(Schedule.exponentialDecay(0.9)).build();
        assertEquals(0.2, fit.validationSplit());
        assertTrue(fit.hasValidation());
        assertEquals(3, fit.earlyStoppingPatience());
        assertEquals(1e-4, fit.earlyStoppingMinDelta());
        assertEquals("exponentialDecay(0.9)", fit.schedule().name());
    }
}
