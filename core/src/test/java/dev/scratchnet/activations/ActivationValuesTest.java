package dev.scratchnet.activations;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.scratchnet.Activation;
import dev.scratchnet.TestArrays;
import dev.scratchnet.ops.OpTable;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class ActivationValuesTest {

    private static final double TOLERANCE = 1e-12;

    private static double[] forward(Activation activation, double... z) {
        return activation.forward(TestArrays.matrix(z)).toDoubleVector();
    }

    @Test
    void sigmoidOfZeroIsOneHalf() {
        assertArrayEquals(new double[] {0.5, 1 / (1 + Math.exp(-2))}, forward(Activation.SIGMOID, 0, 2), TOLERANCE);
    }

    @Test
    void tanhIsOddAndZeroAtZero() {
        assertArrayEquals(new double[] {0, Math.tanh(1), -Math.tanh(1)}, forward(Activation.TANH, 0, 1, -1), TOLERANCE);
    }

    @Test
    void reluZeroesNegatives() {
        assertArrayEquals(new double[] {0, 0, 2.5}, forward(Activation.RELU, -3, 0, 2.5), TOLERANCE);
    }

    @Test
    void leakyReluScalesNegatives() {
        assertArrayEquals(new double[] {-0.3, 2.5}, forward(Activation.leakyRelu(0.1), -3, 2.5), TOLERANCE);
    }

    @Test
    void leakyReluRefusesNegativeSlope() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Activation.leakyRelu(-0.1));
        assertEquals("leakyRelu alpha must be >= 0 and finite, was -0.1", e.getMessage());
    }

    @Test
    void softmaxOfEqualScoresIsUniformAndSurvivesHugeScores() {
        assertArrayEquals(new double[] {0.25, 0.25, 0.25, 0.25}, forward(Activation.SOFTMAX, 3, 3, 3, 3), TOLERANCE);
        // without subtracting the row max, exp(1000) would overflow to infinity
        double e = Math.exp(-1);
        assertArrayEquals(new double[] {1 / (1 + e), e / (1 + e)}, forward(Activation.SOFTMAX, 1000, 999), TOLERANCE);
    }

    @Test
    void softmaxRowsSumToOne() {
        INDArray a = Activation.SOFTMAX.forward(TestArrays.uniform(6, 5, -4, 4));
        assertArrayEquals(new double[] {1, 1, 1, 1, 1, 1}, a.sum(1).toDoubleVector(), TOLERANCE);
    }

    @Test
    void forwardLeavesItsArgumentAlone() {
        INDArray z = TestArrays.matrix(new double[] {-1, 2});
        for (Activation activation : OpTable.ACTIVATIONS.stream().flatMap(op -> ActivationGradientTest.instances(op)
                .stream()).toList()) {
            activation.forward(z);
            assertArrayEquals(new double[] {-1, 2}, z.toDoubleVector(), 0.0, activation.name());
        }
    }
}
