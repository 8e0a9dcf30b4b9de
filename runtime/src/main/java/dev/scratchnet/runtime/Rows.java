package dev.scratchnet.runtime;

import dev.scratchnet.kernels.Values;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;

/**
 * Room for up to {@code capacity} rows of {@code width} numbers, row-major, in float32 or float64
 * as the model: the arrays the matrix products write, and a {@link Values} view of the same memory
 * that the shared activation kernels work on. One thread's scratch; never shared.
 */
final class Rows {

    final int width;
    /** Exactly one of the two is non-null. */
    final float[] floats;
    final double[] doubles;
    /** The kernels' view of the same numbers. */
    final Values values;

    private Rows(int width, float[] floats, double[] doubles, Values values) {
        this.width = width;
        this.floats = floats;
        this.doubles = doubles;
        this.values = values;
    }

    static Rows of(boolean isDouble, int capacity, int width) {
        if (isDouble) {
            double[] doubles = new double[capacity * width];
            return new Rows(width, null, doubles, Values.of(DoubleBuffer.wrap(doubles), capacity, width));
        }
        float[] floats = new float[capacity * width];
        return new Rows(width, floats, null, Values.of(FloatBuffer.wrap(floats), capacity, width));
    }

    /** Copies {@code row} into row {@code index}, widened to float64 when that is the storage. */
    void set(int index, float[] row) {
        int start = index * width;
        if (floats != null) {
            System.arraycopy(row, 0, floats, start, width);
        } else {
            for (int c = 0; c < width; c++) {
                doubles[start + c] = row[c];
            }
        }
    }

    /** Row {@code index} as a new float32 array (rounded from float64 when that is the storage). */
    float[] get(int index) {
        int start = index * width;
        float[] row = new float[width];
        if (floats != null) {
            System.arraycopy(floats, start, row, 0, width);
        } else {
            for (int c = 0; c < width; c++) {
                row[c] = (float) doubles[start + c];
            }
        }
        return row;
    }

    /** The index of the largest number in row {@code index} (the first, on a tie); no allocation. */
    int argmax(int index) {
        int start = index * width;
        int best = 0;
        for (int c = 1; c < width; c++) {
            double value = floats != null ? floats[start + c] : doubles[start + c];
            double bestValue = floats != null ? floats[start + best] : doubles[start + best];
            if (value > bestValue) {
                best = c;
            }
        }
        return best;
    }

    /** The first column of row {@code index} that is NaN or infinite, or -1. */
    int firstNonFinite(int index) {
        int start = index * width;
        for (int c = 0; c < width; c++) {
            if (!Double.isFinite(floats != null ? floats[start + c] : doubles[start + c])) {
                return c;
            }
        }
        return -1;
    }
}
