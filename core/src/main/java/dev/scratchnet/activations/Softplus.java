package dev.scratchnet.activations;

import dev.scratchnet.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Softplus, a smooth ReLU, applied element-wise: torch's {@code nn.Softplus()} with its defaults
 * β = 1 and threshold 20, above which it returns z itself.
 * <pre>
 *   forward:  a = log(1 + exp(z)),  or z where z > 20
 *   backward: dL/dz = dL/da * exp(z) / (exp(z) + 1),  or dL/da where z > 20
 * </pre>
 * z, a and both gradients are [n, nOut]. Element by element in float64 (rounded once to the array's
 * type), because {@code log(1 + exp(z))} needs {@link Math#log1p}: for z = −30 the plain log of
 * {@code 1 + 9.4e-14} is off by a tenth of a percent, and ND4J's log1p is that plain log.
 */
public final class Softplus implements Activation {

    /** Torch's default threshold: above it softplus(z) is z to within 2e-9. */
    public static final double THRESHOLD = 20;

    @Override
    public INDArray forward(INDArray z) {
        double[] x = doubles(z);
        double[] a = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            a[i] = x[i] > THRESHOLD ? x[i] : Math.log1p(Math.exp(x[i]));
        }
        return Nd4j.create(a, z.shape(), DataType.DOUBLE).castTo(z.dataType());
    }

    @Override
    public INDArray backward(INDArray z, INDArray a, INDArray gradA) {
        double[] x = doubles(z);
        double[] grad = doubles(gradA);
        for (int i = 0; i < x.length; i++) {
            double e = Math.exp(x[i]);
            grad[i] = x[i] > THRESHOLD ? grad[i] : grad[i] * e / (e + 1);
        }
        return Nd4j.create(grad, gradA.shape(), DataType.DOUBLE).castTo(gradA.dataType());
    }

    /** A copy of {@code values} as float64, in row-major order. */
    private static double[] doubles(INDArray values) {
        return values.castTo(DataType.DOUBLE).dup('c').data().asDouble();
    }

    @Override
    public String name() {
        return "softplus";
    }

    @Override
    public String toString() {
        return name();
    }
}
