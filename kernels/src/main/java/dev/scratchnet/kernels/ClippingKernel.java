package dev.scratchnet.kernels;

/**
 * The loops of gradient clipping ({@code dev.scratchnet.GradientClipping}, whose INDArray methods
 * are the readable definition) over the elements of one gradient: its squared L2 norm, scaling it,
 * clamping it. Plain loops over the buffer: nothing is allocated.
 */
public final class ClippingKernel {

    private ClippingKernel() {
    }

    /** {@code Σ g_i²} over all elements, accumulated in double. */
    public static double sumOfSquares(Values g) {
        int n = (int) g.length();
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double value = g.get(i);
            sum += value * value;
        }
        return sum;
    }

    /** {@code g ← factor · g}, in place. */
    public static void scale(Values g, double factor) {
        int n = (int) g.length();
        for (int i = 0; i < n; i++) {
            g.set(i, g.get(i) * factor);
        }
    }

    /** {@code g ← min(max(g, −limit), limit)}, element by element, in place. */
    public static void clamp(Values g, double limit) {
        int n = (int) g.length();
        for (int i = 0; i < n; i++) {
            g.set(i, Math.min(Math.max(g.get(i), -limit), limit));
        }
    }
}
