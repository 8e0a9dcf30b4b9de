package dev.scratchnet.layers;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.scratchnet.Activation;
import dev.scratchnet.GradientCheck;
import dev.scratchnet.Network;
import dev.scratchnet.TestArrays;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

class DenseTest {

    private static Dense layer(Activation activation) {
        Network net = Network.builder().dataType(DataType.DOUBLE).seed(3)
                .dense(4, 3, activation).build();
        return (Dense) net.layer(0);
    }

    @Test
    void sigmoidDenseBackwardMatchesFiniteDifferences() {
        GradientCheck.layer(layer(Activation.SIGMOID), TestArrays.uniform(5, 4, -2, 2));
    }

    @Test
    void tanhDenseBackwardMatchesFiniteDifferences() {
        GradientCheck.layer(layer(Activation.TANH), TestArrays.uniform(5, 4, -2, 2));
    }

    @Test
    void reluDenseBackwardMatchesFiniteDifferences() {
        GradientCheck.layer(layer(Activation.RELU), TestArrays.uniform(5, 4, -2, 2));
    }

    @Test
    void softmaxDenseBackwardMatchesFiniteDifferences() {
        GradientCheck.layer(layer(Activation.SOFTMAX), TestArrays.uniform(5, 4, -2, 2));
    }

    @Test
    void identityDenseBackwardMatchesFiniteDifferences() {
        GradientCheck.layer(layer(Activation.IDENTITY), TestArrays.uniform(5, 4, -2, 2));
    }

    @Test
    void backwardBeforeForwardIsRefused() {
        Dense dense = layer(Activation.RELU);
        assertThrows(IllegalStateException.class, () -> dense.backward(TestArrays.uniform(2, 3, 0, 1)));
    }
}
