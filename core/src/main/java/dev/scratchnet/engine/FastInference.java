package dev.scratchnet.engine;

import dev.scratchnet.Layer;
import dev.scratchnet.buffers.Blas;
import dev.scratchnet.buffers.Matrix;
import dev.scratchnet.buffers.SmallArrays;
import dev.scratchnet.buffers.UnwrittenArrays;
import dev.scratchnet.internal.Finite;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Predictions through direct BLAS calls and Java loops: per layer the bias copied into each row,
 * one gemm adding {@code xW}, the activation in place. Hidden layers write into buffers kept per
 * thread (made anew when the batch size changes); only the output is a new array. Batches large
 * enough to pay for it are cut into blocks of rows shared with {@link InferenceWorkers}. Shares
 * nothing writable between calls, so it is safe from many threads at once.
 */
final class FastInference {

    /**
     * Multiply-adds from which a batch is shared between threads: about 50 µs of one core's work,
     * well above the 10-20 µs it takes to wake a helper and wait for it.
     */
    static final long SHARED_WORK = 1L << 23;

    /** No block is smaller: below this a gemm's packing overhead shows. */
    static final int MIN_BLOCK_ROWS = 32;

    /** Blocks per thread: more than one, so a thread slowed by other work on its core takes fewer. */
    static final int BLOCKS_PER_THREAD = 2;

    private final List<FastLayer> layers;
    private final long workPerRow;
    /** The last layer's width: the outputs' columns. */
    private final int nOut;
    /**
     * Each thread's buffers, one set for small batches (one row a call) and one for large: a server
     * that answers single rows between batches keeps both instead of remaking the large set, whose
     * new memory costs a page fault a page, at every batch.
     */
    private final ThreadLocal<Scratch> smallScratch = new ThreadLocal<>();
    private final ThreadLocal<Scratch> largeScratch = new ThreadLocal<>();

    private FastInference(List<FastLayer> layers) {
        this.layers = layers;
        long work = 0;
        for (FastLayer layer : layers) {
            work += (long) layer.nIn * layer.nOut;
        }
        this.workPerRow = work;
        this.nOut = layers.get(layers.size() - 1).nOut;
    }

    /** The fast path for {@code layers}, whose activations must all be in the op table. */
    static FastInference of(List<Layer> layers) {
        List<FastLayer> fast = new ArrayList<>();
        for (Layer layer : layers) {
            fast.add(new FastLayer(layer, 0, null));
        }
        return new FastInference(List.copyOf(fast));
    }

    /** The outputs {@code [n, nOut]} for inputs {@code x [n, nIn]} of the layers' data type, as a new array. */
    INDArray predict(INDArray x) {
        return predict(x, false);
    }

    /**
     * As {@link #predict}, for inputs the caller has not checked: null when the inputs or the outputs
     * hold NaN or infinity (the caller then finds and explains the bad value), else the outputs.
     */
    INDArray predictIfFinite(INDArray x) {
        return predict(x, true);
    }

    private static Matrix wrap(INDArray x) {
        return Matrix.of(Matrix.readable(x));
    }

    /** As {@link #predictIfFinite}, with the rows cut into {@code blocks} blocks (for tests: any count gives the same numbers). */
    INDArray predictInBlocks(INDArray x, int blocks) {
        return predict(wrap(x), true, blocks);
    }

    private INDArray predict(INDArray x, boolean check) {
        int n = x.rows();
        int blocks = blocksFor(n);
        if (blocks == 1 && isSmallOutput(n)) {
            return predictSmall(x, check);
        }
        return predict(wrap(x), check, blocks);
    }

    /** Whether {@code n} rows' outputs are small enough for {@link #predictSmall}: one row's, typically. */
    private boolean isSmallOutput(int n) {
        return (long) n * nOut * Double.BYTES <= SmallArrays.MAX_BYTES;
    }

