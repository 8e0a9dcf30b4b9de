package dev.scratchnet;

import dev.scratchnet.data.IdxReader;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link DataSource#idx}: MNIST's IDX files, uncompressed (gzip them out first: a gzip stream
 * cannot be read from the middle), images of unsigned bytes scaled to [0, 1] as float32 and labels
 * one-hot — the rows {@link IdxReader#read} gives — read a block of {@link #BLOCK_ROWS} images at a
 * time with positional reads after their headers.
 */
final class IdxSource implements DataSource {

    static final int BLOCK_ROWS = 8192;
    private static final int IMAGES_HEADER = 16;
    private static final int LABELS_HEADER = 8;

    private final Path images;
    private final Path labels;
    private final int count;
    private final int pixels;
    private final int numClasses;

    private IdxSource(Path images, Path labels, int count, int pixels, int numClasses) {
        this.images = images;
        this.labels = labels;
        this.count = count;
        this.pixels = pixels;
        this.numClasses = numClasses;
    }

    static IdxSource open(Path images, Path labels, int numClasses) throws IOException {
        if (numClasses < 2 || numClasses > 256) {
            throw new IllegalArgumentException("numClasses must be in [2, 256] (labels are unsigned bytes), was "
                    + numClasses);
        }
        int[] imageHeader = header(images, 4, IdxReader.IMAGES_MAGIC, "images (unsigned bytes, 3 dimensions)");
        int[] labelHeader = header(labels, 2, IdxReader.LABELS_MAGIC, "labels (unsigned bytes, 1 dimension)");
        int count = imageHeader[1];
        if (count == 0) {
            throw new IOException(images + " holds no images; expected at least one");
        }
        if (count != labelHeader[1]) {
            throw new IOException(images + " holds " + count + " images but " + labels + " holds " + labelHeader[1]
                    + " labels; expected the same count in both");
        }
        if (imageHeader[2] == 0 || imageHeader[3] == 0) {
            throw new IOException(images + " declares images of " + imageHeader[2] + "×" + imageHeader[3]
                    + " pixels; expected at least 1×1");
        }
        long pixels = (long) imageHeader[2] * imageHeader[3];
        if (pixels * BLOCK_ROWS > Integer.MAX_VALUE - 8) {
            throw new IOException(images + " declares images of " + imageHeader[2] + "×" + imageHeader[3]
                    + " pixels; at most " + (Integer.MAX_VALUE - 8) / BLOCK_ROWS + " pixels an image are read");
        }
        requireSize(images, IMAGES_HEADER + count * pixels);
        requireSize(labels, LABELS_HEADER + (long) count);
        return new IdxSource(images, labels, count, (int) pixels, numClasses);
    }

    @Override
    public int numFeatures() {
        return pixels;
    }

    @Override
    public int numOutputs() {
        return numClasses;
    }

    @Override
    public int blocks() {
        return (count + BLOCK_ROWS - 1) / BLOCK_ROWS;
    }

    @Override
    public Rows read(int block) {
        if (block < 0 || block >= blocks()) {
            throw new IllegalArgumentException("block must be in [0, " + blocks() + "), was " + block);
        }
        int end = (int) Math.min((long) (block + 1) * BLOCK_ROWS, count);
        return new Rows() {
            private int next = block * BLOCK_ROWS;

            @Override
            public DataSet next(int maxRows) throws IOException {
                if (next >= end) {
                    return null;
                }
                int to = (int) Math.min((long) next + maxRows, end);
                byte[] imageBytes = bytes(images, IMAGES_HEADER + (long) next * pixels, (to - next) * pixels);
                byte[] labelBytes = bytes(labels, LABELS_HEADER + (long) next, to - next);
                float[] values = new float[imageBytes.length];
                for (int i = 0; i < values.length; i++) {
                    values[i] = (imageBytes[i] & 0xFF) / 255f;
                }
                int[] classes = new int[labelBytes.length];
                for (int i = 0; i < classes.length; i++) {
                    classes[i] = labelBytes[i] & 0xFF;
                    if (classes[i] >= numClasses) {
                        throw new IOException(labels + ": label " + (next + i) + " is " + classes[i] + "; expected 0.."
                                + (numClasses - 1));
                    }
                }
                DataSet rows = DataSet.ofClasses(Nd4j.create(values, new long[] {to - next, pixels}, DataType.FLOAT),
                        classes, numClasses);
                next = to;
                return rows;
            }
        };
    }

    /** The header's {@code ints} big-endian numbers (the magic first), each dimension checked. */
    private static int[] header(Path file, int ints, int magic, String expected) throws IOException {
        int[] header = new int[ints];
        try (InputStream raw = Files.newInputStream(file); DataInputStream in = new DataInputStream(raw)) {
            int first = raw.read();
            int second = raw.read();
            if (first == 0x1f && second == 0x8b) {
                throw new IOException(file + " is gzip-compressed; a streamed source reads IDX files uncompressed "
                        + "(gunzip it first)");
            }
            if (first < 0 || second < 0) {
                throw new IOException(file + " ends inside its header; expected IDX " + expected);
            }
            header[0] = (first << 24) | (second << 16) | in.readUnsignedShort();
            if (header[0] != magic) {
                throw new IOException(file + " starts with magic 0x" + Integer.toHexString(header[0]) + "; expected 0x"
                        + Integer.toHexString(magic) + ", IDX " + expected);
            }
            for (int i = 1; i < ints; i++) {
                header[i] = in.readInt();
                if (header[i] < 0) {
                    throw new IOException(file + " declares a dimension of " + header[i] + "; expected at least 0");
                }
            }
        } catch (NoSuchFileException e) {
            throw new IOException("IDX file " + file + " does not exist", e);
        } catch (java.io.EOFException e) {
            throw new IOException(file + " ends inside its header; expected IDX " + expected, e);
        }
        return header;
    }

    private static void requireSize(Path file, long bytes) throws IOException {
        long size = Files.size(file);
        if (size < bytes) {
            throw new IOException(file + " holds " + size + " bytes but its header declares " + bytes);
        }
    }

    private static byte[] bytes(Path file, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, position + buffer.position()) < 0) {
                    throw new IOException(file + " ended before byte " + (position + length));
                }
            }
        }
        return buffer.array();
    }
}
