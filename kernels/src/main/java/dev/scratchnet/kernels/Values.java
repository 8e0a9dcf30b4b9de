package dev.scratchnet.kernels;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;

/**
 * A row-major matrix of float32 or float64 numbers in a {@code java.nio} buffer (direct memory
 * shared with a native array, or a Java array), read and written element by element as doubles.
 * Element {@code (r, c)} is at index {@code r · columns + c}. One class for both element types: each
 * method picks its buffer with one well-predicted branch, so the loops of the kernels are written
 * once.
 */
public final class Values {

    /** Rows and columns. */
    public final int rows;
    public final int columns;
    /** The storage: exactly one of the two is non-null. */
    private final FloatBuffer floats;
    private final DoubleBuffer doubles;

    private Values(FloatBuffer floats, DoubleBuffer doubles, int rows, int columns) {
        this.floats = floats;
        this.doubles = doubles;
        this.rows = rows;
        this.columns = columns;
        long needed = (long) rows * columns;
        long capacity = floats != null ? floats.capacity() : doubles.capacity();
        if (rows < 0 || columns < 0 || needed > capacity) {
            throw new IllegalArgumentException("a [" + rows + ", " + columns + "] matrix needs " + needed
                    + " elements; the buffer holds " + capacity);
        }
    }

    /** float32 values over {@code buffer}'s elements from its index 0. */
    public static Values of(FloatBuffer buffer, int rows, int columns) {
        return new Values(buffer, null, rows, columns);
    }

    /** float64 values over {@code buffer}'s elements from its index 0. */
    public static Values of(DoubleBuffer buffer, int rows, int columns) {
        return new Values(null, buffer, rows, columns);
    }

    /** Whether the storage is float32. */
    public boolean isFloat() {
        return floats != null;
    }

    /** The number of elements, {@code rows · columns}. */
    public long length() {
        return (long) rows * columns;
    }

    /** Element {@code index}, widened to a double. */
    public double get(int index) {
        return floats != null ? floats.get(index) : doubles.get(index);
    }

    /** Sets element {@code index}, rounded to float32 when that is the storage. */
    public void set(int index, double value) {
        if (floats != null) {
            floats.put(index, (float) value);
        } else {
            doubles.put(index, value);
        }
    }

    /** Copies elements {@code start} to {@code start + length} (at most {@link Chunks#SIZE}) into {@code into}. */
    public void read(int start, int length, double[] into, Chunks chunks) {
        if (doubles != null) {
            doubles.get(start, into, 0, length);
            return;
        }
        float[] staging = chunks.staging;
        floats.get(start, staging, 0, length);
        for (int i = 0; i < length; i++) {
            into[i] = staging[i];
        }
    }

    /** Writes {@code from[0, length)} over elements {@code start} to {@code start + length}. */
    public void write(int start, int length, double[] from, Chunks chunks) {
        if (doubles != null) {
            doubles.put(start, from, 0, length);
            return;
        }
        float[] staging = chunks.staging;
        for (int i = 0; i < length; i++) {
            staging[i] = (float) from[i];
        }
        floats.put(start, staging, 0, length);
    }

    /** For float32 storage: copies elements as they are stored, without widening. */
    void readFloats(int start, int length, float[] into) {
        floats.get(start, into, 0, length);
    }

    /** For float32 storage: writes {@code from[0, length)} as it is. */
    void writeFloats(int start, int length, float[] from) {
        floats.put(start, from, 0, length);
    }

    /** Copies row {@code sourceRow} of {@code source} (same width and type) into row {@code targetRow}. */
    public void copyRow(Values source, int sourceRow, int targetRow) {
        if (floats != null) {
            floats.put(targetRow * columns, source.floats, sourceRow * source.columns, columns);
        } else {
            doubles.put(targetRow * columns, source.doubles, sourceRow * source.columns, columns);
        }
    }

    /** Whether every element is finite (one tight loop). */
    public boolean allFinite() {
        for (int i = 0, end = (int) length(); i < end; i++) {
            if (!Double.isFinite(get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive) over the same memory: writes land here. */
    public Values rowBlock(int from, int to) {
        int start = from * columns;
        int length = (to - from) * columns;
        return floats != null ? new Values(floats.slice(start, length), null, to - from, columns)
                : new Values(null, doubles.slice(start, length), to - from, columns);
    }
}
