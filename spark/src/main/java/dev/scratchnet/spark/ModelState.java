package dev.scratchnet.spark;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What parameter averaging sends to the partitions at the start of a round and gets back from each
 * at its end: the weights followed by the optimizer state's arrays (Adam's moments, momentum's
 * velocity), one flat vector in the network's own number type — float32 for a float32 network —
 * held as little-endian bytes, so that Java serialization writes it in one block copy.
 *
 * @param float32        whether each number is a float32 (4 bytes), else a float64 (8 bytes)
 * @param values         the numbers, in {@link FlatParameters}' order, weights first
 * @param optimizerSteps the state's step count ({@code OptimizerState.steps()}: Adam's {@code t})
 */
record ModelState(boolean float32, byte[] values, long optimizerSteps) implements Serializable {

    private static final long serialVersionUID = 2L;
    /** How many numbers {@link #addScaledTo} and {@link #of(double[], boolean, long)} convert at a time. */
    private static final int BLOCK = 1 << 14;

    /** The state of {@code arrays} (the weights, then the optimizer's arrays), read without copies of the arrays. */
    static ModelState of(List<INDArray> arrays, boolean float32, long optimizerSteps) {
        return new ModelState(float32, FlatParameters.bytes(arrays, float32), optimizerSteps);
    }

    /** Writes the numbers into {@code arrays}, in place, and so leaves them as they were read. */
    void writeTo(List<INDArray> arrays) {
        FlatParameters.fromBytes(arrays, values, float32);
    }

    /** How many numbers the state holds. */
    int length() {
        return values.length / (float32 ? Float.BYTES : Double.BYTES);
    }

    /** Adds {@code weight · x_i} to {@code sum[i]} for each number x_i of this state (read as float64). */
    void addScaledTo(double weight, double[] sum) {
        ByteBuffer bytes = ByteBuffer.wrap(values).order(ByteOrder.LITTLE_ENDIAN);
        // in blocks read in bulk: a call per number costs the driver several times the arithmetic
        int block = Math.min(sum.length, BLOCK);
        if (float32) {
            FloatBuffer numbers = bytes.asFloatBuffer();
            float[] part = new float[block];
            for (int from = 0; from < sum.length; from += block) {
                int n = Math.min(block, sum.length - from);
                numbers.get(part, 0, n);
                for (int i = 0; i < n; i++) {
                    sum[from + i] += weight * part[i];
                }
            }
        } else {
            DoubleBuffer numbers = bytes.asDoubleBuffer();
            double[] part = new double[block];
            for (int from = 0; from < sum.length; from += block) {
                int n = Math.min(block, sum.length - from);
                numbers.get(part, 0, n);
                for (int i = 0; i < n; i++) {
                    sum[from + i] += weight * part[i];
                }
            }
        }
    }

    /** {@code numbers} in the number type given (rounded to the nearest float32 when float32). */
    static ModelState of(double[] numbers, boolean float32, long optimizerSteps) {
        ByteBuffer bytes = ByteBuffer.allocate(numbers.length * (float32 ? Float.BYTES : Double.BYTES))
                .order(ByteOrder.LITTLE_ENDIAN);
        if (float32) {
            FloatBuffer out = bytes.asFloatBuffer();
            float[] part = new float[Math.min(numbers.length, BLOCK)];
            for (int from = 0; from < numbers.length; from += part.length) {
                int n = Math.min(part.length, numbers.length - from);
                for (int i = 0; i < n; i++) {
                    part[i] = (float) numbers[from + i];
                }
                out.put(part, 0, n);
            }
        } else {
            bytes.asDoubleBuffer().put(numbers);
        }
        return new ModelState(float32, bytes.array(), optimizerSteps);
    }

    /** Writes {@code state} (null for none) to the stream: type, steps, length, bytes. */
    static void write(ModelState state, DataOutputStream out) throws IOException {
        if (state == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(state.values.length);
        out.writeBoolean(state.float32);
        out.writeLong(state.optimizerSteps);
        out.write(state.values);
    }

    /** A state as {@link #write} wrote it, or null. */
    static ModelState read(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        boolean float32 = in.readBoolean();
        long steps = in.readLong();
        byte[] values = new byte[length];
        in.readFully(values);
        return new ModelState(float32, values, steps);
    }
}
