package dev.scratchnet.activations;

import dev.scratchnet.Activation;
import dev.scratchnet.GradientCheck;
import dev.scratchnet.TestArrays;
import org.junit.jupiter.api.Test;

class ActivationGradientTest {

    @Test
    void sigmoidBackwardMatchesFiniteDifferences() {
        GradientCheck.activation(Activation.SIGMOID, TestArrays.uniform(4, 3, -3, 3));
    }

    @Test
    void tanhBackwardMatchesFiniteDifferences() {
        GradientCheck.activation(Activation.TANH, TestArrays.uniform(4, 3, -3, 3));
    }

    @Test
    void reluBackwardMatchesFiniteDifferences() {
        GradientCheck.activation(Activation.RELU, TestArrays.awayFromZero(4, 3, 0.1, 3));
    }

    @Test
    void leakyReluBackwardMatchesFiniteDifferences() {
        GradientCheck.activation(Activation.leakyRelu(0.1), TestArrays.awayFromZero(4, 3, 0.1, 3));
    }

    @Test
    void softmaxBackwardMatchesFiniteDifferences() {
        GradientCheck.activation(Activation.SOFTMAX, TestArrays.uniform(5, 4, -3, 3));
    }

    @Test
    void identityBackwardMatchesFiniteDifferences() {
        GradientCheck.activation(Activation.IDENTITY, TestArrays.uniform(4, 3, -3, 3));
    }
}
