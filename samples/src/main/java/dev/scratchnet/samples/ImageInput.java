package dev.scratchnet.samples;

import dev.scratchnet.Setup;
import dev.scratchnet.runtime.DigitImage;
import dev.scratchnet.internal.Limits;
import dev.scratchnet.internal.Memory;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Turns an image file of any size into one input row for a model of square images
 * ({@code side × side} pixels, light ink on black, values in [0, 1], as the digits and MNIST are):
 * grey values {@code (0.299·R + 0.587·G + 0.114·B) / 255}, transparent parts counted as white, then
 * {@link DigitImage#prepare}: the ink found against the background (dark on light or light on dark),
 * cropped to its bounding box and scaled and placed as the training images were made.
 * The size an image's header declares is checked before it is decoded: at most
 * {@link #maxPixels()} pixels, and no more than the free heap holds.
 */
final class ImageInput {

    /** Property for the largest image read, in pixels. */
    static final String MAX_PIXELS = "scratchnet.image.maxPixels";

    private ImageInput() {
    }

    /** The side of the square image a model with {@code nIn} inputs takes (8 for 64, 28 for 784). */
    static int side(int nIn) {
        int side = DigitImage.side(nIn);
        if (side < 0) {
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
        // AWT decodes the image: headless, as scratchnet's process settings say
        Setup.apply();
        double[] row = DigitImage.prepare(DigitImage.grey(decode(file)), side);
        return row;
    }

    /**
     * The image in {@code file}, decoded only after the size its header declares has been checked
     * against {@link #maxPixels()} and the free heap; any failure names the file.
     */
    private static BufferedImage decode(Path file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new IOException(file + ": not an image this Java can read (PNG, JPEG, GIF or BMP expected)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                requireSize(file, reader.getWidth(0), reader.getHeight(0));
                return reader.read(0);
            } catch (IOException | RuntimeException e) {
                if (String.valueOf(e.getMessage()).startsWith(file.toString())) {
                    throw e;
                }
                throw new IOException(file + ": cannot read the image (" + describe(e) + ")", e);
            } finally {
                reader.dispose();
            }
        }
    }

    private static void requireSize(Path file, long width, long height) throws IOException {
        long pixels = width * height;
        long limit = maxPixels();
        if (width <= 0 || height <= 0 || pixels > limit) {
            throw new IOException(file + ": the image declares " + width + "×" + height + " = " + pixels
                    + " pixels; at most " + limit + " are read (raise the limit with -D" + MAX_PIXELS + "=N)");
        }
        try {
            // the decoded raster (up to 8 bytes a pixel for 16-bit RGBA) and the grey values (8)
            Memory.requireHeap(file + ": decoding " + width + "×" + height + " pixels", Memory.bytes(pixels, 16));
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** The largest image read, in pixels: {@code -Dscratchnet.image.maxPixels}, by default 8192 × 8192. */
    static int maxPixels() {
        return Limits.value(MAX_PIXELS, 8192 * 8192);
    }

    private static String describe(Throwable e) {
        String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        Throwable cause = e.getCause();
        return cause == null || cause.getMessage() == null ? message : message + ": " + cause.getMessage();
    }
}
