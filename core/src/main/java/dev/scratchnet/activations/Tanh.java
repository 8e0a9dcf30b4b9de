package dev.scratchnet.activations;

import dev.scratchnet.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Hyperbolic tangent, applied element-wise.
 * <pre>
 *   forward:  a = tanh(z)
 *   backward: dL/dz = dL/da * (1 - a²)
 * </pre>
 * z, a and both gradients are [n, nOut].
 */
public final class Tanh implements Activation {

    @Override
    public INDArray forward(INDArray z) {
        return Transforms.tanh(z, true);
    }

    @Override
    public INDArray backward(INDArray z, INDArray a, INDArray gradA) {
        return a.mul(a).rsubi(1.0).muli(gradA);
    }

    @Override
    public String name() {
        return "tanh";
    }

    @Override
    public String toString() {
        return name();
    }
}
