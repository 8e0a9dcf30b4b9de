package dev.scratchnet.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scratchnet.GradientCheck;
import dev.scratchnet.Loss;
import dev.scratchnet.TestArrays;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class LossTest {

    private static final double TOLERANCE = 1e-12;

    @Test
    void mseOfTwoByTwoIsTheMeanOverBatchAndOutputs() {
        INDArray p = TestArrays.matrix(new double[] {1, 2}, new double[] {3, 4});
        INDArray y = TestArrays.matrix(new double[] {0, 2}, new double[] {3, 6});
        // squared errors 1, 0, 0, 4 → mean 5/4
        assertEquals(1.25, Loss.MSE.value(p, y), TOLERANCE);
    }

    @Test
    void crossEntropyIsTheMeanOverTheBatchOfMinusLogTrueClass() {
        INDArray p = TestArrays.matrix(new double[] {0.7, 0.2, 0.1}, new double[] {0.1, 0.1, 0.8});
        INDArray y = TestArrays.oneHot(3, 0, 2);
        assertEquals(-(Math.log(0.7) + Math.log(0.8)) / 2, Loss.CROSS_ENTROPY.value(p, y), TOLERANCE);
    }

    @Test
    void binaryCrossEntropyIsTheMeanOverBatchAndOutputs() {
        INDArray p = TestArrays.matrix(new double[] {0.9, 0.2}, new double[] {0.4, 0.6});
        INDArray y = TestArrays.matrix(new double[] {1, 0}, new double[] {0, 1});
        double expected = -(Math.log(0.9) + Math.log(0.8) + Math.log(0.6) + Math.log(0.6)) / 4;
        assertEquals(expected, Loss.BINARY_CROSS_ENTROPY.value(p, y), TOLERANCE);
    }

    @Test
    void binaryCrossEntropyStaysFiniteAtCertainWrongAnswers() {
        INDArray p = TestArrays.matrix(new double[] {0, 1});
        INDArray y = TestArrays.matrix(new double[] {1, 0});
        assertEquals(-Math.log(BinaryCrossEntropy.EPSILON), Loss.BINARY_CROSS_ENTROPY.value(p, y), 1e-6);
    }

    @Test
    void mseGradientMatchesFiniteDifferences() {
        GradientCheck.loss(Loss.MSE, TestArrays.uniform(4, 3, -2, 2), TestArrays.uniform(4, 3, -2, 2));
    }

    @Test
    void crossEntropyGradientMatchesFiniteDifferences() {
        GradientCheck.loss(Loss.CROSS_ENTROPY, TestArrays.probabilities(4, 3), TestArrays.oneHot(3, 0, 2, 1, 1));
    }

    @Test
    void binaryCrossEntropyGradientMatchesFiniteDifferences() {
        GradientCheck.loss(Loss.BINARY_CROSS_ENTROPY, TestArrays.uniform(4, 2, 0.05, 0.95),
                TestArrays.uniform(4, 2, 0, 1).gt(0.5).castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE));
    }

    /** torch.nn.HuberLoss(delta=1.0)(p, y): errors 0.5 and 3 give ½·0.25 = 0.125 and 1·(3 − ½) = 2.5, mean over 4. */
    @Test
    void huberIsSquaredInsideDeltaAndAbsoluteOutsideAsTorchDefinesIt() {
        INDArray p = TestArrays.matrix(new double[] {1.5, 0}, new double[] {-3, 2});
        INDArray y = TestArrays.matrix(new double[] {1, 0}, new double[] {0, 2});
        assertEquals((0.125 + 0 + 2.5 + 0) / 4, Loss.huber(1.0).value(p, y), TOLERANCE);
        // delta 2: the error 3 gives 2·(3 − 1) = 4
        assertEquals((0.125 + 4) / 4, Loss.huber(2.0).value(p, y), TOLERANCE);
        // gradient: clip(d, −δ, δ) / 4
        assertEquals(TestArrays.matrix(new double[] {0.125, 0}, new double[] {-0.25, 0}), Loss.huber(1.0).gradient(p, y));
    }

    @Test
    void huberGradientMatchesFiniteDifferencesOnBothSidesOfDelta() {
        GradientCheck.loss(Loss.huber(0.5), TestArrays.uniform(4, 3, -2, 2), TestArrays.uniform(4, 3, -2, 2));
    }
}
