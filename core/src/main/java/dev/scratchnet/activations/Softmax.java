package dev.scratchnet.activations;

import dev.scratchnet.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Softmax over each row: turns a row of scores into probabilities.
 * <pre>
 *   forward:  a_ij = exp(z_ij - m_i) / Σ_k exp(z_ik - m_i),   m_i = max_k z_ik
 *   backward: dL/dz_ij = a_ij · (dL/da_ij - Σ_k dL/da_ik · a_ik)
 * </pre>
 * Subtracting the row max {@code m_i} changes nothing mathematically and keeps {@code exp} from
 * overflowing. z, a and both gradients are [n, nOut]. Paired with cross-entropy, the network uses
 * the fused gradient {@code (p - y) / n} instead of this backward.
 */
public final class Softmax implements Activation {

    @Override
    public INDArray forward(INDArray z) {
        INDArray shifted = z.subColumnVector(z.max(true, 1));
        Transforms.exp(shifted, false);
        return shifted.diviColumnVector(shifted.sum(true, 1));
    }

    @Override
    public INDArray backward(INDArray z, INDArray a, INDArray gradA) {
        INDArray rowDot = gradA.mul(a).sum(true, 1);
        return gradA.subColumnVector(rowDot).muli(a);
    }

    @Override
    public String name() {
        return "softmax";
    }

    @Override
    public String toString() {
        return name();
    }
}
