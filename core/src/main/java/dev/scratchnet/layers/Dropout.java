package dev.scratchnet.layers;

import dev.scratchnet.kernels.MaskGenerator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Inverted dropout after a dense layer (Srivastava et al., 2014; {@code torch.nn.Dropout}), in
 * training only:
 * <pre>
 *   mask_ij = 0 with probability rate, else 1 / (1 − rate)     one draw per element, row-major
 *   forward:   a' = a ⊙ mask                                 the next layer reads a'
 *   backward:  dL/da = dL/da' ⊙ mask                         then the layer's own activation backward
 * </pre>
 * Dividing the kept values by {@code 1 − rate} keeps their expected value, so prediction and
 * evaluation use the layer's output as it is (no mask, no scaling). The numbers come from the
 * training's {@link MaskGenerator}, so the same seed gives the same masks; the fast backend runs
 * the same draws in the same order ({@code kernels/DropoutKernel}).
 */
public final class Dropout {

    private Dropout() {
    }

    /** A fresh mask {@code [rows, columns]} in {@code dataType}, drawn from {@code generator}. */
    public static INDArray mask(int rows, int columns, double rate, MaskGenerator generator, DataType dataType) {
        double[] values = new double[rows * columns];
        for (int i = 0; i < values.length; i++) {
            values[i] = generator.nextDouble() < rate ? 0 : 1 / (1 - rate);
        }
        return Nd4j.createFromArray(values).reshape(rows, columns).castTo(dataType);
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
