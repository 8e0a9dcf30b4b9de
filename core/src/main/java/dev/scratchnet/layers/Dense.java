package dev.scratchnet.layers;

import dev.scratchnet.Activation;
import dev.scratchnet.Layer;
import dev.scratchnet.Parameter;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A fully connected layer.
 * <pre>
 *   forward:  z = xW + b,  a = f(z)
 *   backward: δ = dL/dz = f'(z) ⊙ dL/da     (activation.backward)
 *             dW = xᵀδ,  db = Σ_rows δ,  dL/dx = δWᵀ
 * </pre>
 * x is [n, nIn], W [nIn, nOut], b [1, nOut], z, a and δ [n, nOut]. Because losses are means,
 * δ already carries the batch's 1/n, so dW and db are batch averages.
 * The layer owns W, b, dW and db; a training forward pass caches x, z and a for backward.
 */
public final class Dense implements Layer {

    private final INDArray weights;
    private final INDArray bias;
    private final INDArray weightGradient;
    private final INDArray biasGradient;
    private final Activation activation;
    private final String initializerName;
    private final List<Parameter> parameters;

    private INDArray cachedInput;
    private INDArray cachedZ;
    private INDArray cachedA;

    /**
     * Wraps the given arrays, which the layer then owns (the builder passes fresh copies).
     *
     * @param name            prefix of the parameter names, e.g. {@code dense0}
     * @param weights         W [nIn, nOut]
     * @param bias            b [1, nOut], same data type
     * @param activation      f
     * @param initializerName how W was filled, for summaries and saved models
     */
    public Dense(String name, INDArray weights, INDArray bias, Activation activation, String initializerName) {
        this.weights = weights;
        this.bias = bias;
        this.weightGradient = weights.ulike();
        this.biasGradient = bias.ulike();
        this.activation = activation;
        this.initializerName = initializerName;
        this.parameters = List.of(
                new Parameter(name + ".W", weights, weightGradient, true),
                new Parameter(name + ".b", bias, biasGradient, false));
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        INDArray z = x.mmul(weights).addiRowVector(bias);
        INDArray a = activation.forward(z);
        if (training) {
            cachedInput = x;
            cachedZ = z;
            cachedA = a;
        }
        return a;
    }

    @Override
    public INDArray backward(INDArray gradOutput) {
        requireForwardPass();
        return backwardFromPreActivation(activation.backward(cachedZ, cachedA, gradOutput));
    }

    @Override
    public INDArray backwardFromPreActivation(INDArray gradZ) {
        requireForwardPass();
        // dW = xᵀδ, written into the layer's own gradient array
        Nd4j.gemm(cachedInput, gradZ, weightGradient, true, false, 1.0, 0.0);
        // db = Σ_rows δ
        biasGradient.assign(gradZ.sum(true, 0));
        // dL/dx = δWᵀ
        return Nd4j.gemm(gradZ, weights, false, true);
    }

    private void requireForwardPass() {
        if (cachedInput == null) {
            throw new IllegalStateException("backward called before a training forward pass");
        }
    }

    @Override
    public List<Parameter> parameters() {
        return parameters;
    }

    @Override
    public int nIn() {
        return weights.rows();
    }

    @Override
    public int nOut() {
        return weights.columns();
    }

    @Override
    public INDArray weights() {
        return weights.dup();
    }

    @Override
    public INDArray bias() {
        return bias.dup();
    }

    @Override
    public Activation activation() {
        return activation;
    }

    @Override
    public String initializerName() {
        return initializerName;
    }
}
