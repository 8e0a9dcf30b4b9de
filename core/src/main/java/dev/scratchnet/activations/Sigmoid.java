package dev.scratchnet.activations;

import dev.scratchnet.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Logistic sigmoid, applied element-wise.
 * <pre>
 *   forward:  a = 1 / (1 + exp(-z))
 *   backward: dL/dz = dL/da * a * (1 - a)
 * </pre>
 * z, a and both gradients are [n, nOut].
 */
public final class Sigmoid implements Activation {

    @Override
    public INDArray forward(INDArray z) {
        return Transforms.sigmoid(z, true);
    }

    @Override
    public INDArray backward(INDArray z, INDArray a, INDArray gradA) {
        return a.rsub(1.0).muli(a).muli(gradA);
    }

    @Override
    public String name() {
        return "sigmoid";
    }

    @Override
    public String toString() {
        return name();
    }
}
