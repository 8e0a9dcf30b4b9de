package dev.scratchnet.runtime.files;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NumPy's {@code .npy} format, version 1.0, for float32 and float64 arrays in C order:
 * <pre>
 *   bytes 0-5   magic "\x93NUMPY"
 *   bytes 6-7   version 1, 0
 *   bytes 8-9   header length H, little-endian unsigned short
 *   H bytes     "{'descr': '&lt;f4', 'fortran_order': False, 'shape': (64, 15), }" padded with
 *               spaces and ended by '\n' so that the data starts at a multiple of 64
 *   then        the values, little-endian, row by row
 * </pre>
 * Reading also accepts versions 2.0 and 3.0 (a 4-byte header length); it refuses other data
 * types, Fortran order, headers over 64 KiB, and data shorter or longer than the shape says. It
 * reads the header first and then exactly the data bytes the shape needs (after a
 * {@link MemoryCheck}), never what a stream might hold beyond them. On plain Java arrays: the core
 * converts to and from ND4J.
 * Format: https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html
 */
public final class Npy {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int ALIGNMENT = 64;
    /** The longest header read; numpy writes a few hundred bytes at most for a float array. */
    public static final int MAX_HEADER_BYTES = 64 * 1024;
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    /**
     * A check made before an array's data is read, with the bytes the data takes; it throws
     * {@link IllegalArgumentException} to refuse. {@link #HEAP} is the runtime's; the core adds
     * ND4J's own memory.
     */
    @FunctionalInterface
    public interface MemoryCheck {
        void require(String what, long dataBytes);
    }

    /** The data's bytes and their values, both in the Java heap. */
    public static final MemoryCheck HEAP = (what, dataBytes) -> Heap.require(what, 2 * dataBytes);

    /**
     * What a header says.
     *
     * @param isDouble whether the values are float64 ({@code '<f8'}) rather than float32 ({@code '<f4'})
     * @param shape    the sizes, C order
     * @param count    how many values the shape holds (at most what a Java array can)
     */
    public record Header(boolean isDouble, long[] shape, int count) {

        /** The header's type code, {@code <f4} or {@code <f8}. */
        public String descr() {
            return isDouble ? "<f8" : "<f4";
        }

        /** How many data bytes follow the header. */
        public long dataBytes() {
            return (long) count * (isDouble ? Double.BYTES : Float.BYTES);
        }
    }

    private Npy() {
    }

