package dev.scratchnet.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.scratchnet.Optimizer;
import org.junit.jupiter.api.Test;

class RmsPropTest {

    @Test
    void threeStepsMatchTorchRmsProp() {
        double learningRate = 0.01;
        double rho = 0.99;
        double epsilon = 1e-8;
        double[] w = OptimizerSteps.WEIGHTS.clone();
        double[] v = new double[w.length];
        for (double[] g : OptimizerSteps.GRADIENTS) {
            // torch.optim.RMSprop: square_avg = α·square_avg + (1 − α)·g²; p −= lr·g / (√square_avg + ε)
            for (int i = 0; i < w.length; i++) {
                v[i] = rho * v[i] + (1 - rho) * g[i] * g[i];
                w[i] -= learningRate * g[i] / (Math.sqrt(v[i]) + epsilon);
            }
        }
        assertArrayEquals(w, OptimizerSteps.run(Optimizer.rmsProp(learningRate)), 1e-12);
    }

    @Test
    void firstStepIsTheLearningRateOverTheSquareRootOfOneMinusRho() {
        // t = 1: v = (1 − ρ)·g², so the step is lr·sign(g) / √(1 − ρ) = 0.01 · 10 = 0.1 per weight
        double[] w = OptimizerSteps.WEIGHTS;
        double[] g = OptimizerSteps.GRADIENTS[0];
        double[] expected = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            expected[i] = w[i] - 0.1 * Math.signum(g[i]);
        }
        assertArrayEquals(expected, OptimizerSteps.runSteps(Optimizer.rmsProp(0.01), 1), 1e-6);
    }
}
