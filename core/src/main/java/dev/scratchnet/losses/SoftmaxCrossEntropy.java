package dev.scratchnet.losses;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Softmax followed by cross-entropy, differentiated as one step: the gradient of the loss with
 * respect to the softmax layer's pre-activations z, which is stable where the two separate
 * gradients (a division by p, then softmax's Jacobian) are not.
 * <pre>
 *   L = −1/n · Σ_i Σ_k y_ik · log p_ik,    p_i = softmax(z_i)
 *   dL/dz_ij = (p_ij · Σ_k y_ik − y_ij) / n
 * </pre>
 * When each target row sums to 1 (one-hot or any probability row) this is the familiar
 * {@code (p − y) / n}; the general form keeps the gradient right for targets that do not (a
 * multi-label row such as {@code [1, 1, 0]}), rather than refusing them. p, y and the gradient are
 * [n, nOut]. Both backends use this pair, the fast one through its kernel of the same formula.
 */
public final class SoftmaxCrossEntropy {

    private SoftmaxCrossEntropy() {
    }

    /** A new array {@code dL/dz} for softmax outputs {@code p} and targets {@code y}. */
    public static INDArray gradient(INDArray p, INDArray y) {
        INDArray targetSums = y.sum(true, 1);
        return p.mulColumnVector(targetSums).subi(y).divi(p.rows());
    }
}
