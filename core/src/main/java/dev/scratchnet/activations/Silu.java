package dev.scratchnet.activations;

import dev.scratchnet.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Sigmoid-weighted linear unit (swish with β = 1), applied element-wise: torch's {@code nn.SiLU()}.
 * <pre>
 *   forward:  a = z · σ(z),  σ(z) = 1 / (1 + exp(−z))
 *   backward: dL/dz = dL/da * σ(z) · (1 + z · (1 − σ(z)))
 * </pre>
 * z, a and both gradients are [n, nOut]. Computed in float64 and rounded once to the array's type.
 */
public final class Silu implements Activation {

    @Override
    public INDArray forward(INDArray z) {
        INDArray x = z.castTo(DataType.DOUBLE);
        return Transforms.sigmoid(x, true).muli(x).castTo(z.dataType());
    }

    @Override
    public INDArray backward(INDArray z, INDArray a, INDArray gradA) {
        INDArray x = z.castTo(DataType.DOUBLE);
        INDArray sigmoid = Transforms.sigmoid(x, true);
        // σ · (1 + z · (1 − σ))
        INDArray derivative = sigmoid.rsub(1.0).muli(x).addi(1.0).muli(sigmoid);
        return derivative.muli(gradA.castTo(DataType.DOUBLE)).castTo(gradA.dataType());
    }

    @Override
    public String name() {
        return "silu";
    }

    @Override
    public String toString() {
        return name();
    }
}
