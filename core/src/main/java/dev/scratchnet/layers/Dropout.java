package dev.scratchnet.layers;

import dev.scratchnet.kernels.MaskGenerator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Inverted dropout after a dense layer (Srivastava et al., 2014; {@code torch.nn.Dropout}), in
 * training only:
 * <pre>
 *   mask_ij = 0 if u_ij &lt; rate, else 1 / (1 − rate)           u_ij uniform in [0, 1), one per element
 *   forward:   a' = a ⊙ mask                                 the next layer reads a'
 *   backward:  dL/da = dL/da' ⊙ mask                         then the layer's own activation backward
 * </pre>
 * Dividing the kept values by {@code 1 − rate} keeps their expected value, so prediction and
 * evaluation use the layer's output as it is (no mask, no scaling). Row i's numbers are
 * {@code u_ij = MaskGenerator.at(seed, first_i + j)}, numbers of the training's stream at the place
 * its training row and epoch give ({@code arithmetic.DropoutMasks}), so the same seed gives the
 * same masks whoever draws them; the fast backend draws the same numbers
 * ({@code kernels/DropoutKernel}).
 */
public final class Dropout {

    private Dropout() {
    }

    /**
     * A fresh mask {@code [firsts.length, columns]} in {@code dataType}: row i's element j from number
     * {@code firsts[i] + j} of the stream {@code seed}.
     */
    public static INDArray mask(long[] firsts, int columns, double rate, long seed, DataType dataType) {
        double[] values = new double[firsts.length * columns];
        for (int i = 0; i < firsts.length; i++) {
            for (int j = 0; j < columns; j++) {
                values[i * columns + j] = MaskGenerator.at(seed, firsts[i] + j) < rate ? 0 : 1 / (1 - rate);
            }
        }
        return Nd4j.createFromArray(values).reshape(firsts.length, columns).castTo(dataType);
    }

    /** {@code a ⊙ mask}, a new array. */
    public static INDArray forward(INDArray a, INDArray mask) {
        return a.mul(mask);
    }

    /** {@code dL/da = dL/da' ⊙ mask}, a new array. */
    public static INDArray backward(INDArray gradOutput, INDArray mask) {
        return gradOutput.mul(mask);
    }
}
