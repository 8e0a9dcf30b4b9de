package dev.scratchnet.data;

import dev.scratchnet.DataSet;
import dev.scratchnet.internal.Memory;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Reads MNIST's IDX files: unsigned-byte images and their labels, plain or gzipped (told apart by
 * the gzip magic bytes {@code 1f 8b}, not by the file name). The header's sizes are checked
 * against the memory there is before anything else is read; arrays then grow with the data that
 * arrives, and reading stops one byte past the declared size, however far a gzip stream would go on.
 * <pre>
 *   images: int32 magic 0x00000803, int32 count, int32 rows, int32 columns, then count·rows·columns pixels
 *   labels: int32 magic 0x00000801, int32 count, then count labels
 * </pre>
 * Integers are big-endian; pixels and labels are unsigned bytes. Pixels become
 * {@code pixel / 255} in float32, one image per row of a {@code [count, rows·columns]} matrix.
 * Every problem with a file is an {@link IOException} that names the file.
 */
public final class IdxReader {

    /** Magic number of an IDX file of unsigned bytes with 3 dimensions (images). */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Magic number of an IDX file of unsigned bytes with 1 dimension (labels). */
    public static final int LABELS_MAGIC = 0x00000801;

    private static final int GZIP_MAGIC_FIRST = 0x1f;
    private static final int GZIP_MAGIC_SECOND = 0x8b;
    /** Bytes read at a time. */
    private static final int CHUNK = 1 << 16;

    private IdxReader() {
    }

    /**
     * Images and labels of the same examples, with one-hot targets over {@code numClasses}.
     * The two files must hold the same number of examples and every label must be a class.
     */
    public static DataSet read(Path imagesFile, Path labelsFile, int numClasses) throws IOException {
        Images images = images(imagesFile);
        int[] labels = labels(labelsFile, numClasses);
        if (images.count() == 0) {
            throw new IOException(imagesFile + " holds no images; expected at least one");
        }
        if (images.count() != labels.length) {
            throw new IOException(imagesFile + " holds " + images.count() + " images but " + labelsFile
                    + " holds " + labels.length + " labels; expected the same count in both");
        }
        return DataSet.ofClasses(images.pixelMatrix(), labels, numClasses);
    }

    /** The images in {@code file}, pixels scaled to [0, 1]. Reads the file once; allocates one float array. */
    public static Images images(Path file) throws IOException {
        try (DataInputStream in = open(file)) {
            int[] header = header(file, in, 4, IMAGES_MAGIC, "images (unsigned bytes, 3 dimensions)");
            int count = nonNegative(file, "image count", header[1]);
            int rows = nonNegative(file, "rows per image", header[2]);
            int columns = nonNegative(file, "columns per image", header[3]);
            if (rows == 0 || columns == 0) {
                throw new IOException(file + " declares images of " + rows + "×" + columns
                        + " pixels; expected at least 1×1");
            }
            long size = (long) count * rows * columns;
            if (size > Integer.MAX_VALUE - 8) {
                throw new IOException(file + " declares " + count + " images of " + rows + "×" + columns
                        + " = " + size + " pixels; at most " + (Integer.MAX_VALUE - 8) + " fit in one array");
            }
            boolean gzipped = requireLength(file, size, 16);
            requireMemory(file, count + " images of " + rows + "×" + columns + " pixels", size, Float.BYTES, gzipped);
            float[] pixels = new float[gzipped ? 0 : (int) size];
            int read = 0;
            while (read < size) {
                int wanted = (int) Math.min(CHUNK, size - read);
                byte[] bytes = readFully(file, in, wanted);
                pixels = grow(pixels, read + bytes.length, (int) size);
                for (int i = 0; i < bytes.length; i++, read++) {
                    pixels[read] = (bytes[i] & 0xFF) / 255f;
                }
                if (bytes.length < wanted) {
                    break; // the file ends early
                }
            }
            requireExactly(file, in, size, read, 16);
            return new Images(count, rows, columns, pixels);
        }
    }

    /** The labels in {@code file}, each checked to lie in {@code [0, numClasses)}. */
    public static int[] labels(Path file, int numClasses) throws IOException {
        try (DataInputStream in = open(file)) {
            int[] header = header(file, in, 2, LABELS_MAGIC, "labels (unsigned bytes, 1 dimension)");
            int count = nonNegative(file, "label count", header[1]);
            boolean gzipped = requireLength(file, count, 8);
            requireMemory(file, count + " labels", count, Integer.BYTES, gzipped);
            int[] labels = new int[gzipped ? 0 : count];
            int read = 0;
            while (read < count) {
                int wanted = Math.min(CHUNK, count - read);
                byte[] bytes = readFully(file, in, wanted);
                labels = grow(labels, read + bytes.length, count);
                for (int i = 0; i < bytes.length; i++, read++) {
                    labels[read] = bytes[i] & 0xFF;
                    if (labels[read] >= numClasses) {
                        throw new IOException(file + ": label " + read + " is " + labels[read] + "; expected 0.."
                                + (numClasses - 1));
                    }
                }
                if (bytes.length < wanted) {
                    break; // the file ends early
                }
            }
            requireExactly(file, in, count, read, 8);
            return labels;
        }
    }

