package dev.scratchnet.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads NumPy {@code .npy} arrays as the core writes them: versions 1.0 to 3.0, {@code '<f4'} or
 * {@code '<f8'}, C order. The header is read first (at most {@value #MAX_HEADER_BYTES} bytes) so
 * that its shape can be checked before any data; then exactly the data bytes the shape needs,
 * and one more only to find out that there is one too many.
 * Format: https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html
 */
final class Npy {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int MAX_HEADER_BYTES = 64 * 1024;
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    /**
     * What a header says.
     *
     * @param isDouble whether the values are float64 ({@code '<f8'}) rather than float32
     * @param shape    the sizes, C order
     * @param count    how many values the shape holds (at most what a Java array can)
     */
    record Header(boolean isDouble, long[] shape, int count) {

        int dataBytes() {
            return count * (isDouble ? Double.BYTES : Float.BYTES);
        }
    }

    private Npy() {
    }

    /** The header {@code in} starts with; {@code in} is left at the first data byte. */
    static Header readHeader(InputStream in) throws IOException {
        byte[] start = in.readNBytes(MAGIC.length + 2);
        if (start.length < MAGIC.length + 2 || !Arrays.equals(Arrays.copyOf(start, MAGIC.length), MAGIC)) {
            throw new IOException("not a .npy array (no \\x93NUMPY magic at the start)");
        }
        int major = start[MAGIC.length];
        int lengthBytes = switch (major) {
            case 1 -> 2;
            case 2, 3 -> 4;
            default -> throw new IOException(".npy version " + major + " is not supported (1.0 to 3.0 are)");
        };
        byte[] lengthField = in.readNBytes(lengthBytes);
        if (lengthField.length < lengthBytes) {
            throw new IOException(".npy header is truncated");
        }
        long headerLength = Integer.toUnsignedLong(
                ByteBuffer.wrap(Arrays.copyOf(lengthField, 4)).order(ByteOrder.LITTLE_ENDIAN).getInt());
        if (headerLength > MAX_HEADER_BYTES) {
            throw new IOException(".npy header announces " + headerLength + " bytes; at most " + MAX_HEADER_BYTES
                    + " are read");
        }
        byte[] headerBytes = in.readNBytes((int) headerLength);
        if (headerBytes.length < headerLength) {
            throw new IOException(".npy header is truncated: it announces " + headerLength + " bytes, "
                    + headerBytes.length + " follow");
        }
        String header = new String(headerBytes, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        if (!"False".equals(find(FORTRAN, header, "fortran_order"))) {
            throw new IOException(".npy array is in Fortran order; only C order is supported");
        }
        boolean isDouble = switch (find(DESCR, header, "descr")) {
            case "<f4" -> false;
            case "<f8" -> true;
            default -> throw new IOException(".npy data type '" + find(DESCR, header, "descr")
                    + "' is not supported; expected '<f4' or '<f8'");
        };
        long[] shape = parseShape(find(SHAPE, header, "shape"));
        long count = 1;
        for (long size : shape) {
            count *= size;
            if (count > Integer.MAX_VALUE / Double.BYTES) {
                throw new IOException(".npy shape " + Arrays.toString(shape) + " is too large for a Java array");
            }
        }
        return new Header(isDouble, shape, (int) count);
    }

    /** The float32 values that follow {@code header}. */
    static float[] readFloats(InputStream in, Header header) throws IOException {
        float[] values = new float[header.count()];
        data(in, header).asFloatBuffer().get(values);
        return values;
    }

    /** The float64 values that follow {@code header}. */
    static double[] readDoubles(InputStream in, Header header) throws IOException {
        double[] values = new double[header.count()];
        data(in, header).asDoubleBuffer().get(values);
        return values;
    }

    private static ByteBuffer data(InputStream in, Header header) throws IOException {
        int needed = header.dataBytes();
        requireHeap(3L * needed, header); // the bytes, the values and the layer's rows copied from them
        byte[] data = in.readNBytes(needed);
        if (data.length < needed) {
            throw new IOException(".npy data has " + data.length + " bytes but shape " + Arrays.toString(header.shape())
                    + " needs " + needed + " (truncated)");
        }
        if (in.read() >= 0) {
            throw new IOException(".npy data has more than the " + needed + " bytes shape "
                    + Arrays.toString(header.shape()) + " needs");
        }
        return ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Fails before allocating when {@code bytes} do not fit in the Java heap that is left. */
    private static void requireHeap(long bytes, Header header) throws IOException {
        Runtime runtime = Runtime.getRuntime();
        long free = runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
        if (bytes > free) {
            throw new IOException(".npy data of shape " + Arrays.toString(header.shape()) + " needs " + bytes
                    + " bytes of Java heap but about " + free + " are free; give Java more with -Xmx");
        }
    }

    private static String find(Pattern pattern, String header, String key) throws IOException {
        Matcher matcher = pattern.matcher(header);
        if (!matcher.find()) {
            throw new IOException(".npy header has no readable '" + key + "' entry");
        }
        return matcher.group(1);
    }

    private static long[] parseShape(String tuple) throws IOException {
        String[] parts = tuple.split(",");
        long[] shape = new long[parts.length];
        int rank = 0;
        for (String part : parts) {
            if (part.isBlank()) {
                continue;
            }
            try {
                shape[rank] = Long.parseLong(part.strip());
            } catch (NumberFormatException e) {
                throw new IOException(".npy shape (" + tuple + ") holds '" + part.strip() + "', not a size");
            }
            if (shape[rank] < 0) {
                throw new IOException(".npy shape (" + tuple + ") holds a negative size");
            }
            rank++;
        }
        return Arrays.copyOf(shape, rank);
    }
}
