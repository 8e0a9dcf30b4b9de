package dev.scratchnet.runtime;

import dev.scratchnet.kernels.Values;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;

/**
 * Room for up to {@code capacity} rows of {@code width} numbers, in float32 or float64 as the
 * model: one Java array per row, which the matrix products write, and a {@link Values} view of
 * each row, which the shared activation kernels work on. One array per row, not one for all,
 * because the JIT turns a loop into vector instructions only when its arrays are indexed alike
 * ({@code z[j] += x · w[j]}), and that needs each row to start at index 0. One thread's scratch;
 * never shared.
 */
final class Rows {

    final int width;
    /** Exactly one of the two is non-null. */
    final float[][] floats;
    final double[][] doubles;
    /** The kernels' view of each row. */
    final Values[] values;

    private Rows(int width, float[][] floats, double[][] doubles, Values[] values) {
        this.width = width;
        this.floats = floats;
        this.doubles = doubles;
        this.values = values;
    }

    static Rows of(boolean isDouble, int capacity, int width) {
        Values[] values = new Values[capacity];
        if (isDouble) {
            double[][] doubles = new double[capacity][width];
            for (int r = 0; r < capacity; r++) {
                values[r] = Values.of(DoubleBuffer.wrap(doubles[r]), 1, width);
            }
            return new Rows(width, null, doubles, values);
        }
        float[][] floats = new float[capacity][width];
        for (int r = 0; r < capacity; r++) {
            values[r] = Values.of(FloatBuffer.wrap(floats[r]), 1, width);
        }
        return new Rows(width, floats, null, values);
    }

    /** Copies {@code row} into row {@code index}, widened to float64 when that is the storage. */
    void set(int index, float[] row) {
        if (floats != null) {
            System.arraycopy(row, 0, floats[index], 0, width);
        } else {
            double[] target = doubles[index];
            for (int c = 0; c < width; c++) {
                target[c] = row[c];
            }
        }
    }

    /** Row {@code index} as a new float32 array (rounded from float64 when that is the storage). */
    float[] get(int index) {
        if (floats != null) {
            return floats[index].clone();
        }
        float[] row = new float[width];
        for (int c = 0; c < width; c++) {
            row[c] = (float) doubles[index][c];
        }
        return row;
    }

    /** Element {@code column} of row {@code index}, as a double. */
    double get(int index, int column) {
        return floats != null ? floats[index][column] : doubles[index][column];
    }

    /** The index of the largest number in row {@code index} (the first, on a tie); no allocation. */
    int argmax(int index) {
        int best = 0;
        for (int c = 1; c < width; c++) {
            if (get(index, c) > get(index, best)) {
                best = c;
            }
        }
        return best;
    }

    /** The first column of row {@code index} that is NaN or infinite, or -1. */
    int firstNonFinite(int index) {
        for (int c = 0; c < width; c++) {
            if (!Double.isFinite(get(index, c))) {
                return c;
            }
        }
        return -1;
    }
}
