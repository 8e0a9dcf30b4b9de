package dev.scratchnet;

import dev.scratchnet.internal.Checks;
import dev.scratchnet.internal.Permutation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;

/**
 * The epochs and batches of every training, whatever feeds them:
 * <pre>
 *   for each epoch:
 *     learning rate ← schedule(epoch, history)
 *     shuffle the rows (when asked)
 *     for each batch:  the step — the source's gradient, then clip, dW += λ·W, optimizer step ({@link BatchStep})
 *                      the batch's loss (and correct count) from that same forward pass
 *     training loss and accuracy = their averages over the epoch's rows (as Keras reports them);
 *     validation after the epoch's last update; then the parts' afterEpoch
 *   stop on divergence (checked every batch), early stopping, a listener's request or an interrupt
 * </pre>
 * Where the rows live is the source's business (the step's {@code Trainer}: a {@link DataSet} in
 * memory, Spark's partitions); everything a fit adds — checkpoints, diagnostics, early stopping,
 * the divergence guard, listeners — is a {@link TrainingPart} with its own state.
 */
final class TrainingLoop {

    private final Network network;
    private final Fit fit;
    private final BatchStep step;
    private final int rows;
    private final Validation validation;
    private final Listeners listeners;
    /** In the order their hooks run; the guard first, so that a divergence restores before anything measures. */
    private final List<TrainingPart> parts;
    private final List<EpochResult> results;
    /** The learning rate of the epoch that runs, as the schedule set it. */
    private double rate;

    /**
     * @param step    the step over the training rows, {@code rows} of them an epoch
     * @param history the epochs a resumed training ran already (empty when it starts afresh)
     */
    TrainingLoop(Network network, Fit fit, BatchStep step, int rows, Validation validation, Listeners listeners,
                 List<TrainingPart> parts, List<EpochResult> history) {
        this.network = network;
        this.fit = fit;
        this.step = step;
        this.rows = rows;
        this.validation = validation;
        this.listeners = listeners;
        this.parts = parts;
        this.results = new ArrayList<>(history);
    }

    /** Runs the epochs left, shuffling with {@code shuffling}; the history, however the training ended. */
    TrainingHistory run(Random shuffling) {
        StopReason reason = epochs(shuffling);
        synchronized (network.weightsLock()) {
            parts.forEach(TrainingPart::end);
        }
        TrainingHistory history = history(reason);
        listeners.trainingEnd(history);
        return history;
    }

    private StopReason epochs(Random shuffling) {
        // in long arithmetic: size + batchSize − 1 overflows an int for batchSize near Integer.MAX_VALUE
        int batches = (int) ((rows + (long) fit.batchSize() - 1) / fit.batchSize());
        double initialRate = fit.optimizer().learningRate();
        for (int epoch = results.size() + 1; epoch <= fit.epochs(); epoch++) {
            rate = Checks.positive("learning rate from the schedule at epoch " + epoch,
                    fit.schedule().learningRate(epoch, initialRate, Collections.unmodifiableList(results)));
            listeners.epochStart(new EpochStart(epoch, fit.epochs(), batches, rate));
            int[] order = fit.shuffle() ? Permutation.of(rows, shuffling) : Permutation.identity(rows);
            step.startEpoch(epoch, order);
            EpochTotals totals = batches(epoch, batches, order);
            if (totals.rows == 0) {
                // interrupted before the epoch's first batch: nothing of it to measure
                return StopReason.INTERRUPTED;
            }
            EpochResult result = measure(epoch, totals);
            results.add(result);
            EnumSet<StopReason> stops = EnumSet.noneOf(StopReason.class);
            for (TrainingPart part : parts) {
                StopReason stop = part.afterEpoch(result);
                if (stop != null) {
                    stops.add(stop);
                }
            }
            for (StopReason stop : List.of(StopReason.INTERRUPTED, StopReason.EARLY_STOPPING,
                    StopReason.STOPPED_BY_LISTENER)) {
                if (stops.contains(stop) || totals.stops.contains(stop)) {
                    return stop;
                }
            }
        }
        return StopReason.COMPLETED;
    }

    /** What one epoch's batches add up to, and why they ended early, if they did. */
    private static final class EpochTotals {
        double loss;
        int correct;
        int rows;
        final EnumSet<StopReason> stops = EnumSet.noneOf(StopReason.class);
    }

    /** The batches of one epoch; the thread's interrupt flag is checked before every batch and left set. */
    private EpochTotals batches(int epoch, int batches, int[] order) {
        EpochTotals totals = new EpochTotals();
        for (int batch = 1; batch <= batches; batch++) {
            if (Thread.currentThread().isInterrupted()) {
                totals.stops.add(StopReason.INTERRUPTED);
                return totals;
            }
            int start = (int) Math.min((long) (batch - 1) * fit.batchSize(), rows);
            int end = (int) Math.min((long) start + fit.batchSize(), rows);
            double loss;
            // a batch changes the weights under the lock, so a save sees them between two batches
            synchronized (network.weightsLock()) {
                for (TrainingPart part : parts) {
                    part.beforeStep(order, start, end, batch, batches);
                }
                loss = step.run(start, end, rate);
                for (TrainingPart part : parts) {
                    part.afterStep(batch, batches);
                }
            }
            if (!Double.isFinite(loss)) {
                throw diverged("loss", loss, epoch, batch, batches);
            }
            totals.loss += loss * step.rows();
            totals.correct += step.correct();
            totals.rows += step.rows();
            if (listeners.batchEnd(epoch, batch, batches, loss)) {
                totals.stops.add(StopReason.STOPPED_BY_LISTENER);
                return totals;
            }
        }
        return totals;
    }

    /**
     * The epoch's numbers: training loss and accuracy averaged over the rows of the batches that ran
     * (all of them, or those before a listener stopped the epoch), validation after its last update.
     */
    private EpochResult measure(int epoch, EpochTotals totals) {
        double loss = totals.loss / totals.rows;
        double accuracy = step.classes() ? (double) totals.correct / totals.rows : Double.NaN;
        Validation.Measured measured = validation.measure();
        if (!Double.isFinite(measured.loss()) && validation.present()) {
            throw diverged("validation loss", measured.loss(), epoch, 0, 0);
        }
        return new EpochResult(epoch, loss, accuracy, measured.loss(), measured.accuracy(), rate);
    }

    /** Puts back the last good epoch's weights, ends the listeners and builds the exception to throw. */
    private TrainingDivergedException diverged(String what, double loss, int epoch, int batch, int batches) {
        synchronized (network.weightsLock()) {
            parts.forEach(part -> part.diverged(epoch, batch, rate));
        }
        TrainingHistory history = history(StopReason.DIVERGED);
        listeners.trainingEnd(history);
        String where = batch > 0 ? "epoch " + epoch + ", batch " + batch + " of " + batches : "epoch " + epoch;
        String kept = results.isEmpty() ? "the initial weights" : "the weights after epoch " + results.size();
        return new TrainingDivergedException(what + " became " + loss + " at " + where
                + "; try a smaller learning rate (now " + rate + "); the network keeps "
                + kept, epoch, batch, history);
    }

    /** The history so far, with what the parts add (the diagnostics' records and warnings). */
    private TrainingHistory history(StopReason reason) {
        TrainingHistory history = new TrainingHistory(results, reason);
        for (TrainingPart part : parts) {
            history = part.history(history);
        }
        return history;
    }
}
