package dev.scratchnet.runtime;

import java.awt.image.BufferedImage;

/**
 * Turns a picture of one handwritten digit, as a person draws it — any size, a margin around it,
 * off centre, thin or thick strokes, dark ink on a light page or light on dark — into what the
 * digit models were trained on: a {@code side × side} row of values in [0, 1], light ink on black.
 * One component for every caller ({@code predict --image}, the prediction server's drawing page,
 * the core's {@code dev.scratchnet.data.DigitImage}), so they all agree. It lives in the runtime, which
 * needs no ND4J, so that a server predicting through {@link Model} prepares drawings without the core.
 * <pre>
 *   1. ink:    grey values with the background made 0 — when the border is lighter than 0.5 on
 *              average (dark ink on a light page) v ← 1 − v — then divided by the brightest value
 *   2. crop:   the bounding box of the pixels above {@link #INK_THRESHOLD}
 *   3. scale:  area-averaged so the box's longer side becomes the target box, aspect kept:
 *                MNIST (side 28):   a 20 × 20 box, as MNIST was made (LeCun et al.)
 *                other sides (8):   the whole square, as the 8 × 8 digits fill their 32 × 32 bitmaps
 *   4. place:  MNIST — the box's centre of mass at the centre of the 28 × 28 square;
 *              others — the box centred in the square
 *   5. stroke: divided by the brightest value again, so thin strokes that averaging made faint
 *              reach 1 as the training images' strokes do
 * </pre>
 * A picture with no ink (a blank page) gives all zeros.
 */
public final class DigitImage {

    /** A pixel belongs to the digit when its ink, relative to the brightest, is above this. */
    public static final double INK_THRESHOLD = 0.2;
    /** MNIST's side, for which its own preparation (20 × 20 box, centre of mass) applies. */
    public static final int MNIST_SIDE = 28;
    /** The box MNIST's digits were scaled into. */
    public static final int MNIST_BOX = 20;

    private DigitImage() {
    }

