package dev.scratchnet.plots;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Square grey-scale images in a grid, each captioned {@code "pred 3"} (green) when right and
 * {@code "pred 3 / true 5"} (red) when wrong. Every image is stretched over its own
 * [min, max], dark ink on white, and enlarged with nearest-neighbour pixels.
 */
final class DigitGrid {

    private DigitGrid() {
    }

    static BufferedImage draw(INDArray images, int[] predicted, int[] actual, int width, int height) {
        if (images == null || predicted == null || actual == null) {
            throw new IllegalArgumentException("images, predicted and actual classes must not be null");
        }
        if (images.rank() != 2 || images.rows() == 0) {
            throw new IllegalArgumentException("images must be a non-empty matrix [n, side²], was shape "
                    + java.util.Arrays.toString(images.shape()));
        }
        int count = images.rows();
        int side = (int) Math.round(Math.sqrt(images.columns()));
        if (side * side != images.columns()) {
            throw new IllegalArgumentException("each image row must hold a square image (side² pixels, e.g. 64 or 784), "
                    + "had " + images.columns());
        }
        if (predicted.length != count || actual.length != count) {
            throw new IllegalArgumentException(count + " images need as many predicted and actual classes, had "
                    + predicted.length + " and " + actual.length);
        }
        int columns = (int) Math.ceil(Math.sqrt(count));
        int rows = (int) Math.ceil(count / (double) columns);
        int cellWidth = width / columns;
        int cellHeight = height / rows;
        int caption = Math.max(10, cellHeight / 8);
        int pixel = Math.max(1, Math.min(cellWidth - 4, cellHeight - caption - 6) / side);
        if (cellWidth < 8 || cellHeight - caption < 8) {
            throw new IllegalArgumentException(count + " images do not fit in " + width + " × " + height
                    + " pixels; show fewer or ask for a larger plot");
        }

        BufferedImage image = Png.canvas(width, height);
        Graphics2D graphics = image.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        double[][] pixels = dev.scratchnet.internal.JavaRows.doubles(images);
        for (int i = 0; i < count; i++) {
            int left = (i % columns) * cellWidth + (cellWidth - side * pixel) / 2;
            int top = (i / columns) * cellHeight + 2;
            paintImage(graphics, pixels[i], side, pixel, left, top);
            boolean right = predicted[i] == actual[i];
            String text = right ? "pred " + predicted[i] : "pred " + predicted[i] + " / true " + actual[i];
            graphics.setColor(right ? new Color(0x1a7f37) : new Color(0xcf222e));
            fitFont(graphics, text, cellWidth - 4, Math.max(8, caption - 2));
            FontMetrics metrics = graphics.getFontMetrics();
            int textLeft = (i % columns) * cellWidth + Math.max(0, (cellWidth - metrics.stringWidth(text)) / 2);
            graphics.drawString(text, textLeft, top + side * pixel + metrics.getAscent() + 2);
        }
        graphics.dispose();
        return image;
    }

    /** The largest sans-serif font up to {@code size} points in which {@code text} fits {@code width} pixels. */
    private static void fitFont(Graphics2D graphics, String text, int width, int size) {
        int points = size;
        do {
            graphics.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, points));
        } while (graphics.getFontMetrics().stringWidth(text) > width && --points > 6);
    }

    private static void paintImage(Graphics2D graphics, double[] values, int side, int pixel, int left, int top) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double value : values) {
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
        double span = max > min ? max - min : 1;
        for (int k = 0; k < values.length; k++) {
            int grey = (int) Math.round(255 * (1 - (values[k] - min) / span));
            graphics.setColor(new Color(grey, grey, grey));
            graphics.fillRect(left + (k % side) * pixel, top + (k / side) * pixel, pixel, pixel);
        }
        graphics.setColor(Color.LIGHT_GRAY);
        graphics.drawRect(left - 1, top - 1, side * pixel + 1, side * pixel + 1);
    }
}
