package dev.scratchnet.spark;

import dev.scratchnet.DataSet;
import dev.scratchnet.EpochResult;
import dev.scratchnet.EpochStart;
import dev.scratchnet.Fit;
import dev.scratchnet.Network;
import dev.scratchnet.OptimizerState;
import dev.scratchnet.Parameter;
import dev.scratchnet.StopReason;
import dev.scratchnet.TrainingDivergedException;
import dev.scratchnet.TrainingHistory;
import dev.scratchnet.TrainingListener;
import dev.scratchnet.internal.Checks;
import dev.scratchnet.internal.PlannedRates;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The driver's side of {@link SparkTraining#averageEvery(int) parameter averaging}:
 * <pre>
 *   broadcast the plan; set up a worker per partition (its rows, a network, an optimizer state)
 *   state ← the network's weights, the optimizer's fresh (zero) state
 *   for each epoch:  rate ← schedule(epoch, history)
 *     for each round, until every partition has taken its ⌈rows_p / batchSize⌉ steps:
 *       broadcast state; partition p takes up to k local steps, returns (n_p, w_p, s_p)
 *       state ← Σ (n_p / n) · (w_p, s_p), in partition order, in float64        (one Spark job)
 *     loss and accuracy over the epoch's local batches; validation on the driver
 *     stop on divergence, early stopping or a listener's request
 * </pre>
 * The optimizer's state (Adam's moments, momentum's velocity) is averaged exactly as the weights
 * are, and its step count is the largest among the partitions, so each partition continues the
 * averaged optimizer. Same data in the same partitions, same weights bit for bit.
 */
final class AveragingTraining {

    /** The times of the last averaging training in this JVM (for the benchmark). */
    static volatile RoundTimes lastTimes = new RoundTimes(0, 0, 0);

    private final Network network;
    private final Fit fit;
    private final JavaRDD<DataSet> data;
    private final JavaSparkContext spark;
    private final int localSteps;
    private final List<Parameter> parameters;
    private final List<TrainingListener> listeners;
    private final DataSet validation;
    private final List<EpochResult> results = new ArrayList<>();
    private final EarlyStop earlyStop;
    private double[] lastGood;
    private boolean classes;
    private double rate;
    private int roundsRun;
    private long roundNanos;
    private long workerNanos;

    AveragingTraining(Network network, JavaRDD<DataSet> data, Fit fit, int localSteps) {
        this.network = network;
        this.fit = fit;
        this.data = data;
        this.spark = JavaSparkContext.fromSparkContext(data.context());
        this.localSteps = localSteps;
        this.parameters = FlatParameters.of(network);
        this.listeners = fit.listeners();
        this.validation = fit.validation().orElse(null);
        this.earlyStop = fit.earlyStoppingPatience() > 0
                ? new EarlyStop(fit.earlyStoppingPatience(), fit.earlyStoppingMinDelta()) : null;
    }

    /** Refuses what averaging does not do, as {@link SparkTraining#fit(Network, JavaRDD, Fit)} refuses it. */
    static void refuseUnsupported(Network network, Fit fit) {
        if (fit.validationSplit() > 0) {
            throw new IllegalArgumentException("SparkTraining does not hold out validationSplit(" + fit.validationSplit()
                    + "): split the rows yourself (say with randomSplit) and pass the held-out ones with"
                    + " Fit.builder().validation(dataSet)");
        }
        for (int i = 0; i < network.numLayers(); i++) {
            if (network.dropoutRate(i) > 0) {
                throw new IllegalArgumentException("averaging does not draw dropout masks yet, but dense layer "
                        + (i + 1) + " has dropout " + network.dropoutRate(i) + "; train this network with fit");
            }
        }
        if (!fit.classWeights().isEmpty() || fit.clipNorm() > 0 || fit.clipValue() > 0
                || fit.checkpointDirectory() != null || fit.resumeFrom() != null) {
            throw new IllegalArgumentException("averaging does not apply class weights, clipping, checkpoints or "
                    + "resumeFrom yet; this fit asks for one of them: train with fit or SparkTraining.exact(), or"
                    + " leave them out");
        }
    }

