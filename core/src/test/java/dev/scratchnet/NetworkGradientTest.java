package dev.scratchnet;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Whole-network back-propagation against finite differences of {@link Network#loss}, in float64. */
class NetworkGradientTest {

    private static Network network(Activation hidden, Activation output, int nOut) {
        return Network.builder().dataType(DataType.DOUBLE).seed(7)
                .dense(4, 5, hidden)
                .dense(5, 3, Activation.TANH)
                .dense(3, nOut, output)
                .build();
    }

    private final INDArray x = TestArrays.uniform(6, 4, -1, 1);

    @Test
    void fusedSoftmaxCrossEntropyPath() {
        GradientCheck.network(network(Activation.RELU, Activation.SOFTMAX, 3), x,
                TestArrays.oneHot(3, 0, 1, 2, 2, 1, 0), Loss.CROSS_ENTROPY);
    }

    @Test
    void softmaxWithMseGoesThroughTheGeneralPath() {
        GradientCheck.network(network(Activation.SIGMOID, Activation.SOFTMAX, 3), x,
                TestArrays.oneHot(3, 0, 1, 2, 2, 1, 0), Loss.MSE);
    }

    @Test
    void sigmoidOutputWithMse() {
        GradientCheck.network(network(Activation.RELU, Activation.SIGMOID, 2), x,
                TestArrays.uniform(6, 2, 0, 1), Loss.MSE);
    }

    @Test
    void sigmoidOutputWithBinaryCrossEntropy() {
        GradientCheck.network(network(Activation.leakyRelu(0.05), Activation.SIGMOID, 2), x,
                TestArrays.uniform(6, 2, 0, 1).gt(0.5).castTo(DataType.DOUBLE), Loss.BINARY_CROSS_ENTROPY);
    }

    @Test
    void identityOutputWithMse() {
        GradientCheck.network(network(Activation.TANH, Activation.IDENTITY, 2), x,
                TestArrays.uniform(6, 2, -1, 1), Loss.MSE);
    }
}
