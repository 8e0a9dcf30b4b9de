package dev.scratchnet.runtime.files;

import java.util.Arrays;

/**
 * The values of one {@code .npy} array in C order, in float32 or float64: exactly one of
 * {@code floats} and {@code doubles} is non-null.
 *
 * @param shape   the sizes, C order
 * @param floats  the float32 values, or null
 * @param doubles the float64 values, or null
 */
public record NpyArray(long[] shape, float[] floats, double[] doubles) {

    /** Checks that exactly one kind of values is given and that it holds what the shape says. */
    public NpyArray {
        if ((floats == null) == (doubles == null)) {
            throw new IllegalArgumentException("an array holds float32 or float64 values, exactly one of them");
        }
        long count = 1;
        for (long size : shape) {
            count *= size;
        }
        int length = floats != null ? floats.length : doubles.length;
        if (count != length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + count + " values, "
                    + "given " + length);
        }
    }

    /** float32 {@code values} of {@code shape}. */
    public static NpyArray of(float[] values, long... shape) {
        return new NpyArray(shape, values, null);
    }

    /** float64 {@code values} of {@code shape}. */
    public static NpyArray of(double[] values, long... shape) {
        return new NpyArray(shape, null, values);
    }

    /** Whether the values are float64. */
    public boolean isDouble() {
        return doubles != null;
    }

    /** How many values the array holds. */
    public int length() {
        return floats != null ? floats.length : doubles.length;
    }

    /** Value {@code index} in C order, widened to a double. */
    public double get(int index) {
        return floats != null ? floats[index] : doubles[index];
    }

    /** The values widened to doubles, in a new array. */
    public double[] toDoubles() {
        double[] values = new double[length()];
        for (int i = 0; i < values.length; i++) {
            values[i] = get(i);
        }
        return values;
    }
}