    /** Opens {@code file} for reading, through a gzip decoder when it starts with the gzip magic bytes. */
    private static DataInputStream open(Path file) throws IOException {
        InputStream raw;
        try {
            raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        } catch (NoSuchFileException e) {
            throw new IOException("IDX file " + file + " does not exist", e);
        }
        try {
            raw.mark(2);
            boolean gzipped = raw.read() == GZIP_MAGIC_FIRST && raw.read() == GZIP_MAGIC_SECOND;
            raw.reset();
            InputStream decoded = gzipped ? new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16) : raw;
            return new DataInputStream(decoded);
        } catch (EOFException | ZipException e) {
            raw.close();
            throw new IOException(file + " starts like a gzip file but its gzip header is broken: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /**
     * The first {@code ints} big-endian int32 values of the file, the first of them checked against
     * {@code magic} as soon as it is read.
     */
    private static int[] header(Path file, DataInputStream in, int ints, int magic, String what) throws IOException {
        byte[] bytes = readFully(file, in, ints * 4);
        if (bytes.length >= 4) {
            requireMagic(file, intAt(bytes, 0), magic, what);
        }
        if (bytes.length < ints * 4) {
            throw new IOException(file + " is truncated: expected an IDX header of " + ints * 4 + " bytes, found "
                    + bytes.length);
        }
        int[] values = new int[ints];
        for (int i = 0; i < ints; i++) {
            values[i] = intAt(bytes, 4 * i);
        }
        return values;
    }

    /** The big-endian int32 at {@code offset}. */
    private static int intAt(byte[] bytes, int offset) {
        return (bytes[offset] & 0xFF) << 24 | (bytes[offset + 1] & 0xFF) << 16
                | (bytes[offset + 2] & 0xFF) << 8 | (bytes[offset + 3] & 0xFF);
    }

    /**
     * Fails unless {@code read} equals the declared {@code size} and the stream ends right there:
     * one byte more is read to find out, never the rest, so a gzip stream that would inflate far
     * beyond the declared size costs one byte.
     */
    private static void requireExactly(Path file, DataInputStream in, long size, int read, int headerBytes)
            throws IOException {
        if (read < size) {
            throw new IOException(file + " is truncated: expected " + size + " bytes of data after the "
                    + headerBytes + "-byte header, found " + read);
        }
        if (readFully(file, in, 1).length != 0) {
            throw new IOException(file + " has more data than its header declares: expected exactly " + size
                    + " bytes after the " + headerBytes + "-byte header");
        }
    }

    /**
     * For a plain file, fails unless its length is the header plus {@code size} data bytes (with the
     * messages reading would give); returns whether the file is gzipped, whose length says nothing.
     */
    private static boolean requireLength(Path file, long size, int headerBytes) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            if (in.read() == GZIP_MAGIC_FIRST && in.read() == GZIP_MAGIC_SECOND) {
                return true;
            }
        }
        long found = Files.size(file) - headerBytes;
        if (found < size) {
            throw new IOException(file + " is truncated: expected " + size + " bytes of data after the "
                    + headerBytes + "-byte header, found " + found);
        }
        if (found > size) {
            throw new IOException(file + " has more data than its header declares: expected exactly " + size
                    + " bytes after the " + headerBytes + "-byte header");
        }
        return false;
    }

    /**
     * Fails when {@code count} values of {@code bytesEach} (and the same again for the ND4J matrix
     * made from them) do not fit in memory, before any of them is read. A gzipped file's array grows
     * as its data arrives, and holds up to 1.5 times its size while the last copy is made.
     */
    private static void requireMemory(Path file, String what, long count, int bytesEach, boolean growing)
            throws IOException {
        try {
            long bytes = Memory.bytes(count, bytesEach);
            Memory.requireHeap(file + " declares " + what + ", which", growing ? bytes / 2 * 3 : bytes);
            Memory.requireNative(file + " declares " + what + ", which", Memory.bytes(count, bytesEach));
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /**
     * {@code array}, or a copy with room for at least {@code needed} values: arrays grow with the
     * data that actually arrives (doubling, capped at the declared {@code size}), so a short file
     * declaring a huge count never costs what it declares.
     */
    private static float[] grow(float[] array, int needed, int size) {
        return needed <= array.length ? array
                : Arrays.copyOf(array, (int) Math.min(size, Math.max(needed, 2L * array.length)));
    }

    private static int[] grow(int[] array, int needed, int size) {
        return needed <= array.length ? array
                : Arrays.copyOf(array, (int) Math.min(size, Math.max(needed, 2L * array.length)));
    }

    /** Up to {@code size} bytes; fewer only at the end of the file. A gzip stream cut short counts as the end. */
    private static byte[] readFully(Path file, DataInputStream in, int size) throws IOException {
        try {
            return in.readNBytes(size);
        } catch (EOFException e) {
            throw new IOException(file + " is truncated: its gzip stream ends early (" + e.getMessage() + ")", e);
        } catch (ZipException e) {
            throw new IOException(file + " is not a valid gzip stream: " + e.getMessage(), e);
        }
    }

    private static void requireMagic(Path file, int found, int expected, String what) throws IOException {
        if (found != expected) {
            throw new IOException(file + " is not an IDX file of " + what + ": expected magic number "
                    + hex(expected) + ", found " + hex(found));
        }
    }

    private static int nonNegative(Path file, String what, int value) throws IOException {
        if (value < 0) {
            throw new IOException(file + " declares a negative " + what + " (" + value + " as a signed int32)");
        }
        return value;
    }

    private static String hex(int value) {
        return String.format("0x%08X", value);
    }

    /**
     * The images of one IDX file.
     *
     * @param count   how many images
     * @param rows    pixel rows per image
     * @param columns pixel columns per image
     * @param pixels  {@code count · rows · columns} values in [0, 1], image by image, row by row
     */
    public record Images(int count, int rows, int columns, float[] pixels) {

        /** The pixels as a new float32 matrix {@code [count, rows · columns]}, one image per row. */
        public INDArray pixelMatrix() {
            return Nd4j.create(pixels, new long[] {count, (long) rows * columns}, 'c');
        }
    }
}
