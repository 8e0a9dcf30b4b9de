package dev.scratchnet;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Whole-network back-propagation against finite differences of {@link Network#loss}, in float64,
 * through both the fast path and the readable reference path.
 */
class NetworkGradientTest {

    private static Network network(String engine, Activation hidden, Activation output, int nOut) {
        return Network.builder().dataType(DataType.DOUBLE).seed(7).backend(Engines.backend(engine))
                .dense(4, 5, hidden)
                .dense(5, 3, Activation.TANH)
                .dense(3, nOut, output)
                .build();
    }

    private final INDArray x = TestArrays.uniform(6, 4, -1, 1);

    private static void check(String engine, Network built, INDArray x, INDArray y, Loss loss) {
        org.junit.jupiter.api.Assertions.assertEquals(engine, built.backend().toString());
        GradientCheck.network(built, x, y, loss);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fast", "reference"})
    void fusedSoftmaxCrossEntropyPath(String engine) {
        check(engine, network(engine, Activation.RELU, Activation.SOFTMAX, 3), x,
                TestArrays.oneHot(3, 0, 1, 2, 2, 1, 0), Loss.CROSS_ENTROPY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fast", "reference"})
    void softmaxWithMseGoesThroughTheGeneralPath(String engine) {
        check(engine, network(engine, Activation.SIGMOID, Activation.SOFTMAX, 3), x,
                TestArrays.oneHot(3, 0, 1, 2, 2, 1, 0), Loss.MSE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fast", "reference"})
    void sigmoidOutputWithMse(String engine) {
        check(engine, network(engine, Activation.RELU, Activation.SIGMOID, 2), x,
                TestArrays.uniform(6, 2, 0, 1), Loss.MSE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fast", "reference"})
    void sigmoidOutputWithBinaryCrossEntropy(String engine) {
        check(engine, network(engine, Activation.leakyRelu(0.05), Activation.SIGMOID, 2), x,
                TestArrays.uniform(6, 2, 0, 1).gt(0.5).castTo(DataType.DOUBLE), Loss.BINARY_CROSS_ENTROPY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fast", "reference"})
    void identityOutputWithMse(String engine) {
        check(engine, network(engine, Activation.TANH, Activation.IDENTITY, 2), x,
                TestArrays.uniform(6, 2, -1, 1), Loss.MSE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fast", "reference"})
    void identityOutputWithHuber(String engine) {
        check(engine, network(engine, Activation.TANH, Activation.IDENTITY, 2), x,
                TestArrays.uniform(6, 2, -3, 3), Loss.huber(0.3));
    }

    /** Targets whose rows do not sum to 1 (multi-label, or all zero) get the general fused gradient (p·Σy − y)/n. */
    @ParameterizedTest
    @ValueSource(strings = {"fast", "reference"})
    void softmaxCrossEntropyWithTargetsThatDoNotSumToOne(String engine) {
        check(engine, network(engine, Activation.RELU, Activation.SOFTMAX, 3), x,
                TestArrays.matrix(new double[] {1, 1, 0}, new double[] {0, 0, 0}, new double[] {0.5, 0.2, 0.1},
                        new double[] {1, 0, 0}, new double[] {0, 1, 1}, new double[] {0.3, 0.3, 0.3}),
                Loss.CROSS_ENTROPY);
    }

    /** A user's own activation has no fast kernel: its network runs on the reference backend, and its gradients are right. */
    @ParameterizedTest
    @ValueSource(strings = {"fast", "reference"})
    void aUserWrittenActivation(String engine) {
        Network built = network(engine, new Cube(), Activation.SOFTMAX, 3);
        org.junit.jupiter.api.Assertions.assertEquals(Backend.REFERENCE, built.backend());
        GradientCheck.network(built, x, TestArrays.oneHot(3, 0, 1, 2, 2, 1, 0), Loss.CROSS_ENTROPY);
    }
}
