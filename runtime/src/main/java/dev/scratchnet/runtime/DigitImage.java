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
 *   MNIST (side 28), as MNIST was made (LeCun et al.):
 *   3. scale:  area-averaged so the box's longer side becomes 20 pixels, aspect kept
 *   4. place:  the box's centre of mass at the centre of the 28 × 28 square
 *   5. stroke: divided by the brightest value again, so thin strokes that averaging made faint
 *              reach 1 as the training images' strokes do
 *   other sides (8), as UCI's optdigits were made from NIST's bitmaps (Alpaydin, Kaynak):
 *   3. bitmap: the box scaled so its longer side fills a (4·side) × (4·side) bitmap (32 × 32),
 *              aspect kept, centred, each pixel on or off
 *   4. stroke: the strokes thickened or thinned until {@link #OPTDIGITS_INK} of the bitmap is on,
 *              as in the bundled digits (a thin pen and a felt marker give the same bitmap)
 *   5. count:  the on pixels of each 4 × 4 block, 0 to 16, divided by 16
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
    /**
     * The share of a 32 × 32 bitmap that is ink in the bundled digits: their mean pixel is 0.305 of
     * the maximum in every class (5 % to 95 % of the images: 0.255 to 0.36), so the bitmaps were
     * made with strokes of one weight.
     */
    public static final double OPTDIGITS_INK = 0.305;
    /** Pixels of the bitmap per block side of the counted image. */
    private static final int BLOCK = 4;
    /** The resolution the strokes are thickened at, per pixel of the bitmap. */
    private static final int FINE = 4;
    /** The spacing of the chamfer distances' values (its steps are 1 and 4/3). */
    private static final double DISTANCE_STEP = 1.0 / 3;

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
        if (side != MNIST_SIDE) {
            return counted(ink, box, side);
        }
        int boxHeight = box[3] - box[1] + 1;
        int boxWidth = box[2] - box[0] + 1;
        int target = MNIST_BOX;
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

    /** Steps 3 to 5 for the counted images: the bitmap, its strokes' weight, the block counts. */
    private static double[] counted(double[][] ink, int[] box, int side) {
        int bitmapSide = BLOCK * side;
        // fine resolution with room around the box, so that thickened strokes are not cut off
        int fine = FINE * bitmapSide;
        int margin = fine / 4;
        boolean[][] drawn = placed(ink, box, fine, margin);
        double[][] distance = signedDistance(drawn);
        // the stroke weight: on where the signed distance is at most r, r searched for the share of ink.
        // Chamfer distances are multiples of 1/3, so once (low, high] is narrower than that it holds at
        // most one of them, and a longer search would end with the same bitmap
        double low = -fine / 8.0;
        double high = fine / 4.0;
        while (high - low > DISTANCE_STEP / 2) {
            double r = (low + high) / 2;
            if (share(bitmap(distance, r, bitmapSide)) < OPTDIGITS_INK) {
                low = r;
            } else {
                high = r;
            }
        }
        boolean[][] bitmap = bitmap(distance, high, bitmapSide);
        double[] row = new double[side * side];
        for (int y = 0; y < bitmapSide; y++) {
            for (int x = 0; x < bitmapSide; x++) {
                if (bitmap[y][x]) {
                    row[(y / BLOCK) * side + x / BLOCK] += 1.0 / (BLOCK * BLOCK);
                }
            }
        }
        return row;
    }

    /** The box of ink, scaled so its longer side is {@code size}, aspect kept, centred in a square with {@code margin} around. */
    private static boolean[][] placed(double[][] ink, int[] box, int size, int margin) {
        int boxHeight = box[3] - box[1] + 1;
        int boxWidth = box[2] - box[0] + 1;
        double factor = (double) size / Math.max(boxHeight, boxWidth);
        int height = Math.max(1, (int) Math.round(boxHeight * factor));
        int width = Math.max(1, (int) Math.round(boxWidth * factor));
        double[][] scaled = resize(ink, box, width, height);
        int total = size + 2 * margin;
        boolean[][] placed = new boolean[total][total];
        int top = margin + (size - height) / 2;
        int left = margin + (size - width) / 2;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                placed[top + y][left + x] = scaled[y][x] > 0.5;
            }
        }
        return placed;
    }

    /**
     * Per pixel, the distance to the nearest pixel of the other kind: positive outside the strokes
     * (how far to the ink), negative inside (how far to the paper), by the 3-4 chamfer (in pixels, within 8 %).
     */
    private static double[][] signedDistance(boolean[][] drawn) {
        double[][] outside = chamfer(drawn, true);
        double[][] inside = chamfer(drawn, false);
        double[][] signed = new double[drawn.length][drawn.length];
        for (int y = 0; y < drawn.length; y++) {
            for (int x = 0; x < drawn.length; x++) {
                signed[y][x] = drawn[y][x] ? 1 - inside[y][x] : outside[y][x];
            }
        }
        return signed;
    }

    /** The chamfer distance of every pixel to the nearest pixel whose {@code drawn} equals {@code toInk}. */
    private static double[][] chamfer(boolean[][] drawn, boolean toInk) {
        int n = drawn.length;
        double far = 4.0 * n;
        double diagonal = 4.0 / 3;
        double[][] d = new double[n][n];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                d[y][x] = drawn[y][x] == toInk ? 0 : far;
            }
        }
        // min by comparison rather than Math.min: the distances are never NaN or -0.0, so the result is the
        // same, and the two passes run in the drawing page's requests and in the unit tier several times faster
        for (int y = 0; y < n; y++) {
            double[] row = d[y];
            double[] above = y > 0 ? d[y - 1] : null;
            for (int x = 0; x < n; x++) {
                double v = row[x];
                if (x > 0) v = min(v, row[x - 1] + 1);
                if (above != null) {
                    v = min(v, above[x] + 1);
                    if (x > 0) v = min(v, above[x - 1] + diagonal);
                    if (x < n - 1) v = min(v, above[x + 1] + diagonal);
                }
                row[x] = v;
            }
        }
        for (int y = n - 1; y >= 0; y--) {
            double[] row = d[y];
            double[] below = y < n - 1 ? d[y + 1] : null;
            for (int x = n - 1; x >= 0; x--) {
                double v = row[x];
                if (x < n - 1) v = min(v, row[x + 1] + 1);
                if (below != null) {
                    v = min(v, below[x] + 1);
                    if (x < n - 1) v = min(v, below[x + 1] + diagonal);
                    if (x > 0) v = min(v, below[x - 1] + diagonal);
                }
                row[x] = v;
            }
        }
        return d;
    }

    /** The smaller of two distances, neither NaN nor -0.0 (where it equals {@link Math#min(double, double)}). */
    private static double min(double a, double b) {
        return b < a ? b : a;
    }

    /**
     * The strokes of weight {@code r} (fine pixels where the signed distance is at most r), their
     * bounding box scaled so its longer side fills a {@code side × side} bitmap, aspect kept, centred;
     * a bitmap pixel is on when at least half of what it covers is.
     */
    private static boolean[][] bitmap(double[][] distance, double r, int side) {
        int n = distance.length;
        double[][] on = new double[n][n];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                on[y][x] = distance[y][x] <= r ? 1 : 0;
            }
        }
        int[] box = boundingBox(on);
        boolean[][] bitmap = new boolean[side][side];
        if (box == null) {
            return bitmap;
        }
        int boxHeight = box[3] - box[1] + 1;
        int boxWidth = box[2] - box[0] + 1;
        double factor = (double) side / Math.max(boxHeight, boxWidth);
        int height = Math.max(1, Math.min(side, (int) Math.round(boxHeight * factor)));
        int width = Math.max(1, Math.min(side, (int) Math.round(boxWidth * factor)));
        double[][] scaled = resize(on, box, width, height);
        int top = (side - height) / 2;
        int left = (side - width) / 2;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                bitmap[top + y][left + x] = scaled[y][x] >= 0.5;
            }
        }
        return bitmap;
    }

    private static double share(boolean[][] bitmap) {
        int on = 0;
        for (boolean[] row : bitmap) {
            for (boolean pixel : row) {
                on += pixel ? 1 : 0;
            }
        }
        return (double) on / (bitmap.length * bitmap.length);
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
