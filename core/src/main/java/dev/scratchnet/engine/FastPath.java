package dev.scratchnet.engine;

import dev.scratchnet.Layer;
import dev.scratchnet.arithmetic.DropoutMasks;
import dev.scratchnet.buffers.Matrix;
import dev.scratchnet.internal.Accuracy;
import dev.scratchnet.kernels.DropoutKernel;
import dev.scratchnet.kernels.LossKernel;
import dev.scratchnet.kernels.SoftmaxCrossEntropyKernel;
import dev.scratchnet.kernels.WeightedMeanKernel;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Gradients of one mini-batch through direct BLAS calls and the op table's kernels, with every
 * buffer allocated once: after construction a training step allocates nothing. The math is the
 * reference backend's ({@code ReferenceArithmetic}, {@code Dense}):
 * <pre>
 *   forward:   z = xW + b,  a = f(z)                          layer by layer
 *   output:    δ = (p·Σy − y) / n                              softmax + cross-entropy (fused)
 *              δ = f'(z) ⊙ dL/dp                               any other pair
 *   backward:  dW = xᵀδ,  db = Σ_rows δ,  δ_prev = f'_prev(z_prev) ⊙ δWᵀ
 * </pre>
 * Bias gradients go through BLAS with a column of ones (bᵀ = δᵀ·1). One instance serves one
 * training run on one thread; in a {@link SplitBatchPath}, one holds the whole batch's buffers and
 * each block of rows works through a view of some of its rows ({@link #rows}).
 */
final class FastPath implements TrainingPath {

    private final List<FastLayer> layers;
    private final Matrix input;
    private final Matrix targets;
    private final Matrix ones;
    private final LossKernel loss;
    private final boolean fusedSoftmaxCrossEntropy;
    private final int capacity;
    /** Whether this path is rows of another's buffers ({@link #rows}), which owns them. */
    private final boolean view;
    private int lastBatchRows;
    private int lastFrom;
    private int[] lastOrder;
    private Matrix sourceFeatures;
    private Matrix sourceTargets;
    /** The training rows' weights (indexed as the data set's rows), or null when every row weighs 1. */
    private double[] weights;
    /** The weighted loss's row views, made with the weights. */
    private WeightedMeanKernel weightedMean;
    /** The training's dropout (its rates and stream), or null without dropout. */
    private final DropoutMasks dropout;

    /**
     * A fast path for training {@code layers} in batches of at most {@code capacity} rows with a loss
     * whose kernel is {@code loss} (unused when {@code fused}).
     */
    FastPath(List<Layer> layers, LossKernel loss, boolean fused, DataType dataType, int capacity) {
        this(layers, loss, fused, dataType, capacity, null);
    }

    /**
     * As above, with {@code dropout}'s masks drawn in every forward pass (none when null), each
     * row's from its place in the stream, as the reference backend draws it.
     */
    FastPath(List<Layer> layers, LossKernel loss, boolean fused, DataType dataType, int capacity,
             DropoutMasks dropout) {
        this(layers, loss, fused, dataType, capacity, dropout, 1, 0);
    }

    /**
     * As above, with each step's large matrix products shared between {@code productThreads}
     * threads, cut by their output's columns ({@link SplitProduct}; the split-products plan),
     * when it is 2 or more, those of at least {@code minProductWork} multiply-adds
     * ({@link SplitProduct#SPLIT_WORK} but in tests); the element-wise work stays on the calling thread.
     */
    FastPath(List<Layer> layers, LossKernel loss, boolean fused, DataType dataType, int capacity,
             DropoutMasks dropout, int productThreads, long minProductWork) {
        List<FastLayer> fast = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            fast.add(new FastLayer(layers.get(i), capacity, dataType, dropout != null ? dropout.rate(i) : 0,
                    productThreads, minProductWork));
        }
        this.dropout = dropout;
        this.layers = List.copyOf(fast);
        // the batch is gathered into them before it is read, so recycled buffers do (Matrix.scratch)
        this.input = Matrix.scratch(dataType, capacity, layers.get(0).nIn());
        this.targets = Matrix.scratch(dataType, capacity, layers.get(layers.size() - 1).nOut());
        this.ones = Matrix.of(Nd4j.ones(dataType, capacity, 1));
        this.loss = loss;
        this.fusedSoftmaxCrossEntropy = fused;
        this.capacity = capacity;
        this.view = false;
    }

    /** Rows {@code from} to {@code to} of {@code whole}'s buffers as a path of their own (see {@link #rows}). */
    private FastPath(FastPath whole, int from, int to) {
        List<FastLayer> fast = new ArrayList<>();
        for (FastLayer layer : whole.layers) {
            fast.add(new FastLayer(layer, from, to));
        }
        this.dropout = whole.dropout;
        this.layers = List.copyOf(fast);
        this.input = whole.input.rowBlock(from, to);
        this.targets = whole.targets.rowBlock(from, to);
        this.ones = whole.ones.rowBlock(from, to);
        this.loss = whole.loss;
        this.fusedSoftmaxCrossEntropy = whole.fusedSoftmaxCrossEntropy;
        this.capacity = to - from;
        this.view = true;
    }

    /**
     * Rows {@code from} to {@code to} of this path's buffers as one block of a batch shared between
     * threads: its forward pass and δ land in these rows, its db is its own, and it draws its rows'
     * dropout masks itself (each row's depends on the row alone, see {@link SplitBatchPath}).
     */
    FastPath rows(int from, int to) {
        return new FastPath(this, from, to);
    }

    /**
     * Weighs the rows of the data sets this path trains on (see {@code losses.WeightedMean}): the
     * loss becomes {@code Σ wᵢ·lᵢ / Σ w} over each batch and the output δ's rows scale by
     * {@code n·wᵢ / Σ w}, fused update included.
     */
    @Override
    public void weighRows(double[] rowWeights) {
        this.weights = rowWeights;
        FastLayer last = layers.get(layers.size() - 1);
        this.weightedMean = new WeightedMeanKernel(last.a.values, targets.values);
    }

    /**
     * Fills every layer's dW and db with the gradient of the loss on rows {@code order[from..to)}
     * of {@code features} and {@code targets} (whole data sets, see {@link Matrix#readable}).
     */
    @Override
    public void gradients(INDArray features, INDArray targetRows, int[] order, int from, int to) {
        forward(features, targetRows, order, from, to, 0, 0);
        backward(false, 0, 0);
    }

    /**
     * For rows {@code order[from..to)} that are one block of a batch of {@code batchRows} rows whose
     * weights sum to {@code batchWeight} (unused without row weights): the forward pass, every
     * layer's δ and db, no dW (see {@link SplitBatchPath}). The output δ is the batch's,
     * {@code 1/batchRows} and not {@code 1/(to − from)}, so that the blocks' gradients sum to the
     * batch's.
     */
    void blockDeltas(INDArray features, INDArray targetRows, int[] order, int from, int to, int batchRows,
                     double batchWeight) {
        forward(features, targetRows, order, from, to, batchRows, batchWeight);
        int n = lastBatchRows;
        for (int i = layers.size() - 1; i >= 0; i--) {
            layers.get(i).blockBackward(n, i == 0 ? null : layers.get(i - 1).delta, ones);
            if (i > 0) {
                backThroughDropoutAndActivation(layers.get(i - 1), n);
            }
        }
    }

    /** What layer {@code i}'s input to the next was made of: the input for the first, else the layer before's output. */
    Matrix input(int i) {
        return i == 0 ? input : layers.get(i - 1).output();
    }

    /**
     * One step of plain SGD with weight decay {@code l2} on rows {@code order[from..to)}, the update
     * fused into the backward products (see {@link FastLayer#backwardAndUpdate}); the layers' dW and
     * db are not written.
     */
    @Override
    public void sgdStep(INDArray features, INDArray targetRows, int[] order, int from, int to,
                 double learningRate, double l2) {
        forward(features, targetRows, order, from, to, 0, 0);
        backward(true, learningRate, l2);
    }

    /**
     * Gathers the batch, runs it forward and leaves the output layer's δ = dL/dz in its buffer; for
     * a block of a larger batch ({@code batchRows > 0}), the batch's δ (see {@link #blockGradients}).
     */
    private void forward(INDArray features, INDArray targetRows, int[] order, int from, int to, int batchRows,
                         double batchWeight) {
        int n = to - from;
        lastBatchRows = n;
        lastFrom = from;
        lastOrder = order;
        if (n > capacity) {
            throw new IllegalArgumentException("batch of " + n + " rows exceeds the fast path's " + capacity);
        }
        // the data sets stay the same for a whole fit: wrap them once
        if (sourceFeatures == null || sourceFeatures.array() != features) {
            sourceFeatures = Matrix.of(features);
        }
        if (sourceTargets == null || sourceTargets.array() != targetRows) {
            sourceTargets = Matrix.of(targetRows);
        }
        gather(sourceFeatures, input, order, from, n);
        gather(sourceTargets, targets, order, from, n);
        Matrix x = input;
        for (int i = 0; i < layers.size(); i++) {
            // indexed loops here and below: an iterator would be an allocation per step
            FastLayer layer = layers.get(i);
            layer.forward(x, n);
            if (layer.dropped != null) {
                for (int r = 0; r < n; r++) {
                    DropoutKernel.drawRow(layer.mask.values, r, layer.dropoutRate, dropout.seed(),
                            dropout.first(from + r, i));
                }
                DropoutKernel.multiply(layer.a.values, layer.mask.values, layer.dropped.values, n);
            }
            x = layer.output();
        }
        // output δ
        FastLayer last = layers.get(layers.size() - 1);
        if (fusedSoftmaxCrossEntropy) {
            SoftmaxCrossEntropyKernel.gradient(last.a.values, targets.values, last.delta.values, n);
        } else {
            loss.gradient(last.a.values, targets.values, last.delta.values, n);
            last.activationBackward(n);
        }
        // the output activation's backward pass is linear and row by row: scaling δ scales dL/dp
        if (batchRows > 0) {
            scaleToBatch(last.delta, order, from, n, batchRows, batchWeight);
        } else if (weights != null) {
            WeightedMeanKernel.scaleRows(last.delta.values, weights, order, from, n);
        }
    }

    /**
     * Turns the δ of a block of {@code n} rows (the loss's mean over the block) into the block's part
     * of the batch's δ: row i times {@code n / batchRows}, or with row weights
     * {@code n·wᵢ / batchWeight} (the batch's {@code n·wᵢ / Σ w}, over the block's own {@code 1/n}).
     */
    private void scaleToBatch(Matrix delta, int[] order, int from, int n, int batchRows, double batchWeight) {
        int k = delta.columns;
        for (int i = 0; i < n; i++) {
            double factor = weights == null ? (double) n / batchRows
                    : batchWeight > 0 ? n * weights[order[from + i]] / batchWeight : 0;
            for (int c = i * k; c < (i + 1) * k; c++) {
                delta.values.set(c, delta.values.get(c) * factor);
            }
        }
    }

    /** Back-propagates the output δ through every layer, filling dW and db or, when {@code update}, applying SGD. */
    private void backward(boolean update, double learningRate, double l2) {
        int n = lastBatchRows;
        for (int i = layers.size() - 1; i >= 0; i--) {
            FastLayer layer = layers.get(i);
            Matrix x = i == 0 ? input : layers.get(i - 1).output();
            Matrix gradInput = i == 0 ? null : layers.get(i - 1).delta;
            if (update) {
                layer.backwardAndUpdate(x, n, gradInput, ones, learningRate, l2);
            } else {
                layer.backward(x, n, gradInput, ones);
            }
            if (i > 0) {
                backThroughDropoutAndActivation(layers.get(i - 1), n);
            }
        }
    }

    /** Turns {@code previous}'s δ from dL/d(its output) into dL/dz: through its dropout mask, then its activation. */
    private static void backThroughDropoutAndActivation(FastLayer previous, int n) {
        if (previous.dropped != null) {
            // dL/da = dL/da' ⊙ mask, then the activation's backward pass
            DropoutKernel.multiplyInPlace(previous.delta.values, previous.mask.values, n);
        }
        previous.activationBackward(n);
    }

    /** The loss of the last batch's predictions (before any update), by {@code kernel}'s loop. */
    @Override
    public double batchLoss(LossKernel kernel) {
        if (weights != null) {
            return weightedMean.value(kernel, weights, lastOrder, lastFrom, lastBatchRows);
        }
        return kernel.value(layers.get(layers.size() - 1).a.values, targets.values, lastBatchRows);
    }

    /** How many rows of the last batch were predicted (before the update) as {@code labels} of the data set says. */
    @Override
    public int batchCorrect(int[] labels) {
        return Accuracy.correct(layers.get(layers.size() - 1).a.values, lastBatchRows, labels, lastOrder, lastFrom);
    }

    @Override
    public void release() {
        if (view) {
            for (FastLayer layer : layers) {
                layer.release();
            }
            return;
        }
        input.free();
        targets.free();
        ones.free();
        for (FastLayer layer : layers) {
            layer.release();
        }
    }

    /** Layer {@code index} as this path trains it: its buffers, and its dW and db (a block's own in a split path). */
    FastLayer layer(int index) {
        return layers.get(index);
    }

    /** Copies rows {@code order[from .. from + n)} of {@code source} into the first {@code n} rows of {@code target}. */
    private static void gather(Matrix source, Matrix target, int[] order, int from, int n) {
        for (int row = 0; row < n; row++) {
            target.values.copyRow(source.values, order[from + row], row);
        }
    }
}
