package dev.scratchnet.server;

import dev.scratchnet.runtime.DigitImage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * The body of {@code POST /predict-image} — a picture (the page sends its canvas as PNG; JPEG, GIF
 * and BMP are read too) — turned into one model row by the preparation {@code predict --image}
 * uses: {@link DigitImage#grey}, then {@link DigitImage#prepare}. The size the picture's header
 * declares is checked before it is decoded.
 */
final class Drawing {

    private Drawing() {
    }

    /** The row {@code [side²]} for the picture in {@code body}. */
    static double[] row(byte[] body, int side, int maxPixels) {
        if (body.length == 0) {
            throw new RequestError(400, "the body is empty; expected a picture (PNG, JPEG, GIF or BMP)");
        }
        return DigitImage.prepare(DigitImage.grey(decode(body, maxPixels)), side);
    }

    private static BufferedImage decode(byte[] body, int maxPixels) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(body))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new RequestError(400, "the body is not a picture this server reads; expected PNG, JPEG, GIF or BMP");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width <= 0 || height <= 0 || width * height > maxPixels) {
                    throw new RequestError(413, "the picture declares " + width + "×" + height + " = " + width * height
                            + " pixels; at most " + maxPixels + " are read");
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof RequestError error) {
                throw error;
            }
            throw new RequestError(400, "the picture cannot be decoded (" + e.getMessage() + "); expected a whole "
                    + "PNG, JPEG, GIF or BMP");
        }
    }
}
