package dev.scratchnet.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.scratchnet.Optimizer;
import dev.scratchnet.Parameter;
import dev.scratchnet.TestArrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class SgdTest {

    @Test
    void stepOnAQuadraticMovesAgainstTheGradient() {
        // f(w) = ½·|w|², so dW = w and one step gives w·(1 − learningRate)
        INDArray w = TestArrays.matrix(new double[] {2, -4});
        Parameter parameter = new Parameter("w", w, w.dup(), true);
        Optimizer.sgd(0.25).start(List.of(parameter)).step(0.25);
        assertArrayEquals(new double[] {1.5, -3}, w.toDoubleVector(), 1e-15);
    }

    @Test
    @SuppressWarnings("deprecation") // the deprecated API, kept working on purpose
    void eachStepTakesTheRateItIsGivenAndTheSettingsStayAsConfigured() {
        INDArray w = TestArrays.matrix(new double[] {2, -4});
        Parameter parameter = new Parameter("w", w, w.dup(), true);
        Optimizer sgd = Optimizer.sgd(0.25);
        sgd.start(List.of(parameter)).step(0.5);
        assertArrayEquals(new double[] {1, -2}, w.toDoubleVector(), 1e-15);
        assertEquals(0.25, sgd.learningRate());
        assertThrows(UnsupportedOperationException.class, () -> sgd.setLearningRate(0.1));
    }

    @Test
    @SuppressWarnings("deprecation") // the deprecated API, kept working on purpose
    void theDeprecatedStepStillStepsAtTheConfiguredRate() {
        INDArray w = TestArrays.matrix(new double[] {2, -4});
        Parameter parameter = new Parameter("w", w, w.dup(), true);
        Optimizer.sgd(0.25).step(List.of(parameter));
        assertArrayEquals(new double[] {1.5, -3}, w.toDoubleVector(), 1e-15);
    }

    @Test
    void nonPositiveLearningRateIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Optimizer.sgd(-0.1));
        assertEquals("learningRate must be > 0 and finite, was -0.1", e.getMessage());
    }
}
