package dev.scratchnet.spark;

import dev.scratchnet.BatchResult;
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
import dev.scratchnet.buffers.NativeVector;
import dev.scratchnet.internal.Checks;
import dev.scratchnet.internal.PlannedRates;
import dev.scratchnet.internal.Permutation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * The driver's side of {@link SparkTraining}: the epochs and steps of {@code Network.fit}, with
 * each step's gradient computed by the partitions.
 * <pre>
 *   broadcast the plan (model file, loss, batch size); set up a worker per partition, count rows
 *   for each epoch:
 *     learning rate ← schedule(epoch, history)
 *     global order ← the fit seed's shuffle of all rows (as fit draws it), broadcast
 *     for each global batch of batchSize positions:
 *       broadcast the weights; every partition sends its share (mean gradient, rows, loss)
 *       gradient ← Σ (n_p / n) · g_p, in partition order          ({@link GlobalBatch})
 *       dW += λ·W; optimizer step at the epoch's rate               (the state lives here)
 *     loss and accuracy = averages over the epoch's batches; validation on the driver
 *     stop on divergence, early stopping or a listener's request
 * </pre>
 */
final class SynchronousTraining {

    private final Network network;
    private final Fit fit;
    private final JavaRDD<DataSet> data;
    private final JavaSparkContext spark;
    private final List<Parameter> parameters;
    private final List<TrainingListener> listeners;
    private final boolean batchEvents;
    private final DataSet validation;
    private final List<EpochResult> results = new ArrayList<>();
    private final EarlyStop earlyStop;
    private double[] lastGood;
    private boolean classes;
    private double rate;

    SynchronousTraining(Network network, JavaRDD<DataSet> data, Fit fit) {
        this.network = network;
        this.fit = fit;
        this.data = data;
        this.spark = JavaSparkContext.fromSparkContext(data.context());
        this.parameters = FlatParameters.of(network);
        this.listeners = fit.listeners();
        this.batchEvents = listeners.stream().anyMatch(TrainingListener::wantsBatches);
        this.validation = fit.validation().orElse(null);
        this.earlyStop = fit.earlyStoppingPatience() > 0
                ? new EarlyStop(fit.earlyStoppingPatience(), fit.earlyStoppingMinDelta()) : null;
    }

    TrainingHistory run() {
        String trainingId = UUID.randomUUID().toString();
        Broadcast<TrainingPlan> plan = spark.broadcast(TrainingPlan.of(trainingId, network, fit.loss(), fit.batchSize()));
        TrainingHistory history;
        try {
            int[] offsets = offsets(StepJobs.prepare(data, plan));
            history = train(plan, offsets);
        } catch (RuntimeException | Error e) {
            try {
                cleanUp(trainingId, plan);
            } catch (RuntimeException cleanUpFailure) {
                e.addSuppressed(cleanUpFailure);
            }
            throw e;
        }
        cleanUp(trainingId, plan);
        return history;
    }

    private void cleanUp(String trainingId, Broadcast<TrainingPlan> plan) {
        try {
            StepJobs.forget(data, trainingId);
        } finally {
            plan.destroy();
        }
    }

    /** Partition p's rows are global rows {@code [offsets[p], offsets[p + 1])}; refuses rows that cannot train. */
    private int[] offsets(List<PartitionSummary> summaries) {
        int[] offsets = new int[summaries.size() + 1];
        classes = true;
        for (PartitionSummary summary : summaries) {
            if (summary.problem() != null) {
                throw new IllegalArgumentException("partition " + summary.partition() + " of the data: "
                        + summary.problem());
            }
            long next = (long) offsets[summary.partition()] + summary.rows();
            if (next > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("the data holds more than " + (Integer.MAX_VALUE - 8)
                        + " rows; train on a sample of it");
            }
            offsets[summary.partition() + 1] = (int) next;
            classes &= summary.classes();
        }
        if (offsets[summaries.size()] == 0) {
            throw new IllegalArgumentException("the data holds no rows (" + summaries.size() + " empty partitions)");
        }
        return offsets;
    }

    private TrainingHistory train(Broadcast<TrainingPlan> plan, int[] offsets) {
        int rows = offsets[offsets.length - 1];
        Random random = Permutation.generator(fit.seed() != null ? fit.seed() : network.seed());
        double initialRate = fit.optimizer().learningRate();
        PlannedRates.require(fit.schedule(), initialRate, fit.epochs());
        OptimizerState optimizer = fit.optimizer().start(parameters);
        listeners.forEach(TrainingListener::onTrainingStart);
        lastGood = FlatParameters.values(parameters);
        StopReason reason = epochs(new Steps(plan, offsets, optimizer), rows, random, initialRate);
        if (earlyStop != null && earlyStop.best() != null) {
            FlatParameters.setValues(parameters, earlyStop.best());
        }
        TrainingHistory history = TrainingHistory.of(results, reason);
        listeners.forEach(listener -> listener.onTrainingEnd(history));
        return history;
    }

