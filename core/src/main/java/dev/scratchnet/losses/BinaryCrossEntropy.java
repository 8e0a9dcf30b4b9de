package dev.scratchnet.losses;

import dev.scratchnet.Loss;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Binary cross-entropy, a mean over the batch and over the outputs, for independent
 * probabilities (sigmoid outputs) and targets in [0, 1].
 * <pre>
 *   q = clip(p, ε, 1 − ε)
 *   value:    L = −1/(n·nOut) · Σ_ij (y_ij · log q_ij + (1 − y_ij) · log(1 − q_ij))
 *   gradient: dL/dp = (q − y) / (q · (1 − q)) / (n·nOut)
 * </pre>
 * {@code ε = 1e-7} (Keras' epsilon) keeps {@code log 0} out. p, y and the gradient are [n, nOut].
 */
public final class BinaryCrossEntropy implements Loss {

    /** Distance from 0 and 1 at which probabilities are clipped. */
    public static final double EPSILON = 1e-7;

    @Override
    public double value(INDArray p, INDArray y) {
        INDArray q = clip(p);
        INDArray logQ = Transforms.log(q, true);
        INDArray logOneMinusQ = Transforms.log(q.rsub(1.0), false);
        // y·log q + (1 − y)·log(1 − q) = y·(log q − log(1 − q)) + log(1 − q)
        INDArray perOutput = logQ.subi(logOneMinusQ).muli(y).addi(logOneMinusQ);
        return -perOutput.sumNumber().doubleValue() / p.length();
    }

    @Override
    public INDArray gradient(INDArray p, INDArray y) {
        INDArray q = clip(p);
        INDArray denominator = q.rsub(1.0).muli(q).muli(p.length());
        return q.subi(y).divi(denominator);
    }

    private static INDArray clip(INDArray p) {
        return Transforms.min(Transforms.max(p, EPSILON, true), 1.0 - EPSILON, false);
    }

    @Override
    public String name() {
        return "binaryCrossEntropy";
    }

    @Override
    public String toString() {
        return name();
    }
}
