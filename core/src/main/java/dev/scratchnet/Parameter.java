package dev.scratchnet;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A trainable array and its gradient side by side, as a layer owns them.
 * Both arrays are live: the layer writes {@code gradient} in its backward pass and an
 * {@link Optimizer} updates {@code value} in place.
 *
 * @param name     a readable name such as {@code dense0.W}, unique within a network
 * @param value    the parameter itself
 * @param gradient {@code dL/dvalue}, same shape
 * @param decays   whether L2 weight decay applies (weights yes, biases no)
 */
public record Parameter(String name, INDArray value, INDArray gradient, boolean decays) {
}
