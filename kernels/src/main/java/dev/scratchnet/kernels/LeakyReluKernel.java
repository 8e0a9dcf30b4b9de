package dev.scratchnet.kernels;

/**
 * The loops of {@code dev.scratchnet.activations.LeakyRelu} and, with slope 0, of
 * {@code dev.scratchnet.activations.Relu}: {@code a = z} where {@code z > 0}, else {@code α·z}.
 */
public final class LeakyReluKernel implements ActivationKernel {

    private final double alpha;

    /** @param alpha the slope below zero (0 for ReLU) */
    public LeakyReluKernel(double alpha) {
        this.alpha = alpha;
    }

    /**
     * In chunks: {@code max(z, 0) + α·min(z, 0)} has no branch to mispredict on signs that change
     * from element to element and gives exactly z or αz (and NaN for z = -∞, as αz does for α = 0:
     * an overflow is reported, not hidden).
     */
    @Override
    public void forward(Values za, int n) {
        Chunks chunks = Chunks.forThisThread();
        int end = n * za.columns;
        if (za.isFloat()) {
            // float32 stays float32: widening and narrowing would cost more than the ReLU itself
            float[] z = chunks.staging;
            float slope = (float) alpha;
            for (int start = 0; start < end; start += Chunks.SIZE) {
                int length = Math.min(Chunks.SIZE, end - start);
                za.readFloats(start, length, z);
                for (int i = 0; i < length; i++) {
                    z[i] = Math.max(z[i], 0f) + slope * Math.min(z[i], 0f);
                }
                za.writeFloats(start, length, z);
            }
            return;
        }
        double[] z = chunks.values;
        for (int start = 0; start < end; start += Chunks.SIZE) {
            int length = Math.min(Chunks.SIZE, end - start);
            za.read(start, length, z, chunks);
            for (int i = 0; i < length; i++) {
                z[i] = Math.max(z[i], 0.0) + alpha * Math.min(z[i], 0.0);
            }
            za.write(start, length, z, chunks);
        }
    }

    /**
     * {@code grad ← grad} where {@code a > 0}, else {@code α·grad}, in chunks and without a branch on
     * the sign of {@code a}: the signs of a layer's activations change from element to element, so
     * such a branch mispredicts about every other time (BENCHMARKS.md, "ReLU's backward pass").
     * For ReLU (α = 0) the factor {@code a > 0 ? 1 : 0} is {@code min(1, max(0, a·2¹⁰⁰·2¹⁰⁰))},
     * which the JIT turns into vector instructions: exactly 1 for every positive a, the smallest
     * denormal included, and 0 for ±0 and below; {@code 0·grad} keeps grad's sign, and an infinite
     * grad or a NaN activation gives NaN (reported, not hidden). For α ≠ 0 the choice is made on the
     * bits, which the JIT does with a conditional move.
     */
    @Override
    public void backward(Values z, Values a, Values grad, int n) {
        Chunks chunks = Chunks.forThisThread();
        int end = n * a.columns;
        if (a.isFloat() && grad.isFloat()) {
            float[] activations = chunks.staging;
            float[] gradients = chunks.secondStaging;
            for (int start = 0; start < end; start += Chunks.SIZE) {
                int length = Math.min(Chunks.SIZE, end - start);
                a.readFloats(start, length, activations);
                grad.readFloats(start, length, gradients);
                if (alpha == 0) {
                    reluFactors(activations, gradients, length);
                } else {
                    leakyFactors(activations, gradients, length, alpha);
                }
                grad.writeFloats(start, length, gradients);
            }
            return;
        }
        double[] activations = chunks.values;
        double[] gradients = chunks.secondValues;
        for (int start = 0; start < end; start += Chunks.SIZE) {
            int length = Math.min(Chunks.SIZE, end - start);
            a.read(start, length, activations, chunks);
            grad.read(start, length, gradients, chunks);
            if (alpha == 0) {
                reluFactors(activations, gradients, length);
            } else {
                leakyFactors(activations, gradients, length, alpha);
            }
            grad.write(start, length, gradients, chunks);
        }
    }

    private static void reluFactors(float[] activations, float[] gradients, int length) {
        for (int i = 0; i < length; i++) {
            gradients[i] *= Math.min(1f, Math.max(0f, activations[i] * 0x1p100f * 0x1p100f));
        }
    }

    /** As the float32 loop: 2⁶⁰⁰·2⁶⁰⁰ lifts the smallest float64 denormal above 1. */
    private static void reluFactors(double[] activations, double[] gradients, int length) {
        for (int i = 0; i < length; i++) {
            gradients[i] *= Math.min(1.0, Math.max(0.0, activations[i] * 0x1p600 * 0x1p600));
        }
    }

    private static void leakyFactors(double[] activations, double[] gradients, int length, double alpha) {
        for (int i = 0; i < length; i++) {
            gradients[i] = activations[i] > 0 ? gradients[i] : alpha * gradients[i];
        }
    }

    private static void leakyFactors(float[] activations, float[] gradients, int length, double alpha) {
        for (int i = 0; i < length; i++) {
            // the product in double and then rounded, as Values.set rounds it
            int kept = Float.floatToRawIntBits(gradients[i]);
            int scaled = Float.floatToRawIntBits((float) (alpha * gradients[i]));
            gradients[i] = Float.intBitsToFloat(activations[i] > 0f ? kept : scaled);
        }
    }
}