    TrainingHistory run() {
        OptimizerState fresh = fit.optimizer().start(parameters);
        if (!fresh.savable()) {
            throw new IllegalArgumentException("averaging needs an optimizer whose state is its arrays() (savable()),"
                    + " but " + fit.optimizer().name() + "'s is not; use SparkTraining.exact()");
        }
        String trainingId = UUID.randomUUID().toString();
        long seed = fit.seed() != null ? fit.seed() : network.seed();
        AveragingPlan settings = new AveragingPlan(TrainingPlan.of(trainingId, network, fit.loss(), fit.batchSize(), List.of()),
                fit.optimizer(), fit.l2(), localSteps, seed, fit.shuffle());
        Broadcast<AveragingPlan> plan = spark.broadcast(settings);
        try {
            int[] rows = rows(RoundJobs.prepare(data, plan));
            return train(plan, rows, initialState(fresh));
        } finally {
            try {
                StepJobs.forget(data, trainingId);
            } finally {
                plan.destroy();
            }
        }
    }

    /** Each partition's rows; refuses rows that cannot train. */
    private int[] rows(List<PartitionSummary> summaries) {
        int[] rows = new int[summaries.size()];
        long total = 0;
        classes = true;
        for (PartitionSummary summary : summaries) {
            if (summary.problem() != null) {
                throw new IllegalArgumentException("partition " + summary.partition() + " of the data: "
                        + summary.problem());
            }
            rows[summary.partition()] = summary.rows();
            total += summary.rows();
            classes &= summary.classes();
        }
        if (total == 0) {
            throw new IllegalArgumentException("the data holds no rows (" + summaries.size() + " empty partitions)");
        }
        return rows;
    }

    private ModelState initialState(OptimizerState fresh) {
        List<INDArray> arrays = fresh.arrays();
        double[][] optimizer = new double[arrays.size()][];
        for (int i = 0; i < optimizer.length; i++) {
            optimizer[i] = FlatParameters.flatten(arrays.get(i));
        }
        return new ModelState(FlatParameters.values(parameters), optimizer, fresh.steps());
    }

    private TrainingHistory train(Broadcast<AveragingPlan> plan, int[] rows, ModelState start) {
        double initialRate = fit.optimizer().learningRate();
        PlannedRates.require(fit.schedule(), initialRate, fit.epochs());
        int rounds = rounds(rows);
        listeners.forEach(TrainingListener::onTrainingStart);
        ModelState state = start;
        lastGood = start.weights();
        StopReason reason = StopReason.COMPLETED;
        for (int epoch = 1; epoch <= fit.epochs(); epoch++) {
            rate = Checks.positive("learning rate from the schedule at epoch " + epoch,
                    fit.schedule().learningRate(epoch, initialRate, Collections.unmodifiableList(results)));
            EpochStart epochStart = new EpochStart(epoch, fit.epochs(), rounds, rate);
            listeners.forEach(listener -> listener.onEpochStart(epochStart));
            double lossSum = 0;
            long correct = 0;
            long seen = 0;
            for (int round = 0; round < rounds; round++) {
                List<RoundShare> shares = round(plan, rows, epoch, round, state);
                for (RoundShare share : shares) {
                    lossSum += share.lossSum();
                    correct += share.correct();
                    seen += share.rows();
                }
                if (!Double.isFinite(lossSum)) {
                    throw diverged("loss", lossSum / seen, epoch, round + 1, rounds);
                }
                long averaging = System.nanoTime();
                state = average(shares);
                roundNanos += System.nanoTime() - averaging;
            }
            lastTimes = new RoundTimes(roundsRun, roundNanos, workerNanos);
            FlatParameters.setValues(parameters, state.weights());
            EpochResult result = measure(epoch, lossSum / seen, classes ? (double) correct / seen : Double.NaN);
            lastGood = state.weights();
            results.add(result);
            listeners.forEach(listener -> listener.onEpochEnd(result));
            if (earlyStop != null && earlyStop.shouldStop(result.validationLoss(), parameters)) {
                reason = StopReason.EARLY_STOPPING;
                break;
            }
            if (stopRequested()) {
                reason = StopReason.STOPPED_BY_LISTENER;
                break;
            }
        }
        if (earlyStop != null && earlyStop.best() != null) {
            FlatParameters.setValues(parameters, earlyStop.best());
        }
        TrainingHistory history = TrainingHistory.of(results, reason);
        listeners.forEach(listener -> listener.onTrainingEnd(history));
        return history;
    }

