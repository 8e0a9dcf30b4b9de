package dev.scratchnet.samples;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Turns an image file of any size into one input row for a model of square images
 * ({@code side × side} pixels, light ink on black, values in [0, 1], as the digits and MNIST are):
 * <pre>
 *   grey  = (0.299·R + 0.587·G + 0.114·B) / 255, transparent parts counted as white
 *   scale = each target pixel is the mean of the source pixels under it (nearest pixel when enlarging)
 *   invert: v ← 1 − v when the border is lighter than 0.5 on average (dark ink on a light page)
 * </pre>
 */
final class ImageInput {

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private ImageInput() {
    }

    /** The side of the square image a model with {@code nIn} inputs takes (8 for 64, 28 for 784). */
    static int side(int nIn) {
        int side = (int) Math.round(Math.sqrt(nIn));
        if (side * side != nIn) {
            throw new IllegalArgumentException("--image needs a model of square images (e.g. 64 or 784 inputs), "
                    + "but this model has " + nIn + " inputs; use --csv");
        }
        return side;
    }

    /** The row {@code [side²]} for {@code file}, row by row, values in [0, 1]. */
    static double[] read(Path file, int side) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no such image file");
        }
        BufferedImage image = ImageIO.read(file.toFile());
        if (image == null) {
            throw new IOException(file + ": not an image this Java can read (PNG, JPEG, GIF or BMP expected)");
        }
        double[][] grey = grey(image);
        double[] row = scale(grey, side);
        if (borderMean(grey) > 0.5) {
            for (int i = 0; i < row.length; i++) {
                row[i] = 1 - row[i];
            }
        }
        return row;
    }

    private static double[][] grey(BufferedImage image) {
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

    /** Area-averaging resize to {@code side × side}. */
    static double[] scale(double[][] grey, int side) {
        int height = grey.length;
        int width = grey[0].length;
        double[] row = new double[side * side];
        for (int ty = 0; ty < side; ty++) {
            int y0 = ty * height / side;
            int y1 = Math.max(y0 + 1, (ty + 1) * height / side);
            for (int tx = 0; tx < side; tx++) {
                int x0 = tx * width / side;
                int x1 = Math.max(x0 + 1, (tx + 1) * width / side);
                double sum = 0;
                for (int y = y0; y < y1; y++) {
                    for (int x = x0; x < x1; x++) {
                        sum += grey[y][x];
                    }
                }
                row[ty * side + tx] = sum / ((y1 - y0) * (x1 - x0));
            }
        }
        return row;
    }

    private static double borderMean(double[][] grey) {
        int height = grey.length;
        int width = grey[0].length;
        double sum = 0;
        int count = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (y == 0 || x == 0 || y == height - 1 || x == width - 1) {
                    sum += grey[y][x];
                    count++;
                }
            }
        }
        return sum / count;
    }
}
