package dev.scratchnet.data;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Writes IDX files in the layout {@link IdxReader} reads, gzipped when the file name ends in
 * {@code .gz}: for tests and for turning other images into MNIST-shaped data.
 */
public final class IdxWriter {

    private IdxWriter() {
    }

    /**
     * Writes {@code pixels.length / (rows · columns)} images of unsigned-byte pixels
     * (0..255, stored in Java's signed bytes), image by image, row by row.
     */
    public static void images(Path file, int rows, int columns, byte[] pixels) throws IOException {
        if (rows <= 0 || columns <= 0 || pixels.length % (rows * columns) != 0) {
            throw new IllegalArgumentException("expected whole images of " + rows + "×" + columns
                    + " pixels, given " + pixels.length + " pixels");
        }
        try (DataOutputStream out = open(file)) {
            out.writeInt(IdxReader.IMAGES_MAGIC);
            out.writeInt(pixels.length / (rows * columns));
            out.writeInt(rows);
            out.writeInt(columns);
            out.write(pixels);
        }
    }

    /** Writes one unsigned-byte label (0..255) per example. */
    public static void labels(Path file, int[] labels) throws IOException {
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] > 255) {
                throw new IllegalArgumentException("IDX labels are unsigned bytes 0..255, label " + i + " is " + labels[i]);
            }
        }
        try (DataOutputStream out = open(file)) {
            out.writeInt(IdxReader.LABELS_MAGIC);
            out.writeInt(labels.length);
            for (int label : labels) {
                out.writeByte(label);
            }
        }
    }

    private static DataOutputStream open(Path file) throws IOException {
        OutputStream raw = Files.newOutputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) {
            raw = new GZIPOutputStream(raw, 1 << 16);
        }
        return new DataOutputStream(new BufferedOutputStream(raw, 1 << 16));
    }
}