    /**
     * The model row {@code [side²]}, row by row, for a picture given as grey values in [0, 1]
     * ({@code grey[y][x]}, 0 black, 1 white).
     */
    public static double[] prepare(double[][] grey, int side) {
        if (side <= 0) {
            throw new IllegalArgumentException("side must be > 0, was " + side);
        }
        if (grey.length == 0 || grey[0].length == 0) {
            throw new IllegalArgumentException("the picture must have at least one pixel, was "
                    + grey.length + " rows of " + (grey.length == 0 ? 0 : grey[0].length));
        }
        double[][] ink = ink(grey);
        int[] box = boundingBox(ink);
        double[] row = new double[side * side];
        if (box == null) {
            return row;
        }
        int boxHeight = box[3] - box[1] + 1;
        int boxWidth = box[2] - box[0] + 1;
        int target = side == MNIST_SIDE ? MNIST_BOX : side;
        double factor = (double) target / Math.max(boxHeight, boxWidth);
        int height = Math.max(1, (int) Math.round(boxHeight * factor));
        int width = Math.max(1, (int) Math.round(boxWidth * factor));
        double[][] scaled = resize(ink, box, width, height);
        int top;
        int left;
        if (side == MNIST_SIDE) {
            double[] centre = centreOfMass(scaled);
            top = clamp((int) Math.round(side / 2.0 - centre[0]), 0, side - height);
            left = clamp((int) Math.round(side / 2.0 - centre[1]), 0, side - width);
        } else {
            top = (side - height) / 2;
            left = (side - width) / 2;
        }
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                row[(top + y) * side + left + x] = scaled[y][x];
            }
        }
        return normalised(row);
    }

    /**
     * The grey values of {@code image} in [0, 1] ({@code grey[y][x]}, 0 black, 1 white):
     * {@code (0.299·R + 0.587·G + 0.114·B) / 255}, transparent parts counted as white (a page).
     */
    public static double[][] grey(BufferedImage image) {
        double[][] grey = new double[image.getHeight()][image.getWidth()];
        for (int y = 0; y < grey.length; y++) {
            for (int x = 0; x < grey[y].length; x++) {
                int argb = image.getRGB(x, y);
                double alpha = (argb >>> 24) / 255.0;
                double luminance = (0.299 * (argb >> 16 & 0xff) + 0.587 * (argb >> 8 & 0xff) + 0.114 * (argb & 0xff)) / 255;
                grey[y][x] = alpha * luminance + (1 - alpha);
            }
        }
        return grey;
    }

    /** The side of the square images a model with {@code nIn} inputs takes (8 for 64, 28 for 784), or -1 when nIn is no square. */
    public static int side(int nIn) {
        int side = (int) Math.round(Math.sqrt(nIn));
        return side * side == nIn ? side : -1;
    }

    /** Step 1: ink as light on black, the brightest pixel 1. */
    static double[][] ink(double[][] grey) {
        int h = grey.length;
        int w = grey[0].length;
        boolean invert = borderMean(grey) > 0.5;
        double[][] ink = new double[h][w];
        double max = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                ink[y][x] = invert ? 1 - grey[y][x] : grey[y][x];
                max = Math.max(max, ink[y][x]);
            }
        }
        // the background's own level (paper is rarely pure white) is not ink
        double background = Math.min(borderMean(ink), 0.5);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                ink[y][x] = max > background ? Math.max(0, ink[y][x] - background) / (max - background) : 0;
            }
        }
        return ink;
    }

    /** The mean of the outermost rows and columns. */
    static double borderMean(double[][] grey) {
        int h = grey.length;
        int w = grey[0].length;
        double sum = 0;
        int count = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (y == 0 || x == 0 || y == h - 1 || x == w - 1) {
                    sum += grey[y][x];
                    count++;
                }
            }
        }
        return sum / count;
    }

    /** {@code {left, top, right, bottom}} (inclusive) of the ink above the threshold, or null when there is none. */
    private static int[] boundingBox(double[][] ink) {
        int left = Integer.MAX_VALUE;
        int top = Integer.MAX_VALUE;
        int right = -1;
        int bottom = -1;
        for (int y = 0; y < ink.length; y++) {
            for (int x = 0; x < ink[y].length; x++) {
                if (ink[y][x] > INK_THRESHOLD) {
                    left = Math.min(left, x);
                    top = Math.min(top, y);
                    right = Math.max(right, x);
                    bottom = Math.max(bottom, y);
                }
            }
        }
        return right < 0 ? null : new int[] {left, top, right, bottom};
    }

    /** Area-averaging resize of {@code box} of {@code ink} to {@code width × height} (sampling when enlarging). */
    private static double[][] resize(double[][] ink, int[] box, int width, int height) {
        int boxWidth = box[2] - box[0] + 1;
        int boxHeight = box[3] - box[1] + 1;
        double[][] out = new double[height][width];
        for (int y = 0; y < height; y++) {
            double y0 = (double) y * boxHeight / height;
            double y1 = (double) (y + 1) * boxHeight / height;
            for (int x = 0; x < width; x++) {
                double x0 = (double) x * boxWidth / width;
                double x1 = (double) (x + 1) * boxWidth / width;
                out[y][x] = areaMean(ink, box[0], box[1], x0, x1, y0, y1);
            }
        }
        return out;
    }

    /** The mean of {@code ink} over the rectangle [x0, x1) × [y0, y1) of the box, weighting partly covered pixels. */
    private static double areaMean(double[][] ink, int left, int top, double x0, double x1, double y0, double y1) {
        double sum = 0;
        double area = 0;
        for (int y = (int) Math.floor(y0); y < Math.ceil(y1); y++) {
            double dy = Math.min(y + 1, y1) - Math.max(y, y0);
            for (int x = (int) Math.floor(x0); x < Math.ceil(x1); x++) {
                double dx = Math.min(x + 1, x1) - Math.max(x, x0);
                sum += dx * dy * ink[top + y][left + x];
                area += dx * dy;
            }
        }
        return area > 0 ? sum / area : 0;
    }

    /** {@code {row, column}} of the centre of mass, pixel centres at .5. */
    private static double[] centreOfMass(double[][] values) {
        double total = 0;
        double rows = 0;
        double columns = 0;
        for (int y = 0; y < values.length; y++) {
            for (int x = 0; x < values[y].length; x++) {
                total += values[y][x];
                rows += values[y][x] * (y + 0.5);
                columns += values[y][x] * (x + 0.5);
            }
        }
        return total > 0 ? new double[] {rows / total, columns / total}
                : new double[] {values.length / 2.0, values[0].length / 2.0};
    }

    private static double[] normalised(double[] row) {
        double max = 0;
        for (double value : row) {
            max = Math.max(max, value);
        }
        if (max > 0) {
            for (int i = 0; i < row.length; i++) {
                row[i] /= max;
            }
        }
        return row;
    }

    private static int clamp(int value, int low, int high) {
        return Math.max(low, Math.min(high, value));
    }
}
