package dev.scratchnet.activations;

import dev.scratchnet.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The identity, for regression outputs.
 * <pre>
 *   forward:  a = z
 *   backward: dL/dz = dL/da
 * </pre>
 * z, a and both gradients are [n, nOut]; both directions return copies.
 */
public final class Identity implements Activation {

    @Override
    public INDArray forward(INDArray z) {
        return z.dup();
    }

    @Override
    public INDArray backward(INDArray z, INDArray a, INDArray gradA) {
        return gradA.dup();
    }

    @Override
    public String name() {
        return "identity";
    }

    @Override
    public String toString() {
        return name();
    }
}
