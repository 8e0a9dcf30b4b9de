package dev.scratchnet.losses;

import dev.scratchnet.Loss;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Mean squared error, a mean over the batch and over the outputs (as Keras and PyTorch define it).
 * <pre>
 *   value:    L = 1/(n·nOut) · Σ_ij (p_ij − y_ij)²
 *   gradient: dL/dp = 2 · (p − y) / (n·nOut)
 * </pre>
 * p, y and the gradient are [n, nOut].
 */
public final class MeanSquaredError implements Loss {

    @Override
    public double value(INDArray p, INDArray y) {
        INDArray difference = p.sub(y);
        return difference.muli(difference).sumNumber().doubleValue() / p.length();
    }

    @Override
    public INDArray gradient(INDArray p, INDArray y) {
        return p.sub(y).muli(2.0 / p.length());
    }

    @Override
    public String name() {
        return "mse";
    }

    @Override
    public String toString() {
        return name();
    }
}
