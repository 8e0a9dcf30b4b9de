package dev.scratchnet.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.scratchnet.Optimizer;
import org.junit.jupiter.api.Test;

class AdamTest {

    @Test
    void firstStepMovesEveryWeightByTheLearningRateAgainstTheGradientSign() {
        // t = 1: m̂ = g and v̂ = g², so the step is lr·g / (|g| + ε) ≈ lr·sign(g) (0 where g = 0)
        double[] w = OptimizerSteps.WEIGHTS;
        double[] g = OptimizerSteps.GRADIENTS[0];
        double[] expected = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            expected[i] = w[i] - 0.01 * Math.signum(g[i]);
        }
        Optimizer adam = Optimizer.adam(0.01);
        double[] after = OptimizerSteps.runSteps(adam, 1);
        assertArrayEquals(expected, after, 1e-8);
    }

    @Test
    void threeStepsMatchTorchAdamWithDefaults() {
        assertArrayEquals(reference(1e-3, 0.9, 0.999, 1e-8), OptimizerSteps.run(Optimizer.adam(1e-3)), 1e-12);
    }

    @Test
    void threeStepsMatchTorchAdamWithOtherBetas() {
        assertArrayEquals(reference(0.1, 0.5, 0.8, 1e-3),
                OptimizerSteps.run(Optimizer.adam(0.1, 0.5, 0.8, 1e-3)), 1e-12);
    }

    /** torch.optim.Adam worked as torch writes it: step_size = lr / bc1, denom = √v / √bc2 + ε. */
    private static double[] reference(double learningRate, double beta1, double beta2, double epsilon) {
        double[] w = OptimizerSteps.WEIGHTS.clone();
        double[] m = new double[w.length];
        double[] v = new double[w.length];
        int t = 0;
        for (double[] g : OptimizerSteps.GRADIENTS) {
            t++;
            double correction1 = 1 - Math.pow(beta1, t);
            double correction2 = 1 - Math.pow(beta2, t);
            for (int i = 0; i < w.length; i++) {
                m[i] = beta1 * m[i] + (1 - beta1) * g[i];
                v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
                double denominator = Math.sqrt(v[i]) / Math.sqrt(correction2) + epsilon;
                w[i] -= learningRate / correction1 * m[i] / denominator;
            }
        }
        return w;
    }

    @Test
    void betaOfOneIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Optimizer.adam(0.1, 0.9, 1.0, 1e-8));
        assertEquals("beta2 must be in [0, 1), was 1.0", e.getMessage());
    }
}
