package dev.scratchnet.data;

/**
 * Turns a picture of one handwritten digit, as a person draws it, into what the digit models were
 * trained on: a {@code side × side} row of values in [0, 1], light ink on black. The preparation
 * itself — ink against the background, cropped, scaled and placed as the training images were made —
 * is {@link dev.scratchnet.runtime.DigitImage}, in the runtime, so that the prediction server, which
 * predicts without ND4J, prepares drawings exactly as {@code predict --image} does; this class keeps
 * the core's name for it.
 */
public final class DigitImage {

    /** A pixel belongs to the digit when its ink, relative to the brightest, is above this. */
    public static final double INK_THRESHOLD = dev.scratchnet.runtime.DigitImage.INK_THRESHOLD;
    /** MNIST's side, for which its own preparation (20 × 20 box, centre of mass) applies. */
    public static final int MNIST_SIDE = dev.scratchnet.runtime.DigitImage.MNIST_SIDE;

    private DigitImage() {
    }

    /**
     * The model row {@code [side²]}, row by row, for a picture given as grey values in [0, 1]
     * ({@code grey[y][x]}, 0 black, 1 white); see {@link dev.scratchnet.runtime.DigitImage#prepare}.
     */
    public static double[] prepare(double[][] grey, int side) {
        return dev.scratchnet.runtime.DigitImage.prepare(grey, side);
    }
}
