package dev.scratchnet.engine;

import dev.scratchnet.Layer;
import dev.scratchnet.arithmetic.DropoutMasks;
import dev.scratchnet.buffers.Blas;
import dev.scratchnet.buffers.Matrix;
import dev.scratchnet.kernels.LossKernel;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Data parallelism inside a batch: the batch's rows cut into one block per thread, each block's
 * forward pass and its δ of every layer on its own thread ({@link TrainingWorkers}), one-threaded
 * BLAS, into its rows of one set of whole-batch buffers (each block is a {@link FastPath#rows view}
 * of them); then, after every block is done, dW over the whole batch with the rows of W cut among
 * the threads, and, for fused SGD, the update in the same product:
 * <pre>
 *   block b = rows [b·N/K, (b+1)·N/K) of a full batch of N rows    δ carries the batch's 1/n, not the block's
 *   thread t, rows R_t of W:   dW[R_t] = x[:, R_t]ᵀ·δ                x: the layer's input, all n rows
 *   fused SGD:                 W[R_t] ← (1 − lr·λ)·W[R_t] − lr·x[:, R_t]ᵀ·δ
 *   b ← b − lr·db_0 − lr·db_1 − …                                    on the calling thread, in block order
 * </pre>
 * No thread writes what another reads in the same phase: every layer's δ is computed with W as it
 * was, before any row of W changes. Block boundaries are fixed by the batch size (a shorter last
 * batch leaves the last blocks short or empty) and each element of W comes from one product, so a
 * given thread count gives the same weights run after run. Each block draws its rows' dropout
 * masks in its own forward pass; a row's mask depends only on the row and the epoch
 * ({@link DropoutMasks}), so the masks are those of one thread. After construction a step
 * allocates nothing; the blocks hold no buffers of their own but a db.
 */
final class SplitBatchPath implements TrainingPath, TrainingWorkers.Tasks {

    private static final int DELTAS = 0;
    private static final int WEIGHTS = 1;

    private final int threads;
    private final FastPath[] blocks;
    /** The whole batch's buffers, of which every block is a view of some rows, and the network's W, b, dW and db. */
    private final FastPath whole;
    private final FastLayer[] layers;
    private final int capacity;
    /** Per layer and thread: the rows of W and of dW that the thread computes, and the layer input's matching columns. */
    private final Matrix[][] weightRows;
    private final Matrix[][] gradientRows;
    private final Matrix[][] inputColumns;

    // the step in hand, set on the calling thread before the tasks run
    private int phase;
    private INDArray features;
    private INDArray targets;
    private int[] order;
    private int from;
    private int rows;
    private int blockCount;
    private boolean update;
    private double learningRate;
    private double l2;
    private double[] weights;
    private double batchWeight;
    private final double[] blockWeights;

    /**
     * A path that trains {@code layers} in batches of at most {@code capacity} rows, each cut into
     * {@code threads} blocks; the rest as {@link FastPath}'s constructor.
     */
    SplitBatchPath(List<Layer> layers, LossKernel loss, boolean fused, DataType dataType, int capacity,
                   DropoutMasks dropout, int threads) {
        if (threads < 2 || threads > capacity) {
            throw new IllegalArgumentException("a batch of " + capacity + " rows cannot be cut into " + threads
                    + " blocks: expected 2 to " + capacity);
        }
        this.threads = threads;
        this.capacity = capacity;
        this.whole = new FastPath(layers, loss, fused, dataType, capacity, dropout);
        this.blocks = new FastPath[threads];
        for (int b = 0; b < threads; b++) {
            blocks[b] = whole.rows(blockStart(b, capacity), blockStart(b + 1, capacity));
        }
        this.layers = new FastLayer[layers.size()];
        this.weightRows = new Matrix[layers.size()][];
        this.gradientRows = new Matrix[layers.size()][];
        this.inputColumns = new Matrix[layers.size()][];
        for (int i = 0; i < layers.size(); i++) {
            FastLayer layer = whole.layer(i);
            this.layers[i] = layer;
            // thread t computes rows [t·nIn/T, (t+1)·nIn/T) of W; a thread may get none when nIn < T
            weightRows[i] = new Matrix[threads];
            gradientRows[i] = new Matrix[threads];
            inputColumns[i] = new Matrix[threads];
            for (int t = 0; t < threads; t++) {
                int first = t * layer.nIn / threads;
                int end = (t + 1) * layer.nIn / threads;
                if (first == end) {
                    continue;
                }
                weightRows[i][t] = layer.weights.rowBlock(first, end);
                gradientRows[i][t] = layer.weightGradient.rowBlock(first, end);
                inputColumns[i][t] = whole.input(i).columnBlock(first, end);
            }
        }
        this.blockWeights = new double[threads];
    }

    @Override
    public void weighRows(double[] rowWeights) {
        this.weights = rowWeights;
        for (FastPath block : blocks) {
            block.weighRows(rowWeights);
        }
    }

    @Override
    public void gradients(INDArray features, INDArray targets, int[] order, int from, int to) {
        step(features, targets, order, from, to, false, 0, 0);
        sumBiases();
    }

    @Override
    public void sgdStep(INDArray features, INDArray targets, int[] order, int from, int to, double learningRate,
                        double l2) {
        step(features, targets, order, from, to, true, learningRate, l2);
        updateBiases();
    }

    private void step(INDArray features, INDArray targets, int[] order, int from, int to, boolean update,
                      double learningRate, double l2) {
        this.features = features;
        this.targets = targets;
        this.order = order;
        this.from = from;
        this.rows = to - from;
        int count = 0;
        while (count < threads && blockStart(count, capacity) < rows) {
            count++;
        }
        this.blockCount = count;
        this.update = update;
        this.learningRate = learningRate;
        this.l2 = l2;
        if (weights != null) {
            // the batch's Σ w, summed in row order as FastPath sums it
            batchWeight = 0;
            for (int b = 0; b < blockCount; b++) {
                blockWeights[b] = 0;
                for (int r = start(b); r < start(b + 1); r++) {
                    blockWeights[b] += weights[order[from + r]];
                    batchWeight += weights[order[from + r]];
                }
            }
        }
        phase = DELTAS;
        TrainingWorkers.run(blockCount, threads, this);
        phase = WEIGHTS;
        TrainingWorkers.run(threads, threads, this);
    }

    /**
     * The first row (within the batch) of block {@code b}: blocks start where they would in a full
     * batch, so a shorter batch leaves the last blocks short or empty; {@code start(blockCount)} is the
     * batch's size.
     */
    private int start(int b) {
        return Math.min(blockStart(b, capacity), rows);
    }

    /** Where block {@code b} starts in a batch of {@code capacity} rows. */
    private int blockStart(int b, int capacity) {
        return (int) ((long) b * capacity / threads);
    }

    @Override
    public void run(int task) {
        if (phase == DELTAS) {
            blocks[task].blockDeltas(features, targets, order, from + start(task), from + start(task + 1), rows,
                    batchWeight);
        } else {
            weightRows(task);
        }
    }

    /**
     * Thread {@code t}'s rows of every layer's dW (or, fused, of W): one product over the whole
     * batch's input columns and δ, which the blocks wrote into the whole batch's buffers.
     */
    private void weightRows(int t) {
        for (int i = 0; i < layers.length; i++) {
            Matrix target = update ? weightRows[i][t] : gradientRows[i][t];
            if (target == null) {
                continue;
            }
            Blas.gemm(true, false, target.rows, target.columns, rows, update ? -learningRate : 1, inputColumns[i][t],
                    layers[i].delta, update ? 1 - learningRate * l2 : 0, target);
        }
    }

    /** db = db_0 + db_1 + … (a row per layer: not worth a hand-over). */
    private void sumBiases() {
        for (int i = 0; i < layers.length; i++) {
            Blas.copy(blocks[0].layer(i).biasGradient, layers[i].biasGradient);
            for (int b = 1; b < blockCount; b++) {
                Blas.axpy(1, blocks[b].layer(i).biasGradient, layers[i].biasGradient);
            }
        }
    }

    /** b ← b − lr·db_0 − lr·db_1 − … (no weight decay on biases, as in {@link FastLayer#backwardAndUpdate}). */
    private void updateBiases() {
        for (int i = 0; i < layers.length; i++) {
            for (int b = 0; b < blockCount; b++) {
                Blas.axpy(-learningRate, blocks[b].layer(i).biasGradient, layers[i].bias);
            }
        }
    }

    @Override
    public void release() {
        for (FastPath block : blocks) {
            block.release();
        }
        whole.release();
    }

    @Override
    public double batchLoss(LossKernel kernel) {
        // each block's loss is its mean; the batch's is their mean weighted by rows (or by Σ w)
        double loss = 0;
        for (int b = 0; b < blockCount; b++) {
            double share = weights == null ? (double) (start(b + 1) - start(b)) / rows
                    : batchWeight > 0 ? blockWeights[b] / batchWeight : 0;
            loss += share * blocks[b].batchLoss(kernel);
        }
        return loss;
    }

    @Override
    public int batchCorrect(int[] labels) {
        int correct = 0;
        for (int b = 0; b < blockCount; b++) {
            correct += blocks[b].batchCorrect(labels);
        }
        return correct;
    }
}
