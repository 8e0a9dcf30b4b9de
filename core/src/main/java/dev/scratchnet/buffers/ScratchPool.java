package dev.scratchnet.buffers;

import java.lang.ref.SoftReference;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The training buffers of fits that ended, kept for the next fit that asks for the same shape:
 * memory a process has not touched before costs far more than memory it reuses (on virtual machines
 * especially, BENCHMARKS.md, "Training on every core, second round"), and a one-epoch fit would
 * otherwise spend a good part of its time on it. What a buffer holds when taken is whatever its last
 * user left: only buffers written before they are read belong here. At most a set number of bytes
 * are kept ({@link #SHARED}: 64 MiB); the oldest go first, and the collector may take any of them
 * when the heap runs short.
 */
final class ScratchPool {

    /** The pool {@link Matrix#scratch} takes from and {@link Matrix#free} gives to. */
    static final ScratchPool SHARED = new ScratchPool(64L << 20);

    private final long maxBytes;
    private final Map<Key, Deque<SoftReference<INDArray>>> free = new HashMap<>();
    /** The keys of the kept arrays, newest first, one entry per array. */
    private final Deque<Key> order = new ArrayDeque<>();
    private long bytes;

    private record Key(DataType dataType, long rows, long columns) {
        long bytes() {
            return rows * columns * dataType.width();
        }
    }

    /** A pool that keeps at most {@code maxBytes}. */
    ScratchPool(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** A {@code rows × columns} array of {@code dataType}: one kept from an ended fit, else a new one. */
    synchronized INDArray take(DataType dataType, int rows, int columns) {
        Key key = new Key(dataType, rows, columns);
        Deque<SoftReference<INDArray>> kept = free.get(key);
        while (kept != null && !kept.isEmpty()) {
            INDArray array = kept.pop().get();
            order.removeFirstOccurrence(key);
            bytes -= key.bytes();
            if (array != null && !array.wasClosed()) {
                return array;
            }
        }
        return Nd4j.createUninitialized(dataType, rows, columns);
    }

    /** Keeps {@code array} for a later {@link #take} of its shape, or frees it when the pool is full. */
    synchronized void give(INDArray array) {
        Key key = new Key(array.dataType(), array.rows(), array.columns());
        if (key.bytes() > maxBytes) {
            array.close();
            return;
        }
        while (bytes + key.bytes() > maxBytes && !order.isEmpty()) {
            Key oldest = order.pollLast();
            INDArray dropped = free.get(oldest).pollLast().get();
            bytes -= oldest.bytes();
            if (dropped != null) {
                dropped.close();
            }
        }
        free.computeIfAbsent(key, k -> new ArrayDeque<>()).push(new SoftReference<>(array));
        order.push(key);
        bytes += key.bytes();
    }
}
