package dev.scratchnet.spark;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serializable;

/**
 * One partition's round of parameter averaging: how many rows its local steps took, the sum over
 * those steps of (batch loss × batch rows) and of correct classifications, and where its weights and
 * optimizer state ended.
 *
 * @param rows    the rows of the round's local steps (0 when the partition had no step left this epoch)
 * @param lossSum Σ over the steps of the batch's mean loss times its rows (NaN or infinite on divergence)
 * @param correct rows classified right, each counted before its step's update (0 without classes)
 * @param state   the partition's weights and optimizer state after its steps, or null with no rows
 * @param nanos   how long the partition worked on the round, loading and saving the state included
 * @param stepsNanos of that, how long its local steps took
 */
record RoundShare(int rows, double lossSum, int correct, ModelState state, long nanos, long stepsNanos)
        implements Serializable {

    private static final long serialVersionUID = 2L;

    static RoundShare none() {
        return new RoundShare(0, 0, 0, null, 0, 0);
    }

    /** Writes this share to the stream: its numbers, then its state (or a length of -1 without one). */
    void writeTo(DataOutputStream out) throws IOException {
        out.writeInt(rows);
        out.writeDouble(lossSum);
        out.writeInt(correct);
        out.writeLong(nanos);
        out.writeLong(stepsNanos);
        ModelState.write(state, out);
    }

    /** A share as {@link #writeTo} wrote it. */
    static RoundShare readFrom(DataInputStream in) throws IOException {
        int rows = in.readInt();
        double lossSum = in.readDouble();
        int correct = in.readInt();
        long nanos = in.readLong();
        long stepsNanos = in.readLong();
        return new RoundShare(rows, lossSum, correct, ModelState.read(in), nanos, stepsNanos);
    }
}
