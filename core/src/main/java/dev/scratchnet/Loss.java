package dev.scratchnet;

import dev.scratchnet.losses.BinaryCrossEntropy;
import dev.scratchnet.losses.CrossEntropy;
import dev.scratchnet.losses.Huber;
import dev.scratchnet.losses.MeanSquaredError;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A loss: a mean over the batch of how far predictions {@code p} are from targets {@code y},
 * and its gradient {@code dL/dp}. Both arrays are {@code [n, nOut]}.
 */
public interface Loss {

    /** Mean over batch and outputs of {@code (p − y)²}. */
    Loss MSE = new MeanSquaredError();
    /** Mean over the batch of {@code −Σ y·log p}; for softmax outputs and one-hot targets. */
    Loss CROSS_ENTROPY = new CrossEntropy();
    /** Mean over batch and outputs of {@code −(y·log p + (1−y)·log(1−p))}; for sigmoid outputs. */
    Loss BINARY_CROSS_ENTROPY = new BinaryCrossEntropy();

    /**
     * Huber loss with threshold {@code delta > 0}, as {@code torch.nn.HuberLoss(delta=delta)}: mean over
     * batch and outputs of {@code ½(p − y)²} where {@code |p − y| ≤ delta}, {@code delta·(|p − y| − ½delta)}
     * elsewhere; for regression targets with outliers.
     */
    static Loss huber(double delta) {
        return new Huber(delta);
    }

    /** The loss of predictions {@code p} against targets {@code y}; neither is changed. */
    double value(INDArray p, INDArray y);

    /** A new array {@code dL/dp} of {@code p}'s shape, with the mean's {@code 1/n} included. */
    INDArray gradient(INDArray p, INDArray y);

    /** The name saved models and messages use, e.g. {@code mse}. */
    String name();
}
