package dev.scratchnet.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scratchnet.Optimizer;
import dev.scratchnet.OptimizerState;
import dev.scratchnet.Parameter;
import dev.scratchnet.TestArrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class AdamWTest {

    @Test
    void threeStepsMatchTorchAdamWWithDefaults() {
        assertArrayEquals(reference(1e-3, 0.01, 0.9, 0.999, 1e-8),
                OptimizerSteps.run(Optimizer.adamW(1e-3, 0.01)), 1e-12);
    }

    @Test
    void threeStepsMatchTorchAdamWWithStrongDecayAndOtherBetas() {
        assertArrayEquals(reference(0.1, 0.5, 0.5, 0.8, 1e-3),
                OptimizerSteps.run(Optimizer.adamW(0.1, 0.5, 0.5, 0.8, 1e-3)), 1e-12);
    }

    @Test
    void withoutDecayItIsAdam() {
        assertArrayEquals(OptimizerSteps.run(Optimizer.adam(0.1)), OptimizerSteps.run(Optimizer.adamW(0.1, 0)), 0);
    }

    @Test
    void biasesDoNotDecay() {
        // a parameter that does not decay (a bias) takes exactly Adam's steps
        INDArray adamBias = TestArrays.matrix(new double[] {1.0, -2.0});
        INDArray adamWBias = adamBias.dup();
        INDArray gradient = TestArrays.matrix(new double[] {0.5, 0.25});
        OptimizerState adam = Optimizer.adam(0.1).start(List.of(new Parameter("b", adamBias, gradient, false)));
        OptimizerState adamW = Optimizer.adamW(0.1, 0.5).start(List.of(new Parameter("b", adamWBias, gradient, false)));
        for (int step = 0; step < 3; step++) {
            adam.step(0.1);
            adamW.step(0.1);
        }
        assertArrayEquals(adamBias.toDoubleVector(), adamWBias.toDoubleVector(), 0);
    }

    @Test
    void nameShowsTheDecay() {
        assertEquals("adamW(0.001, 0.01)", Optimizer.adamW(1e-3, 0.01).name());
        assertEquals("adamW(0.1, 0.5, 0.5, 0.8, 0.001)", Optimizer.adamW(0.1, 0.5, 0.5, 0.8, 1e-3).name());
    }

    /**
     * torch.optim.AdamW as torch writes it: param.mul_(1 − lr·weight_decay), then Adam with
     * step_size = lr / bc1, denom = √v / √bc2 + ε.
     */
    private static double[] reference(double learningRate, double weightDecay, double beta1, double beta2,
                                      double epsilon) {
        double[] w = OptimizerSteps.WEIGHTS.clone();
        double[] m = new double[w.length];
        double[] v = new double[w.length];
        int t = 0;
        for (double[] g : OptimizerSteps.GRADIENTS) {
            t++;
            double correction1 = 1 - Math.pow(beta1, t);
            double correction2 = 1 - Math.pow(beta2, t);
            for (int i = 0; i < w.length; i++) {
                w[i] *= 1 - learningRate * weightDecay;
                m[i] = beta1 * m[i] + (1 - beta1) * g[i];
                v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
                double denominator = Math.sqrt(v[i]) / Math.sqrt(correction2) + epsilon;
                w[i] -= learningRate / correction1 * m[i] / denominator;
            }
        }
        return w;
    }
}