    /** Rounds an epoch takes: until the partition with the most steps has taken them all. */
    private int rounds(int[] rows) {
        int most = 0;
        for (int partitionRows : rows) {
            most = Math.max(most, (int) ((partitionRows + (long) fit.batchSize() - 1) / fit.batchSize()));
        }
        return (most + localSteps - 1) / localSteps;
    }

    private List<RoundShare> round(Broadcast<AveragingPlan> plan, int[] rows, int epoch, int round, ModelState state) {
        long start = System.nanoTime();
        Broadcast<ModelState> sent = spark.broadcast(state);
        List<RoundShare> shares;
        try {
            shares = RoundJobs.round(data, plan, rows, epoch, round, rate, sent);
        } finally {
            sent.destroy();
        }
        long slowest = 0;
        for (RoundShare share : shares) {
            slowest = Math.max(slowest, share.nanos());
        }
        roundsRun++;
        roundNanos += System.nanoTime() - start;
        workerNanos += slowest;
        return shares;
    }

    /** Σ (n_p / n) · (w_p, s_p) over the partitions that took steps, in partition order, in float64. */
    static ModelState average(List<RoundShare> shares) {
        long rows = 0;
        ModelState shape = null;
        long steps = 0;
        for (RoundShare share : shares) {
            if (share.rows() > 0) {
                rows += share.rows();
                shape = share.state();
                steps = Math.max(steps, share.state().optimizerSteps());
            }
        }
        if (shape == null) {
            throw new IllegalStateException("no partition took a step in this round");
        }
        double[] weights = new double[shape.weights().length];
        double[][] optimizer = new double[shape.optimizer().length][];
        for (int i = 0; i < optimizer.length; i++) {
            optimizer[i] = new double[shape.optimizer()[i].length];
        }
        for (RoundShare share : shares) {
            if (share.rows() > 0) {
                double weight = (double) share.rows() / rows;
                addScaled(weight, share.state().weights(), weights);
                for (int i = 0; i < optimizer.length; i++) {
                    addScaled(weight, share.state().optimizer()[i], optimizer[i]);
                }
            }
        }
        return new ModelState(weights, optimizer, steps);
    }

    private static void addScaled(double weight, double[] x, double[] sum) {
        for (int i = 0; i < sum.length; i++) {
            sum[i] += weight * x[i];
        }
    }

    private EpochResult measure(int epoch, double loss, double accuracy) {
        if (validation == null) {
            return new EpochResult(epoch, loss, accuracy, Double.NaN, Double.NaN, rate);
        }
        double validationLoss = network.loss(validation, fit.loss());
        if (!Double.isFinite(validationLoss)) {
            throw diverged("validation loss", validationLoss, epoch, 0, 0);
        }
        double validationAccuracy = classes ? network.evaluate(validation).accuracy() : Double.NaN;
        return new EpochResult(epoch, loss, accuracy, validationLoss, validationAccuracy, rate);
    }

    /** Puts back the last good epoch's weights, ends the listeners and builds the exception to throw. */
    private TrainingDivergedException diverged(String what, double loss, int epoch, int round, int rounds) {
        FlatParameters.setValues(parameters, lastGood);
        TrainingHistory history = TrainingHistory.of(results, StopReason.DIVERGED);
        listeners.forEach(listener -> listener.onTrainingEnd(history));
        String where = round > 0 ? "epoch " + epoch + ", round " + round + " of " + rounds : "epoch " + epoch;
        String kept = results.isEmpty() ? "the initial weights" : "the weights after epoch " + results.size();
        return new TrainingDivergedException(what + " became " + loss + " at " + where
                + "; try a smaller learning rate (now " + rate + "); the network keeps " + kept, epoch, round, history);
    }

    private boolean stopRequested() {
        boolean stop = false;
        for (TrainingListener listener : listeners) {
            stop |= listener.stopRequested();
        }
        return stop;
    }
}
