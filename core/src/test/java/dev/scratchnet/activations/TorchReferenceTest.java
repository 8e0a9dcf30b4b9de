package dev.scratchnet.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scratchnet.Activation;
import dev.scratchnet.kernels.ActivationKernel;
import dev.scratchnet.kernels.Values;
import dev.scratchnet.ops.OpTable;
import java.nio.DoubleBuffer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * GELU, SiLU and softplus, spec and fast kernel, against values computed independently in float64
 * from torch's own formulas ({@code aten/src/ATen/native/cpu/Activation.cpp}) with python3's math
 * module (its erf, exp and log1p), pinned here:
 * <pre>
 *   gelu(z)  = z * 0.5 * (1 + erf(z * M_SQRT1_2));   gelu'(z) = cdf + z * exp(-z*z/2) / sqrt(2*pi)
 *   silu(z)  = z / (1 + exp(-z));                    silu'(z) = s * (1 + z * (1 - s)), s = 1/(1 + exp(-z))
 *   softplus(z) = z if z > 20 else log1p(exp(z));     softplus'(z) = 1 if z > 20 else e/(e + 1), e = exp(z)
 * </pre>
 * The issue asks for 1e-6 relative; this holds them to 1e-10 relative, with an absolute 1e-14 for
 * GELU's far negative tail, where {@code 1 + erf} cancels in torch's formula too.
 */
class TorchReferenceTest {

    /** z, gelu, gelu', silu, silu', softplus, softplus'. */
    private static final double[][] VALUES = {
            {-30.0, -0.0, -4.420938404635643e-195, -2.8072868906517896e-12, -2.713710660963134e-12, 9.357622968839737e-14, 9.3576229688393e-14},
            {-8.0, -4.884981308350689e-15, -3.9807546004751306e-14, -0.002682801043731825, -0.0023465512355853157, 0.00033540637289576885, 0.00033535013046647816},
            {-6.0, -5.919525869479969e-09, -3.546870945402639e-08, -0.014835738939808647, -0.012326432591525513, 0.0024756851377304495, 0.0024726231566347748},
            {-3.0, -0.00404969409489031, -0.01194564720418392, -0.14227761953270035, -0.08810410601516962, 0.04858735157374206, 0.04742587317756679},
            {-1.5, -0.10021080190328704, -0.1274691922299796, -0.2736382857095345, -0.041294154299142946, 0.2014132779827524, 0.18242552380635632},
            {-0.5, -0.15426876936299344, 0.13250487534383712, -0.1887703343990727, 0.2600388126973482, 0.4740769841801067, 0.37754066879814546},
            {-0.001, -0.000499601057786089, 0.4992021157051586, -0.0004997500000208334, 0.4995000000833333, 0.6926473055599401, 0.49975000002083336},
            {0.0, 0.0, 0.5, 0.0, 0.5, 0.6931471805599453, 0.5},
            {0.001, 0.000500398942213911, 0.5007978842948414, 0.0005002499999791667, 0.5004999999166666, 0.6936473055599401, 0.5002499999791666},
            {0.7, 0.5306254434438489, 0.9766141011336599, 0.46773144051771626, 0.8233867834733425, 1.103186048885458, 0.6681877721681662},
            {2.0, 1.9544997361036416, 1.085231801078197, 1.7615941559557646, 1.0907842487848955, 2.1269280110429727, 0.8807970779778824},
            {5.0, 4.999998566742141, 1.000007146946002, 4.966535745378576, 1.0265474324296655, 5.006715348489118, 0.9933071490757152},
            {12.0, 12.0, 1.0, 11.999926269904773, 1.0000675854676138, 12.000006144193478, 0.9999938558253978},
            {19.5, 19.5, 1.0, 19.499999933733775, 1.0000000628679557, 19.500000003398267, 0.9999999966017322},
            {20.0, 20.0, 1.0, 19.999999958776925, 1.0000000391619202, 20.000000002061153, 0.9999999979388464},
            {20.5, 20.5, 1.0, 20.499999974371867, 1.000000024377981, 20.5, 1.0},
            {35.0, 35.0, 1.0, 34.99999999999998, 1.0000000000000226, 35.0, 1.0},
    };

    @Test
    void geluIsTorchsGelu() {
        check(Activation.GELU, 1);
    }

    @Test
    void siluIsTorchsSilu() {
        check(Activation.SILU, 3);
    }

    @Test
    void softplusIsTorchsSoftplus() {
        check(Activation.SOFTPLUS, 5);
    }

    private static void check(Activation activation, int column) {
        double[] z = new double[VALUES.length];
        double[] a = new double[VALUES.length];
        double[] derivative = new double[VALUES.length];
        for (int i = 0; i < VALUES.length; i++) {
            z[i] = VALUES[i][0];
            a[i] = VALUES[i][column];
            derivative[i] = VALUES[i][column + 1];
        }
        INDArray zs = Nd4j.create(z, new long[] {1, z.length}, DataType.DOUBLE);
        INDArray ones = Nd4j.ones(DataType.DOUBLE, 1, z.length);
        // the spec
        INDArray specA = activation.forward(zs);
        close(activation + " spec forward", a, specA.toDoubleVector(), z);
        close(activation + " spec backward", derivative, activation.backward(zs, specA, ones).toDoubleVector(), z);
        // the fast kernel, float64
        ActivationKernel kernel = OpTable.of(activation).orElseThrow().kernel().apply(activation);
        double[] fastA = z.clone();
        kernel.forward(Values.of(DoubleBuffer.wrap(fastA), 1, z.length), 1);
        close(activation + " kernel forward", a, fastA, z);
        double[] fastGrad = ones.toDoubleVector();
        kernel.backward(Values.of(DoubleBuffer.wrap(z.clone()), 1, z.length), Values.of(DoubleBuffer.wrap(fastA), 1,
                z.length), Values.of(DoubleBuffer.wrap(fastGrad), 1, z.length), 1);
        close(activation + " kernel backward", derivative, fastGrad, z);
    }

    private static void close(String what, double[] expected, double[] actual, double[] z) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            double error = Math.abs(expected[i] - actual[i]);
            assertTrue(error <= 1e-10 * Math.abs(expected[i]) + 1e-14,
                    what + " at z = " + z[i] + ": torch " + expected[i] + ", scratchnet " + actual[i]);
        }
    }
}
