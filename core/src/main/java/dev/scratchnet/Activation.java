package dev.scratchnet;

import dev.scratchnet.activations.Gelu;
import dev.scratchnet.activations.Identity;
import dev.scratchnet.activations.LeakyRelu;
import dev.scratchnet.activations.Relu;
import dev.scratchnet.activations.Sigmoid;
import dev.scratchnet.activations.Silu;
import dev.scratchnet.activations.Softmax;
import dev.scratchnet.activations.Softplus;
import dev.scratchnet.activations.Tanh;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An activation function {@code a = f(z)} and its vector-Jacobian product.
 * The constants are stateless and shared; each implementation documents its formulas.
 */
public interface Activation {

    /** {@code a = 1 / (1 + exp(-z))}. */
    Activation SIGMOID = new Sigmoid();
    /** {@code a = tanh(z)}. */
    Activation TANH = new Tanh();
    /** {@code a = max(0, z)}. */
    Activation RELU = new Relu();
    /** {@code a_ij = exp(z_ij) / Σ_k exp(z_ik)}, row by row. */
    Activation SOFTMAX = new Softmax();
    /** {@code a = z}. */
    Activation IDENTITY = new Identity();
    /** {@code a = z·Φ(z) = z/2·(1 + erf(z/√2))}, exact: torch's {@code nn.GELU()}. */
    Activation GELU = new Gelu();
    /** {@code a = z·σ(z) = z / (1 + exp(−z))}: torch's {@code nn.SiLU()}. */
    Activation SILU = new Silu();
    /** {@code a = log(1 + exp(z))}, or z where z &gt; 20: torch's {@code nn.Softplus()} (β 1, threshold 20). */
    Activation SOFTPLUS = new Softplus();

    /** {@code a = z} where {@code z > 0}, else {@code alpha·z}; {@code alpha} must be finite and ≥ 0. */
    static Activation leakyRelu(double alpha) {
        return new LeakyRelu(alpha);
    }

    /**
     * Applies the function to a batch of pre-activations.
     *
     * @param z pre-activations {@code [n, nOut]}; left unchanged
     * @return a new array {@code a} of the same shape
     */
    INDArray forward(INDArray z);

    /**
     * Turns {@code dL/da} into {@code dL/dz} (a vector-Jacobian product).
     *
     * @param z     the pre-activations of the forward pass
     * @param a     the activations {@code forward(z)} returned
     * @param gradA {@code dL/da}, same shape; left unchanged
     * @return a new array {@code dL/dz}
     */
    INDArray backward(INDArray z, INDArray a, INDArray gradA);

    /** The name saved models and summaries use, e.g. {@code relu} or {@code leakyRelu(0.01)}. */
    String name();
}
