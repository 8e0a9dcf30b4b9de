package dev.scratchnet;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One layer of a network: a forward pass that caches what backward needs, and a backward pass
 * that fills its parameters' gradients and returns {@code dL/dx}.
 */
public interface Layer {

    /**
     * Computes the layer's output for a batch.
     *
     * @param x        inputs {@code [n, nIn]}; left unchanged
     * @param training whether to cache {@code x}, {@code z} and {@code a} for {@link #backward};
     *                 a call with {@code false} touches no state, so inference is thread-safe
     * @return a new array {@code a [n, nOut]}
     */
    INDArray forward(INDArray x, boolean training);

    /**
     * Back-propagates {@code dL/da} of the last training forward pass: fills the gradients of
     * {@link #parameters()} and returns a new array {@code dL/dx [n, nIn]}.
     */
    INDArray backward(INDArray gradOutput);

    /**
     * Like {@link #backward} but starts from {@code dL/dz}, the gradient before the activation;
     * the network uses it for the fused softmax + cross-entropy gradient.
     */
    INDArray backwardFromPreActivation(INDArray gradZ);

    /** The live parameters with their gradients, weights first; optimizers update them in place. */
    List<Parameter> parameters();

    /** Width of the input. */
    int nIn();

    /** Width of the output. */
    int nOut();

    /** A copy of the weights {@code W [nIn, nOut]}. */
    INDArray weights();

    /** A copy of the bias {@code b [1, nOut]}. */
    INDArray bias();

    /** The activation applied to {@code z}. */
    Activation activation();

    /** How the weights were initialised ({@code explicit} for weights given to the builder). */
    String initializerName();
}
