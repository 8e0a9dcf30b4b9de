package dev.scratchnet.activations;

import dev.scratchnet.Activation;
import dev.scratchnet.internal.Checks;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Leaky rectified linear unit, applied element-wise.
 * <pre>
 *   forward:  a = z            where z > 0,   alpha · z   elsewhere
 *   backward: dL/dz = dL/da    where z > 0,   alpha · dL/da elsewhere
 * </pre>
 * z, a and both gradients are [n, nOut].
 */
public final class LeakyRelu implements Activation {

    private final double alpha;

    /** @param alpha the slope for {@code z <= 0}; finite and {@code >= 0} (0 gives ReLU) */
    public LeakyRelu(double alpha) {
        this.alpha = Checks.nonNegative("leakyRelu alpha", alpha);
    }

    /** The slope for {@code z <= 0}. */
    public double alpha() {
        return alpha;
    }

    @Override
    public INDArray forward(INDArray z) {
        return Transforms.leakyRelu(z, alpha, true);
    }

    @Override
    public INDArray backward(INDArray z, INDArray a, INDArray gradA) {
        // slope = alpha + (1 - alpha)·[z > 0], which is 1 for z > 0 and alpha elsewhere
        return Transforms.step(z, true).muli(1.0 - alpha).addi(alpha).muli(gradA);
    }

    @Override
    public String name() {
        return "leakyRelu(" + alpha + ")";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LeakyRelu that && Double.compare(alpha, that.alpha) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(alpha);
    }

    @Override
    public String toString() {
        return name();
    }
}
