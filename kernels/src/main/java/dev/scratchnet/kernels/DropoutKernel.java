package dev.scratchnet.kernels;

/**
 * The loops of {@code dev.scratchnet.layers.Dropout}, inverted dropout on the first {@code n} rows:
 * a mask of {@code 0} (dropped, with probability {@code rate}) or {@code 1 / (1 − rate)} (kept),
 * drawn element by element in row-major order; the output {@code a ⊙ mask}; the gradient
 * {@code dL/da = dL/da' ⊙ mask}.
 */
public final class DropoutKernel {

    private DropoutKernel() {
    }

    /** Draws the mask of the first {@code n} rows from {@code generator}, one number per element. */
    public static void drawMask(Values mask, int n, double rate, MaskGenerator generator) {
        double kept = 1 / (1 - rate);
        int end = n * mask.columns;
        for (int i = 0; i < end; i++) {
            mask.set(i, generator.nextDouble() < rate ? 0 : kept);
        }
    }

    /** {@code out = a ⊙ mask} over the first {@code n} rows. */
    public static void multiply(Values a, Values mask, Values out, int n) {
        int end = n * a.columns;
        for (int i = 0; i < end; i++) {
            out.set(i, a.get(i) * mask.get(i));
        }
    }

    /** {@code grad ← grad ⊙ mask} over the first {@code n} rows, in place. */
    public static void multiplyInPlace(Values grad, Values mask, int n) {
        int end = n * grad.columns;
        for (int i = 0; i < end; i++) {
            grad.set(i, grad.get(i) * mask.get(i));
        }
    }
}
