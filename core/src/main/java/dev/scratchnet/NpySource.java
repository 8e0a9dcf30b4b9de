package dev.scratchnet;

import dev.scratchnet.runtime.files.Npy;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link DataSource#npy}: two {@code .npy} files (float32 or float64, C order, NumPy's format 1.0)
 * of the same row count, features {@code [n, nIn]} and targets {@code [n, nOut]}, read a block of
 * {@link #BLOCK_ROWS} rows at a time with positional reads after their headers.
 */
final class NpySource implements DataSource {

    static final int BLOCK_ROWS = 8192;

    private final Part features;
    private final Part targets;

    private NpySource(Part features, Part targets) {
        this.features = features;
        this.targets = targets;
    }

    static NpySource open(Path features, Path targets) throws IOException {
        Part x = Part.open(features, "features");
        Part y = Part.open(targets, "targets");
        if (x.rows != y.rows) {
            throw new IllegalArgumentException("features " + features + " hold " + x.rows + " rows but targets "
                    + targets + " hold " + y.rows + "; expected the same row count");
        }
        return new NpySource(x, y);
    }

    @Override
    public int numFeatures() {
        return features.columns;
    }

    @Override
    public int numOutputs() {
        return targets.columns;
    }

    @Override
    public int blocks() {
        return (int) ((features.rows + BLOCK_ROWS - 1) / BLOCK_ROWS);
    }

    @Override
    public Rows read(int block) {
        if (block < 0 || block >= blocks()) {
            throw new IllegalArgumentException("block must be in [0, " + blocks() + "), was " + block);
        }
        long end = Math.min((long) (block + 1) * BLOCK_ROWS, features.rows);
        return new Rows() {
            private long next = (long) block * BLOCK_ROWS;

            @Override
            public DataSet next(int maxRows) throws IOException {
                if (next >= end) {
                    return null;
                }
                long to = Math.min(next + maxRows, end);
                DataSet rows = DataSet.of(features.rows(next, to), targets.rows(next, to));
                next = to;
                return rows;
            }
        };
    }

    /** One file: its shape, type and where its data starts. */
    private record Part(Path file, long rows, int columns, boolean isDouble, long dataStart) {

        static Part open(Path file, String what) throws IOException {
            long[] consumed = new long[1];
            Npy.Header header;
            try (InputStream in = new FilterInputStream(Files.newInputStream(file)) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    consumed[0] += b >= 0 ? 1 : 0;
                    return b;
                }

                @Override
                public int read(byte[] bytes, int offset, int length) throws IOException {
                    int n = super.read(bytes, offset, length);
                    consumed[0] += Math.max(n, 0);
                    return n;
                }
            }) {
                header = Npy.readHeader(in);
            }
            long[] shape = header.shape();
            if (shape.length != 2 || shape[0] == 0 || shape[1] == 0) {
                throw new IllegalArgumentException(what + " " + file + " has shape " + Arrays.toString(shape)
                        + "; expected [rows, columns] with at least one of each");
            }
            long bytes = shape[0] * shape[1] * (header.isDouble() ? 8 : 4);
            if (Files.size(file) < consumed[0] + bytes) {
                throw new IOException(what + " " + file + " holds " + (Files.size(file) - consumed[0]) + " bytes of "
                        + "data but its shape " + Arrays.toString(shape) + " needs " + bytes);
            }
            return new Part(file, shape[0], (int) shape[1], header.isDouble(), consumed[0]);
        }

        /** Rows {@code [from, to)} as a new array of the file's type. */
        INDArray rows(long from, long to) throws IOException {
            int width = isDouble ? 8 : 4;
            ByteBuffer bytes = ByteBuffer.allocate((int) ((to - from) * columns * width)).order(ByteOrder.LITTLE_ENDIAN);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                long position = dataStart + from * columns * width;
                while (bytes.hasRemaining()) {
                    if (channel.read(bytes, position + bytes.position()) < 0) {
                        throw new IOException(file + " ended before row " + to);
                    }
                }
            }
            bytes.flip();
            long[] shape = {to - from, columns};
            if (isDouble) {
                double[] values = new double[(int) ((to - from) * columns)];
                bytes.asDoubleBuffer().get(values);
                return Nd4j.create(values, shape, DataType.DOUBLE);
            }
            float[] values = new float[(int) ((to - from) * columns)];
            bytes.asFloatBuffer().get(values);
            return Nd4j.create(values, shape, DataType.FLOAT);
        }
    }
}
