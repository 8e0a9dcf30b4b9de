package dev.scratchnet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Clipping by norm and by value against torch's clip_grad_norm_ and clip_grad_value_, and in a fit. */
class GradientClippingTest {

    private static final double[] WEIGHT_GRADIENT = {0.5, -2.0, 3.0, 0.25, -1.5, 1.0};
    private static final double[] BIAS_GRADIENT = {-0.75, 2.5};

    private static List<Parameter> parameters(DataType type) {
        INDArray w = Nd4j.create(WEIGHT_GRADIENT, new long[] {2, 3}).castTo(type);
        INDArray b = Nd4j.create(BIAS_GRADIENT, new long[] {1, 2}).castTo(type);
        return List.of(new Parameter("w", w.dup(), w, true), new Parameter("b", b.dup(), b, false));
    }

    private static double[] flat(List<Parameter> parameters) {
        double[] w = parameters.get(0).gradient().ravel().toDoubleVector();
        double[] b = parameters.get(1).gradient().ravel().toDoubleVector();
        double[] all = new double[w.length + b.length];
        System.arraycopy(w, 0, all, 0, w.length);
        System.arraycopy(b, 0, all, w.length, b.length);
        return all;
    }

    /** torch.nn.utils.clip_grad_norm_: total = ‖all grads‖₂, coef = min(1, max / (total + 1e-6)), g *= coef. */
    private static double[] torchClipNorm(double maxNorm) {
        double[] all = concat();
        double sum = 0;
        for (double g : all) {
            sum += g * g;
        }
        double coefficient = Math.min(1, maxNorm / (Math.sqrt(sum) + 1e-6));
        for (int i = 0; i < all.length; i++) {
            all[i] *= coefficient;
        }
        return all;
    }

    /** torch.nn.utils.clip_grad_value_: g.clamp_(−limit, limit). */
    private static double[] torchClipValue(double limit) {
        double[] all = concat();
        for (int i = 0; i < all.length; i++) {
            all[i] = Math.max(-limit, Math.min(limit, all[i]));
        }
        return all;
    }

    private static double[] concat() {
        double[] all = new double[WEIGHT_GRADIENT.length + BIAS_GRADIENT.length];
        System.arraycopy(WEIGHT_GRADIENT, 0, all, 0, WEIGHT_GRADIENT.length);
        System.arraycopy(BIAS_GRADIENT, 0, all, WEIGHT_GRADIENT.length, BIAS_GRADIENT.length);
        return all;
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void byNormScalesEveryGradientByOneFactorAsTorchDoes(Backend backend) {
        for (double maxNorm : new double[] {1.0, 2.5, 100.0}) {
            List<Parameter> parameters = parameters(DataType.DOUBLE);
            new GradientClipping(maxNorm, 0, parameters, backend).apply();
            assertArrayEquals(torchClipNorm(maxNorm), flat(parameters), 1e-14, "maxNorm " + maxNorm);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void byValueClampsEveryElementAsTorchDoes(Backend backend) {
        List<Parameter> parameters = parameters(DataType.DOUBLE);
        new GradientClipping(0, 1.0, parameters, backend).apply();
        assertArrayEquals(torchClipValue(1.0), flat(parameters), 0);
    }

    @Test
    void theKernelAgreesWithTheReadableDefinitionInFloat32() {
        List<Parameter> fast = parameters(DataType.FLOAT);
        List<Parameter> reference = parameters(DataType.FLOAT);
        new GradientClipping(1.5, 0, fast, Backend.FAST).apply();
        new GradientClipping(1.5, 0, reference, Backend.REFERENCE).apply();
        assertArrayEquals(flat(reference), flat(fast), 1e-6);
    }

    @Test
    void clippingOnTheFastBackendAllocatesNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        GradientClipping byNorm = new GradientClipping(0.5, 0, parameters(DataType.FLOAT), Backend.FAST);
        GradientClipping byValue = new GradientClipping(0, 0.5, parameters(DataType.FLOAT), Backend.FAST);
        for (int i = 0; i < 20_000; i++) {
            byNorm.apply();
            byValue.apply();
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 1000; i++) {
            byNorm.apply();
            byValue.apply();
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < 1000, allocated + " bytes allocated in 1000 clippings");
    }

    /**
     * One full-batch SGD step with clipping and l2 equals the torch order written out: gradients,
     * clip, add λ·W (torch's SGD weight_decay, inside step), W −= lr·g.
     */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void aFitClipsBeforeTheWeightDecayAsTorchDoes(Backend backend) {
        DataSet data = Datasets.spiral(10, 3, 1);
        double rate = 0.5;
        double l2 = 0.1;
        double maxNorm = 0.05;
        Network trained = network(backend);
        Network manual = network(backend);

        Gradients g = manual.gradients(data.features(), data.targets(), Loss.CROSS_ENTROPY);
        List<double[]> gradients = new ArrayList<>();
        double sum = 0;
        for (int layer = 0; layer < g.numLayers(); layer++) {
            for (INDArray array : List.of(g.weights(layer), g.bias(layer))) {
                double[] values = array.ravel().toDoubleVector();
                gradients.add(values);
                for (double value : values) {
                    sum += value * value;
                }
            }
        }
        assertTrue(Math.sqrt(sum) > maxNorm, "the gradient is large enough to be clipped: " + Math.sqrt(sum));
        double coefficient = Math.min(1, maxNorm / (Math.sqrt(sum) + 1e-6));
        trained.fit(data, Fit.builder().loss(Loss.CROSS_ENTROPY).optimizer(Optimizer.sgd(rate)).l2(l2)
                .clipNorm(maxNorm).epochs(1).batchSize(data.size()).shuffle(false).build());

        for (int layer = 0; layer < manual.numLayers(); layer++) {
            double[] w = manual.layer(layer).weights().ravel().toDoubleVector();
            double[] dW = gradients.get(2 * layer);
            double[] b = manual.layer(layer).bias().ravel().toDoubleVector();
            double[] db = gradients.get(2 * layer + 1);
            for (int i = 0; i < w.length; i++) {
                w[i] -= rate * (dW[i] * coefficient + l2 * w[i]);
            }
            for (int i = 0; i < b.length; i++) {
                b[i] -= rate * db[i] * coefficient;
            }
            assertArrayEquals(w, trained.layer(layer).weights().ravel().toDoubleVector(), 1e-13);
            assertArrayEquals(b, trained.layer(layer).bias().ravel().toDoubleVector(), 1e-13);
        }
    }

    private static Network network(Backend backend) {
        return Network.builder().dataType(DataType.DOUBLE).backend(backend).seed(4)
                .dense(2, 8, Activation.TANH).dense(8, 3, Activation.SOFTMAX).build();
    }

    @Test
    void clippingByNormAndByValueAtOnceIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Fit.builder().clipNorm(1).clipValue(0.5));
        assertEquals("clipValue(0.5) contradicts clipNorm(1.0) set before; clip by one of them", e.getMessage());
        assertEquals("clipNorm must be > 0 and finite, was 0.0",
                assertThrows(IllegalArgumentException.class, () -> Fit.builder().clipNorm(0)).getMessage());
    }
}
