package dev.scratchnet.engine;

import dev.scratchnet.Backend;
import dev.scratchnet.DataSet;
import dev.scratchnet.Layer;
import dev.scratchnet.Loss;
import dev.scratchnet.arithmetic.Arithmetic;
import dev.scratchnet.arithmetic.Backends;
import dev.scratchnet.arithmetic.DropoutMasks;
import dev.scratchnet.arithmetic.ReferenceArithmetic;
import dev.scratchnet.arithmetic.Trainer;
import dev.scratchnet.buffers.Matrix;
import dev.scratchnet.internal.Permutation;
import dev.scratchnet.kernels.LossKernel;
import dev.scratchnet.ops.OpTable;
import java.util.List;
import java.util.Optional;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The fast backend for one network: predictions through {@link FastInference}, gradients and
 * training through {@link FastPath}. A loss without a fast kernel (a user's own) is computed by the
 * reference backend for that call or fit, with a notice.
 */
final class FastArithmetic implements Arithmetic {

    private final List<Layer> layers;
    private final DataType dataType;
    private final FastInference inference;
    private final ReferenceArithmetic reference;
    private final TrainingThreads threads;
    /** Multiply-adds of one row's forward pass, Σ nIn·nOut: what decides whether a batch is shared. */
    private final long workPerRow;

    /** @param threads the training threads the network's builder asked for, 0 for the default */
    FastArithmetic(List<Layer> layers, DataType dataType, int threads) {
        this.layers = List.copyOf(layers);
        this.dataType = dataType;
        this.threads = TrainingThreads.of(threads);
        long work = 0;
        for (Layer layer : this.layers) {
            work += (long) layer.nIn() * layer.nOut();
        }
        this.workPerRow = work;
        this.inference = FastInference.of(this.layers);
        this.reference = new ReferenceArithmetic(this.layers, "reference");
    }

    @Override
    public Backend backend() {
        return Backend.FAST;
    }

    @Override
    public String describe() {
        return "fast";
    }

    @Override
    public String describeTrainingThreads() {
        return threads.describe();
    }

    /** How many threads share each batch of a fit in batches of at most {@code capacity} rows. */
    int trainingThreads(int capacity) {
        return threads.forBatches(capacity, workPerRow);
    }

    @Override
    public INDArray predict(INDArray x) {
        return inference.predict(x);
    }

    @Override
    public Optional<INDArray> predictIfFinite(INDArray x) {
        return Optional.ofNullable(inference.predictIfFinite(x));
    }

    @Override
    public void gradients(INDArray x, INDArray y, Loss loss) {
        LossKernel kernel = kernelOf(loss);
        if (kernel == null) {
            reference.gradients(x, y, loss);
            return;
        }
        new FastPath(layers, kernel, fused(loss), dataType, x.rows())
                .gradients(Matrix.readable(x), Matrix.readable(y), Permutation.identity(x.rows()), 0, x.rows());
    }

    @Override
    public double loss(Loss loss, INDArray p, INDArray y) {
        LossKernel kernel = kernelOf(loss);
        if (kernel == null || p.dataType() != y.dataType()) {
            return loss.value(p, y);
        }
        return kernel.value(Matrix.of(Matrix.readable(p)).values, Matrix.of(Matrix.readable(y)).values, p.rows());
    }

    @Override
    public Trainer trainer(Loss loss, DataSet train, int batchCapacity, DropoutMasks dropout) {
        LossKernel kernel = kernelOf(loss);
        if (kernel == null) {
            return reference.trainer(loss, train, batchCapacity, dropout);
        }
        int count = trainingThreads(batchCapacity);
        TrainingPath path = count > 1
                ? new SplitBatchPath(layers, kernel, fused(loss), dataType, batchCapacity, dropout, count)
                : new FastPath(layers, kernel, fused(loss), dataType, batchCapacity, dropout);
        if (train.hasWeights()) {
            path.weighRows(train.weights());
        }
        return new FastTrainer(path, kernel, Matrix.readable(train.features()), Matrix.readable(train.targets()),
                dropout);
    }

    private boolean fused(Loss loss) {
        return OpTable.fused(layers.get(layers.size() - 1).activation(), loss);
    }

    /** The loss's kernel, or null (after a one-time notice) when it has none. */
    private static LossKernel kernelOf(Loss loss) {
        return Backends.fastLoss(loss) ? OpTable.of(loss).map(op -> op.kernel().apply(loss)).orElseThrow() : null;
    }

    /** The batches of one fit through one {@link TrainingPath}, reading the training set in place. */
    private static final class FastTrainer implements Trainer {

        private final TrainingPath path;
        private final LossKernel loss;
        private final INDArray features;
        private final INDArray targets;
        /** The training's dropout, or null without. */
        private final DropoutMasks dropout;
        private int[] order;

        FastTrainer(TrainingPath path, LossKernel loss, INDArray features, INDArray targets, DropoutMasks dropout) {
            this.path = path;
            this.dropout = dropout;
            this.loss = loss;
            this.features = features;
            this.targets = targets;
        }

        @Override
        public void startEpoch(int epoch, int[] order, int[] maskRows, int rows) {
            if (dropout != null) {
                dropout.startEpoch(epoch, maskRows, rows);
            }
            this.order = order;
        }

        @Override
        public double gradients(int from, int to) {
            path.gradients(features, targets, order, from, to);
            return path.batchLoss(loss);
        }

        @Override
        public boolean offersFusedSgd() {
            return true;
        }

        @Override
        public double sgdStep(int from, int to, double learningRate, double l2) {
            path.sgdStep(features, targets, order, from, to, learningRate, l2);
            return path.batchLoss(loss);
        }

        @Override
        public int lastBatchCorrect(int[] labels) {
            return path.batchCorrect(labels);
        }

        @Override
        public void release() {
            path.release();
        }
    }
}
