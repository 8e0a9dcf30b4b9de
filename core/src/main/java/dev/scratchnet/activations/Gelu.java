package dev.scratchnet.activations;

import dev.scratchnet.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Erf;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Gaussian error linear unit, exact (with erf, not the tanh approximation), applied element-wise:
 * torch's {@code nn.GELU()} and its formulas.
 * <pre>
 *   forward:  a = z · Φ(z),  Φ(z) = (1 + erf(z / √2)) / 2      (the standard normal's distribution)
 *   backward: dL/dz = dL/da * (Φ(z) + z · φ(z)),  φ(z) = exp(−z² / 2) / √(2π)
 * </pre>
 * z, a and both gradients are [n, nOut]. Computed in float64 whatever the array's type (erf in
 * float32 would lose digits) and rounded once to it.
 */
public final class Gelu implements Activation {

    private static final double ONE_OVER_SQRT_2 = 1 / Math.sqrt(2);
    private static final double ONE_OVER_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

    @Override
    public INDArray forward(INDArray z) {
        INDArray x = z.castTo(DataType.DOUBLE);
        return x.mul(cdf(x)).castTo(z.dataType());
    }

    @Override
    public INDArray backward(INDArray z, INDArray a, INDArray gradA) {
        INDArray x = z.castTo(DataType.DOUBLE);
        INDArray pdf = Transforms.exp(x.mul(x).muli(-0.5), false).muli(ONE_OVER_SQRT_2PI);
        INDArray derivative = cdf(x).addi(pdf.muli(x));
        return derivative.muli(gradA.castTo(DataType.DOUBLE)).castTo(gradA.dataType());
    }

    /** Φ(x) = (1 + erf(x / √2)) / 2, a new float64 array. */
    private static INDArray cdf(INDArray x) {
        INDArray scaled = x.mul(ONE_OVER_SQRT_2);
        Nd4j.getExecutioner().exec(new Erf(scaled, scaled));
        return scaled.addi(1).muli(0.5);
    }

    @Override
    public String name() {
        return "gelu";
    }

    @Override
    public String toString() {
        return name();
    }
}