    /** The {@code .npy} bytes of {@code array}, written in C order. */
    public static byte[] write(NpyArray array) {
        String dict = "{'descr': '" + (array.isDouble() ? "<f8" : "<f4") + "', 'fortran_order': False, 'shape': "
                + shapeTuple(array.shape()) + ", }";
        int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1;
        int padding = (ALIGNMENT - unpadded % ALIGNMENT) % ALIGNMENT;
        String header = dict + " ".repeat(padding) + "\n";
        int itemSize = array.isDouble() ? Double.BYTES : Float.BYTES;
        ByteBuffer out = ByteBuffer.allocate(MAGIC.length + 4 + header.length() + array.length() * itemSize)
                .order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length());
        out.put(header.getBytes(StandardCharsets.US_ASCII));
        if (array.isDouble()) {
            out.asDoubleBuffer().put(array.doubles());
        } else {
            out.asFloatBuffer().put(array.floats());
        }
        return out.array();
    }

    private static String shapeTuple(long[] shape) {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        StringBuilder tuple = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            tuple.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return tuple.append(')').toString();
    }

    /**
     * Reads {@code .npy} bytes.
     *
     * @throws IOException naming the problem: no magic, an unsupported version or data type,
     *                     Fortran order, a malformed header, or too few or too many data bytes
     */
    public static NpyArray read(byte[] bytes, MemoryCheck memory) throws IOException {
        InputStream in = new ByteArrayInputStream(bytes);
        return readData(in, readHeader(in), memory);
    }

    /**
     * The header of the {@code .npy} array that {@code in} starts with, read and checked; {@code in}
     * is left at the first data byte. Reads at most {@value #MAX_HEADER_BYTES} header bytes
     * whatever the header's length field says, so a caller can check the shape before any data.
     *
     * @throws IOException as {@link #read} does
     */
    public static Header readHeader(InputStream in) throws IOException {
        byte[] start = in.readNBytes(MAGIC.length + 2);
        if (start.length < MAGIC.length + 2 || !Arrays.equals(Arrays.copyOf(start, MAGIC.length), MAGIC)) {
            throw new IOException("not a .npy array (no \\x93NUMPY magic at the start)");
        }
        int major = start[MAGIC.length];
        int minor = start[MAGIC.length + 1];
        int lengthBytes = switch (major) {
            case 1 -> 2;
            case 2, 3 -> 4;
            default -> throw new IOException(".npy version " + major + "." + minor + " is not supported (1.0 to 3.0 are)");
        };
        byte[] lengthField = in.readNBytes(lengthBytes);
        int position = start.length + lengthField.length;
        long headerLength = lengthField.length < lengthBytes ? -1 // little-endian, zero-extended to 4 bytes
                : Integer.toUnsignedLong(ByteBuffer.wrap(Arrays.copyOf(lengthField, 4)).order(ByteOrder.LITTLE_ENDIAN).getInt());
        if (headerLength > MAX_HEADER_BYTES) {
            throw new IOException(".npy header announces " + headerLength + " bytes; a float array's header needs "
                    + "far fewer, and at most " + MAX_HEADER_BYTES + " are read");
        }
        byte[] headerBytes = headerLength < 0 ? new byte[0] : in.readNBytes((int) headerLength);
        if (headerLength < 0 || headerBytes.length < headerLength) {
            throw new IOException(".npy header is truncated: it announces " + headerLength + " bytes but the array has "
                    + (position + headerBytes.length) + " in all");
        }
        String header = new String(headerBytes, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        String descr = find(DESCR, header, "descr");
        if (!"False".equals(find(FORTRAN, header, "fortran_order"))) {
            throw new IOException(".npy array is in Fortran order; only C order (fortran_order False) is supported");
        }
        long[] shape = parseShape(find(SHAPE, header, "shape"));
        boolean isDouble = switch (descr) {
            case "<f4" -> false;
            case "<f8" -> true;
            default -> throw new IOException(".npy data type '" + descr + "' is not supported; expected '<f4' or '<f8'");
        };
        int itemSize = isDouble ? Double.BYTES : Float.BYTES;
        long count = 1;
        for (long size : shape) {
            count *= size;
            if (count > Integer.MAX_VALUE / itemSize) {
                throw new IOException(".npy shape " + Arrays.toString(shape) + " is too large for a Java array");
            }
        }
        return new Header(isDouble, shape, (int) count);
    }

    /**
     * The data that follows {@code header} in {@code in}: {@code memory} is asked first, then exactly
     * the bytes the shape needs are read, and one more only to find out that there is one too many.
     */
    public static NpyArray readData(InputStream in, Header header, MemoryCheck memory) throws IOException {
        long needed = header.dataBytes();
        try {
            memory.require(".npy data of shape " + Arrays.toString(header.shape()) + " (" + header.descr() + ")", needed);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
        byte[] data = in.readNBytes((int) needed);
        if (data.length < needed) {
            throw new IOException(".npy data has " + data.length + " bytes but shape " + Arrays.toString(header.shape())
                    + " of " + header.descr() + " needs " + needed + " (truncated)");
        }
        if (in.read() >= 0) {
            throw new IOException(".npy data has more than " + needed + " bytes but shape "
                    + Arrays.toString(header.shape()) + " of " + header.descr() + " needs " + needed);
        }
        ByteBuffer values = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        if (header.isDouble()) {
            double[] doubles = new double[header.count()];
            values.asDoubleBuffer().get(doubles);
            return NpyArray.of(doubles, header.shape());
        }
        float[] floats = new float[header.count()];
        values.asFloatBuffer().get(floats);
        return NpyArray.of(floats, header.shape());
    }

    private static String find(Pattern pattern, String header, String key) throws IOException {
        Matcher matcher = pattern.matcher(header);
        if (!matcher.find()) {
            throw new IOException(".npy header has no readable '" + key + "' entry: " + header.strip());
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
