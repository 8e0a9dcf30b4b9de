package dev.scratchnet.plots;

import dev.scratchnet.io.AtomicFile;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Writes an image as a PNG file through {@link AtomicFile}: parent directories created, renamed into place. */
final class Png {

    private Png() {
    }

    static void checkSize(int width, int height) {
        if (width < 50 || height < 50 || width > 10_000 || height > 10_000) {
            throw new IllegalArgumentException("plot size must be between 50 and 10000 pixels each way, was "
                    + width + " × " + height);
        }
    }

    static void write(BufferedImage image, Path file, int width, int height) throws IOException {
        if (file == null) {
            throw new IllegalArgumentException("file must not be null");
        }
        if (image.getWidth() != width || image.getHeight() != height) {
            throw new IllegalStateException("drew " + image.getWidth() + " × " + image.getHeight() + " but "
                    + width + " × " + height + " was asked for");
        }
        AtomicFile.write(file, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer is available in this Java runtime");
            }
        });
    }

    /** A white {@code width × height} RGB canvas. */
    static BufferedImage canvas(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setColor(java.awt.Color.WHITE);
        graphics.fillRect(0, 0, width, height);
        graphics.dispose();
        return image;
    }
}
