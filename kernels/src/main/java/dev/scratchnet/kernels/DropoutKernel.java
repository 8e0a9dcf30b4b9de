package dev.scratchnet.kernels;

/**
 * The loops of {@code dev.scratchnet.layers.Dropout}, inverted dropout on the first {@code n} rows:
 * a mask of {@code 0} (dropped, with probability {@code rate}) or {@code 1 / (1 − rate)} (kept),
 * each element drawn from its own position in the training's stream; the output {@code a ⊙ mask}; the gradient
 * {@code dL/da = dL/da' ⊙ mask}.
 */
public final class DropoutKernel {

    private DropoutKernel() {
    }

    /**
     * Draws row {@code row} of the mask: its element {@code j} from number {@code first + j} of the
     * stream {@code seed} ({@link MaskGenerator#at}), so that a row's mask depends only on where its
     * values lie in the stream, not on which batch or thread draws it.
     */
    public static void drawRow(Values mask, int row, double rate, long seed, long first) {
        double kept = 1 / (1 - rate);
        int start = row * mask.columns;
        for (int j = 0; j < mask.columns; j++) {
            mask.set(start + j, MaskGenerator.at(seed, first + j) < rate ? 0 : kept);
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
