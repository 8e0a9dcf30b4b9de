package dev.scratchnet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The seed tutorials' own examples, through the public contract: each must be learned. */
class TutorialExamplesIT {

    @Test
    void xorIsLearnedByA231Network() {
        Network net = Network.builder().seed(1)
                .dense(2, 3, Activation.TANH)
                .dense(3, 1, Activation.SIGMOID)
                .build();
        DataSet xor = Datasets.xor();

        TrainingHistory history = net.fit(xor, Fit.builder()
                .loss(Loss.BINARY_CROSS_ENTROPY)
                .optimizer(Optimizer.sgd(0.5))
                .epochs(2000).batchSize(4)
                .build());

        assertArrayEquals(new int[] {0, 1, 1, 0}, net.predictClasses(xor.features()));
        assertTrue(history.finalLoss() < 0.1, "final loss " + history.finalLoss());
    }

    @Test
    void spiralReaches97PercentWithA21003ReluSoftmaxNetwork() {
        DataSet spiral = Datasets.spiral(100, 3, 0);
        Network net = Network.builder().seed(1)
                .dense(2, 100, Activation.RELU)
                .dense(100, 3, Activation.SOFTMAX)
                .build();

        TrainingHistory history = net.fit(spiral, Fit.builder()
                .loss(Loss.CROSS_ENTROPY)
                .optimizer(Optimizer.sgd(1.0))
                .l2(1e-3)
                .epochs(5000).batchSize(spiral.size())
                .build());

        double accuracy = net.evaluate(spiral).accuracy();
        assertTrue(accuracy >= 0.97, "training accuracy " + accuracy);
        assertTrue(history.finalLoss() < history.trainLoss()[0] / 2, "loss did not halve");
    }

    @Test
    void digitsReach97PercentWithThe641510ReluSigmoidMseNetwork() {
        DataSet digits = Datasets.digits().scale(1 / 16.0);
        Network net = Network.builder().seed(1)
                .dense(64, 15, Activation.RELU)
                .dense(15, 10, Activation.SIGMOID)
                .build();

        TrainingHistory history = net.fit(digits, Fit.builder()
                .loss(Loss.MSE)
                .optimizer(Optimizer.sgd(2.0))
                .epochs(100).batchSize(15)
                .build());

        double accuracy = history.trainAccuracy()[history.epochs() - 1];
        assertTrue(accuracy >= 0.97, "training accuracy " + accuracy);
        assertTrue(history.finalLoss() < history.trainLoss()[0] / 2, "loss did not halve");
    }
}
