package dev.scratchnet;

import dev.scratchnet.buffers.Matrix;
import dev.scratchnet.kernels.ClippingKernel;
import dev.scratchnet.kernels.Values;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Gradient clipping, applied to the gradients of a batch before weight decay and the optimizer's
 * step — where torch applies it: {@code clip_grad_norm_} or {@code clip_grad_value_} on
 * {@code .grad}, then {@code optimizer.step()}, which adds its {@code weight_decay·W} inside.
 * <pre>
 *   by norm (clip_grad_norm_):   n = √(Σ over every parameter, weights and biases, of Σ g²)
 *                                g ← g · min(1, maxNorm / (n + 1e-6))
 *   by value (clip_grad_value_): g ← min(max(g, −limit), limit)
 * </pre>
 * The static methods are the readable definition on INDArrays (the reference backend runs them);
 * a training on the fast backend runs the same formulas as loops over the gradients' buffers
 * ({@link ClippingKernel}), allocating nothing per step.
 */
final class GradientClipping {

    /** torch's {@code clip_grad_norm_} adds this to the norm before dividing. */
    static final double NORM_EPSILON = 1e-6;

    private final double maxNorm;
    private final double limit;
    private final List<INDArray> gradients;
    /** The gradients' buffers on the fast backend; null on the reference backend. */
    private final Values[] buffers;

    /**
     * @param maxNorm the global norm's bound, or 0 for none
     * @param limit   the bound of every element, or 0 for none
     */
    GradientClipping(double maxNorm, double limit, List<Parameter> parameters, Backend backend) {
        this.maxNorm = maxNorm;
        this.limit = limit;
        this.gradients = parameters.stream().map(Parameter::gradient).toList();
        boolean wrappable = gradients.stream().allMatch(Matrix::canWrap);
        this.buffers = backend == Backend.FAST && wrappable
                ? gradients.stream().map(g -> Matrix.of(g).values).toArray(Values[]::new) : null;
    }

    /** Clips the gradients the batch left in the parameters. */
    void apply() {
        if (maxNorm > 0) {
            if (buffers != null) {
                double sum = 0;
                for (Values g : buffers) {
                    sum += ClippingKernel.sumOfSquares(g);
                }
                double factor = factor(Math.sqrt(sum), maxNorm);
                if (factor < 1) {
                    for (Values g : buffers) {
                        ClippingKernel.scale(g, factor);
                    }
                }
            } else {
                byNorm(gradients, maxNorm);
            }
        }
        if (limit > 0) {
            if (buffers != null) {
                for (Values g : buffers) {
                    ClippingKernel.clamp(g, limit);
                }
            } else {
                byValue(gradients, limit);
            }
        }
    }

    /** {@code min(1, maxNorm / (norm + 1e-6))}, torch's clamped clip coefficient. */
    static double factor(double norm, double maxNorm) {
        return Math.min(1, maxNorm / (norm + NORM_EPSILON));
    }

    /** Scales all {@code gradients} together so that their global L2 norm is at most about {@code maxNorm}. */
    static void byNorm(List<INDArray> gradients, double maxNorm) {
        double sumOfSquares = 0;
        for (INDArray g : gradients) {
            double norm = g.norm2Number().doubleValue();
            sumOfSquares += norm * norm;
        }
        double factor = factor(Math.sqrt(sumOfSquares), maxNorm);
        if (factor < 1) {
            gradients.forEach(g -> g.muli(factor));
        }
    }

    /** Clamps every element of {@code gradients} into {@code [−limit, limit]}. */
    static void byValue(List<INDArray> gradients, double limit) {
        for (INDArray g : gradients) {
            Transforms.min(Transforms.max(g, -limit, false), limit, false);
        }
    }
}
