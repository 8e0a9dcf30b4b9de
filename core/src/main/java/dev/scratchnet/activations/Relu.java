package dev.scratchnet.activations;

import dev.scratchnet.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Rectified linear unit, applied element-wise.
 * <pre>
 *   forward:  a = max(0, z)
 *   backward: dL/dz = dL/da * [z > 0]      (the derivative at z = 0 is taken as 0)
 * </pre>
 * z, a and both gradients are [n, nOut].
 */
public final class Relu implements Activation {

    @Override
    public INDArray forward(INDArray z) {
        return Transforms.relu(z, true);
    }

    @Override
    public INDArray backward(INDArray z, INDArray a, INDArray gradA) {
        // step(z) is 1 where z > 0 and 0 elsewhere: the mask [z > 0] in z's own data type
        return Transforms.step(z, true).muli(gradA);
    }

    @Override
    public String name() {
        return "relu";
    }

    @Override
    public String toString() {
        return name();
    }
}
