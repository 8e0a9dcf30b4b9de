package dev.scratchnet.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.scratchnet.Optimizer;
import org.junit.jupiter.api.Test;

class NesterovTest {

    @Test
    void threeStepsMatchTorchSgdWithNesterovMomentum() {
        double learningRate = 0.05;
        double mu = 0.8;
        double[] w = OptimizerSteps.WEIGHTS.clone();
        double[] v = new double[w.length];
        for (double[] g : OptimizerSteps.GRADIENTS) {
            // torch.optim.SGD(nesterov=True): buf = μ·buf + g; g = g + μ·buf; p −= lr·g
            for (int i = 0; i < w.length; i++) {
                v[i] = mu * v[i] + g[i];
                w[i] -= learningRate * (g[i] + mu * v[i]);
            }
        }
        assertArrayEquals(w, OptimizerSteps.run(Optimizer.nesterov(learningRate, mu)), 1e-12);
    }

    @Test
    void withZeroMomentumItIsPlainSgd() {
        assertArrayEquals(OptimizerSteps.run(Optimizer.sgd(0.1)), OptimizerSteps.run(Optimizer.nesterov(0.1, 0)),
                1e-15);
    }
}