    /**
     * A batch on this thread whose outputs are small (one row a call, as a server predicts): the
     * input and the new output are touched by BLAS alone, the last layer writes into this thread's
     * buffer and BLAS copies it into the output, so the call makes no {@code java.nio} buffer
     * (BENCHMARKS.md, "One image a call: the heap's first pages").
     */
    private INDArray predictSmall(INDArray x, boolean check) {
        int n = x.rows();
        DataType dataType = x.dataType();
        Scratch buffers = scratchFor(n, dataType);
        if (!forward(Matrix.forBlas(Matrix.readable(x)), buffers.hidden, buffers.output, check)) {
            return null;
        }
        INDArray output = SmallArrays.uninitialized(dataType, n, nOut);
        Blas.copy(buffers.output, Matrix.forBlas(output));
        return output;
    }

    /** The outputs, or null when {@code check} is set and an input or an output is not finite. */
    private INDArray predict(Matrix input, boolean check, int blocks) {
        int n = input.rows;
        DataType dataType = input.array().dataType();
        Matrix[] hidden = scratchFor(n, dataType).hidden;
        // not cleared by ND4J first: each block's last layer takes the first touch of its own rows
        Matrix output = Matrix.of(UnwrittenArrays.matrix(dataType, n, nOut));
        if (blocks == 1) {
            return forward(input, hidden, output, check) ? output.array() : null;
        }
        AtomicBoolean finite = new AtomicBoolean(true);
        InferenceWorkers.forEachBlock(blocks, b -> {
            int from = (int) ((long) b * n / blocks);
            int to = (int) ((long) (b + 1) * n / blocks);
            Matrix[] hiddenRows = new Matrix[hidden.length];
            for (int i = 0; i < hidden.length; i++) {
                hiddenRows[i] = hidden[i].rowBlock(from, to);
            }
            if (!forward(input.rowBlock(from, to), hiddenRows, output.rowBlock(from, to), check)) {
                finite.set(false);
            }
        });
        return finite.get() ? output.array() : null;
    }

    /** How many blocks of rows to cut a batch of {@code n} into: 1 runs it on the calling thread alone. */
    private int blocksFor(int n) {
        int threads = InferenceWorkers.threads();
        if (threads < 2 || n * workPerRow < SHARED_WORK || n < 2 * MIN_BLOCK_ROWS) {
            return 1;
        }
        return Math.min(threads * BLOCKS_PER_THREAD, n / MIN_BLOCK_ROWS);
    }

    /**
     * Every layer over the rows of {@code input} (all of the same height as it): hidden layers into
     * {@code hidden}, the last into {@code output}. With {@code check}, false as soon as the inputs
     * or, at the end, the outputs are found not finite.
     */
    private boolean forward(Matrix input, Matrix[] hidden, Matrix output, boolean check) {
        if (check && !Finite.likely(input)) {
            return false;
        }
        int rows = input.rows;
        Matrix current = input;
        for (int i = 0; i < layers.size(); i++) {
            FastLayer layer = layers.get(i);
            Matrix out = i < hidden.length ? hidden[i] : output;
            layer.affine(current, out, rows);
            layer.activation.forward(out, rows);
            current = out;
        }
        return !check || Finite.likely(output);
    }

    /** This thread's buffers for batches of {@code n} rows, made anew when the batch size or type changes. */
    private Scratch scratchFor(int n, DataType dataType) {
        ThreadLocal<Scratch> scratch = isSmallOutput(n) ? smallScratch : largeScratch;
        Scratch buffers = scratch.get();
        if (buffers == null || buffers.rows != n || buffers.dataType != dataType) {
            Matrix[] hidden = new Matrix[layers.size() - 1];
            for (int i = 0; i < hidden.length; i++) {
                hidden[i] = Matrix.create(dataType, n, layers.get(i).nOut);
            }
            Matrix output = isSmallOutput(n) ? Matrix.create(dataType, n, nOut) : null;
            buffers = new Scratch(n, dataType, hidden, output);
            scratch.set(buffers);
        }
        return buffers;
    }

    /**
     * One thread's outputs of the hidden layers for batches of {@code n} rows, and of the last layer
     * where they are small (see {@link #predictSmall}; else null).
     */
    private record Scratch(int rows, DataType dataType, Matrix[] hidden, Matrix output) {
    }
}