    /** Runs the epochs; returns why they stopped. */
    private StopReason epochs(Steps steps, int rows, Random random, double initialRate) {
        int batches = (int) ((rows + (long) fit.batchSize() - 1) / fit.batchSize());
        for (int epoch = 1; epoch <= fit.epochs(); epoch++) {
            rate = Checks.positive("learning rate from the schedule at epoch " + epoch,
                    fit.schedule().learningRate(epoch, initialRate, Collections.unmodifiableList(results)));
            EpochStart start = new EpochStart(epoch, fit.epochs(), batches, rate);
            listeners.forEach(listener -> listener.onEpochStart(start));
            int[] order = fit.shuffle() ? Permutation.of(rows, random) : Permutation.identity(rows);
            EpochTotals totals = steps.epoch(epoch, batches, order);
            if (totals.rows == 0) {
                return StopReason.INTERRUPTED;
            }
            EpochResult result = measure(epoch, totals);
            lastGood = FlatParameters.values(parameters);
            results.add(result);
            listeners.forEach(listener -> listener.onEpochEnd(result));
            boolean stopAsked = totals.stopAsked | stopRequested();
            if (totals.interrupted) {
                return StopReason.INTERRUPTED;
            }
            if (earlyStop != null && earlyStop.shouldStop(result.validationLoss(), parameters)) {
                return StopReason.EARLY_STOPPING;
            }
            if (stopAsked) {
                return StopReason.STOPPED_BY_LISTENER;
            }
        }
        return StopReason.COMPLETED;
    }

    /** The epoch's numbers: training loss and accuracy over the batches that ran, validation on the driver. */
    private EpochResult measure(int epoch, EpochTotals totals) {
        double loss = totals.loss / totals.rows;
        double accuracy = classes ? (double) totals.correct / totals.rows : Double.NaN;
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
    private TrainingDivergedException diverged(String what, double loss, int epoch, int batch, int batches) {
        FlatParameters.setValues(parameters, lastGood);
        TrainingHistory history = TrainingHistory.of(results, StopReason.DIVERGED);
        listeners.forEach(listener -> listener.onTrainingEnd(history));
        String where = batch > 0 ? "epoch " + epoch + ", batch " + batch + " of " + batches : "epoch " + epoch;
        String kept = results.isEmpty() ? "the initial weights" : "the weights after epoch " + results.size();
        return new TrainingDivergedException(what + " became " + loss + " at " + where
                + "; try a smaller learning rate (now " + rate + "); the network keeps " + kept, epoch, batch, history);
    }

    private boolean stopRequested() {
        boolean stop = false;
        for (TrainingListener listener : listeners) {
            stop |= listener.stopRequested();
        }
        return stop;
    }

    /** What one epoch's batches add up to. */
    private static final class EpochTotals {
        double loss;
        int correct;
        int rows;
        boolean stopAsked;
        boolean interrupted;
    }

    /** The steps of the epochs: one Spark job each, the update on the driver. */
    private final class Steps {

        private final Broadcast<TrainingPlan> plan;
        private final int[] offsets;
        private final OptimizerState optimizer;
        private final List<NativeVector> decayingValues = new ArrayList<>();
        private final List<NativeVector> decayingGradients = new ArrayList<>();
        private final int length;

        Steps(Broadcast<TrainingPlan> plan, int[] offsets, OptimizerState optimizer) {
            this.plan = plan;
            this.offsets = offsets;
            this.optimizer = optimizer;
            this.length = FlatParameters.length(parameters);
            for (Parameter parameter : parameters) {
                if (parameter.decays() && fit.l2() > 0) {
                    decayingValues.add(NativeVector.of(parameter.value()));
                    decayingGradients.add(NativeVector.of(parameter.gradient()));
                }
            }
        }

        /** The global batches of one epoch, taking the rows in {@code order}. */
        EpochTotals epoch(int epoch, int batches, int[] order) {
            EpochTotals totals = new EpochTotals();
            Broadcast<int[]> sharedOrder = spark.broadcast(order);
            try {
                for (int batch = 1; batch <= batches; batch++) {
                    if (Thread.currentThread().isInterrupted()) {
                        totals.interrupted = true;
                        return totals;
                    }
                    GlobalBatch step = step(epoch, batch - 1, sharedOrder);
                    if (!Double.isFinite(step.loss())) {
                        throw diverged("loss", step.loss(), epoch, batch, batches);
                    }
                    totals.loss += step.loss() * step.rows();
                    totals.correct += step.correct();
                    totals.rows += step.rows();
                    if (batchEvents) {
                        BatchResult result = new BatchResult(epoch, batch, batches, step.loss());
                        listeners.forEach(listener -> listener.onBatchEnd(result));
                        if (stopRequested()) {
                            totals.stopAsked = true;
                            return totals;
                        }
                    }
                }
                return totals;
            } finally {
                sharedOrder.destroy();
            }
        }

        /** One step: the partitions' gradients at the current weights, then the update. */
        private GlobalBatch step(int epoch, int step, Broadcast<int[]> order) {
            Broadcast<double[]> weights = spark.broadcast(FlatParameters.values(parameters));
            List<PartitionGradient> shares;
            try {
                shares = StepJobs.step(data, plan, order, offsets, epoch, step, weights);
            } finally {
                weights.destroy();
            }
            GlobalBatch batch = GlobalBatch.of(shares, length);
            if (Double.isFinite(batch.loss())) {
                FlatParameters.setGradients(parameters, batch.gradient());
                // weight decay: dW += λ·W
                for (int i = 0; i < decayingValues.size(); i++) {
                    NativeVector.axpy(fit.l2(), decayingValues.get(i), decayingGradients.get(i));
                }
                // update
                optimizer.step(rate);
            }
            return batch;
        }
    }
}
