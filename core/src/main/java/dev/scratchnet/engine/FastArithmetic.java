package dev.scratchnet.engine;

import dev.scratchnet.Backend;
import dev.scratchnet.DataSet;
import dev.scratchnet.Layer;
import dev.scratchnet.Loss;
import dev.scratchnet.Plan;
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
 * The fast backend for one network: predictions through {@link FastInference}, gradients through
 * {@link FastPath}, training through the path its {@link TrainingPlans plan} names ({@link FastPath},
 * {@link SplitBatchPath} or {@link ThreadedBlasPath}). A loss without a fast kernel (a user's own) is computed by the
 * reference backend for that call or fit, with a notice.
 */
final class FastArithmetic implements Arithmetic {

    private final List<Layer> layers;
    private final DataType dataType;
    private final FastInference inference;
    private final ReferenceArithmetic reference;
    private final TrainingThreads threads;
    private final TrainingPlans plans;
    /** Multiply-adds of one row's forward pass, Σ nIn·nOut: what decides whether a batch is shared. */
    private final long workPerRow;

    /** @param threads the training threads the network's builder asked for, 0 for the default */
    FastArithmetic(List<Layer> layers, DataType dataType, int threads) {
        this.layers = List.copyOf(layers);
        this.dataType = dataType;
        this.threads = TrainingThreads.of(threads);
        this.plans = TrainingPlans.of(this.threads, null);
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

    @Override
    public String describePlan() {
        return plans.describe();
    }

    @Override
    public String planId() {
        PlanChoice last = plans.last();
        return last != null ? last.id() : null;
    }

    @Override
    public void pinPlan(Plan plan) {
        plans.pin(plan);
    }

    @Override
    public void resumePlan(String id) {
        plans.resume(id);
    }

    /** How many threads share each batch of a fit in batches of at most {@code capacity} rows, by the rule. */
    int trainingThreads(int capacity) {
        return threads.forBatches(capacity, workPerRow);
    }

    /** The shape a plan is chosen for: the data type, the widths and the batch capacity. */
    private String shape(int capacity) {
        StringBuilder widths = new StringBuilder(String.valueOf(layers.get(0).nIn()));
        for (Layer layer : layers) {
            widths.append('-').append(layer.nOut());
        }
        return dataType.name().toLowerCase(java.util.Locale.ROOT) + " " + widths + " batch " + capacity;
    }

    /** A path that trains batches of at most {@code capacity} rows as {@code plan} says. */
    private TrainingPath path(PlanChoice plan, LossKernel kernel, boolean fused, int capacity, DropoutMasks dropout) {
        return path(layers, dataType, plan, kernel, fused, capacity, dropout);
    }

    /** A path that trains {@code layers}' batches of at most {@code capacity} rows as {@code plan} says. */
    static TrainingPath path(List<Layer> layers, DataType dataType, PlanChoice plan, LossKernel kernel, boolean fused,
                             int capacity, DropoutMasks dropout) {
        return switch (plan.plan()) {
            case SPLIT_ROWS -> new SplitBatchPath(layers, kernel, fused, dataType, capacity, dropout, plan.threads());
            case THREADED_BLAS -> new ThreadedBlasPath(new FastPath(layers, kernel, fused, dataType, capacity, dropout),
                    plan.threads());
            case SPLIT_PRODUCTS -> new FastPath(layers, kernel, fused, dataType, capacity, dropout, plan.threads(),
                    SplitProduct.SPLIT_WORK);
            case ONE_THREAD -> new FastPath(layers, kernel, fused, dataType, capacity, dropout);
        };
    }

    /**
     * Times a gradient step of each candidate on a batch of random rows ({@link StepTimer}) within
     * {@code budget}: the layers' dW and db are written, their W and b are not, and no dropout runs.
     * Empty when the JIT or the collector disturbed too many rounds.
     */
    private Optional<long[]> probe(List<PlanChoice> candidates, LossKernel kernel, boolean fused, int capacity,
                         StepTimer.Budget budget) {
        try (ProbeBatch batch = ProbeBatch.of(layers, dataType, candidates, kernel, fused, capacity)) {
            return batch.time(budget).times();
        }
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
        boolean fused = fused(loss);
        int stepsAnEpoch = (train.size() + batchCapacity - 1) / batchCapacity;
        PlanChoice plan = plans.choose(batchCapacity, workPerRow, shape(batchCapacity),
                candidates -> probe(candidates, kernel, fused, batchCapacity, StepTimer.Budget.forFit(stepsAnEpoch)));
        TrainingPath path = path(plan, kernel, fused, batchCapacity, dropout);
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
