package dev.scratchnet.losses;

import dev.scratchnet.Loss;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Categorical cross-entropy, a mean over the batch, for probability rows (softmax outputs) and
 * one-hot (or soft) target rows.
 * <pre>
 *   value:    L = −1/n · Σ_ij y_ij · log(max(p_ij, ε))
 *   gradient: dL/dp = −y / (n · max(p, ε))
 * </pre>
 * {@code ε = 1e-7} (Keras' epsilon) keeps {@code log 0} out. p, y and the gradient are [n, nOut].
 * After a softmax the network does not use this gradient but the fused {@code (p − y) / n}.
 */
public final class CrossEntropy implements Loss {

    /** Smallest probability taken into a logarithm. */
    public static final double EPSILON = 1e-7;

    @Override
    public double value(INDArray p, INDArray y) {
        INDArray logP = Transforms.log(Transforms.max(p, EPSILON, true), false);
        return -logP.muli(y).sumNumber().doubleValue() / p.rows();
    }

    @Override
    public INDArray gradient(INDArray p, INDArray y) {
        INDArray clipped = Transforms.max(p, EPSILON, true);
        return y.div(clipped).muli(-1.0 / p.rows());
    }

    @Override
    public String name() {
        return "crossEntropy";
    }

    @Override
    public String toString() {
        return name();
    }
}
