package dev.scratchnet.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.scratchnet.Optimizer;
import dev.scratchnet.OptimizerState;
import dev.scratchnet.Parameter;
import dev.scratchnet.TestArrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class MomentumTest {

    @Test
    void threeStepsWithAConstantGradientMatchTheRuleWorkedByHand() {
        // lr 0.1, μ 0.9, dW = 1 every step: v = 1, 1.9, 2.71; w = 1 − 0.1, − 0.19, − 0.271
        INDArray w = TestArrays.matrix(new double[] {1.0});
        Parameter parameter = new Parameter("w", w, TestArrays.matrix(new double[] {1.0}), true);
        OptimizerState momentum = Optimizer.momentum(0.1, 0.9).start(List.of(parameter));
        double[] expected = {0.9, 0.71, 0.439};
        for (double value : expected) {
            momentum.step(0.1);
            assertEquals(value, w.getDouble(0, 0), 1e-15);
        }
    }

    @Test
    void threeStepsMatchTorchSgdWithMomentum() {
        double learningRate = 0.05;
        double mu = 0.9;
        double[] w = OptimizerSteps.WEIGHTS.clone();
        double[] v = new double[w.length];
        for (double[] g : OptimizerSteps.GRADIENTS) {
            // torch.optim.SGD: buf = μ·buf + g (buf = g on the first step, the same with buf = 0); p −= lr·buf
            for (int i = 0; i < w.length; i++) {
                v[i] = mu * v[i] + g[i];
                w[i] -= learningRate * v[i];
            }
        }
        assertArrayEquals(w, OptimizerSteps.run(Optimizer.momentum(learningRate, mu)), 1e-12);
    }

    @Test
    void momentumOutsideZeroToOneIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Optimizer.momentum(0.1, 1.0));
        assertEquals("momentum must be in [0, 1), was 1.0", e.getMessage());
    }
}
