package dev.scratchnet;

import dev.scratchnet.arithmetic.DropoutMasks;
import dev.scratchnet.buffers.Matrix;
import dev.scratchnet.internal.Accuracy;
import dev.scratchnet.internal.Checks;
import dev.scratchnet.internal.PlannedRates;
import dev.scratchnet.internal.Permutation;
import dev.scratchnet.kernels.MaskGenerator;
import dev.scratchnet.kernels.Values;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Mini-batch gradient descent over a network, as one {@link Fit} describes:
 * <pre>
 *   hold out validation rows (when asked)
 *   for each epoch:
 *     learning rate ← schedule(epoch, history)
 *     shuffle the rows (when asked)
 *     for each batch:  forward, backward, dW += λ·W, optimizer step     ({@link BatchStep})
 *                      the batch's loss (and correct count) from that same forward pass
 *     training loss and accuracy = their averages over the epoch's batches (as Keras reports them);
 *     measure the validation set with the epoch's final weights, tell the listeners
 *     stop on divergence (checked every batch), early stopping or a listener's request
 * </pre>
 * No extra forward pass over the training set: its numbers come from the batches as they train.
 */
final class TrainingLoop {

    private final Network network;
    private final Fit fit;
    private final List<Parameter> parameters;
    private final List<TrainingListener> listeners;
    private final boolean batchEvents;
    private final List<EpochResult> results = new ArrayList<>();
    private WeightsSnapshot lastGood;
    private EarlyStopping earlyStopping;
    private BatchStep step;
    private int[] trainLabels;
    private double epochLoss;
    private int epochCorrect;
    private int epochRows;
    /** Whether the thread was found interrupted between two batches. */
    private boolean interrupted;
    /** The learning rate of the epoch that runs, as the schedule set it. */
    private double rate;
    private int[] validationLabels;
    /** What a checkpoint must agree on (see {@link #settings}); null when the fit neither writes nor reads one. */
    private Map<String, String> settings;
    /** The dropout masks' generator of this training, or null without dropout. */
    private MaskGenerator dropoutGenerator;
    /** The measurements of {@link Fit#diagnostics()}, or null when the fit does not ask for them. */
    private Diagnostics diagnostics;
    /** The epoch's order of the training rows (what the step was given). */
    private int[] order;

    TrainingLoop(Network network, Fit fit) {
        this.network = network;
        this.fit = fit;
        this.parameters = network.parameters();
        this.listeners = fit.listeners();
        this.batchEvents = listeners.stream().anyMatch(TrainingListener::wantsBatches);
    }

    TrainingHistory run(DataSet data) {
        Random random = Permutation.generator(fit.seed() != null ? fit.seed() : network.seed());
        // training works on scaled values throughout: the scalers were fitted on training rows before
        DataSet all = data.inType(network.dataType()).rescaled(network.scaler().orElse(null),
                network.targetScaler().orElse(null));
        int[] allLabels = classLabels(all.targets());
        boolean classes = allLabels != null;
        Split parts = withValidation(all, classes, random);
        double initialRate = fit.optimizer().learningRate();
        PlannedRates.require(fit.schedule(), initialRate, fit.epochs());
        boolean checkpointing = fit.checkpointDirectory() != null || fit.resumeFrom() != null;
        settings = checkpointing ? Fingerprint.of(network, data, fit) : null;
        if (checkpointing && !fit.optimizer().start(List.of()).savable()) {
            throw new IllegalArgumentException("optimizer " + fit.optimizer().name() + " does not say that its state "
                    + "is savable (OptimizerState.savable()), so a training with it cannot write or resume checkpoints");
        }
        Checkpoint resumed = fit.resumeFrom() != null ? resumable(fit.resumeFrom()) : null;
        if (fit.checkpointDirectory() != null) {
            createDirectory(fit.checkpointDirectory());
        }
        listeners.forEach(TrainingListener::onTrainingStart);
        if (resumed != null) {
            synchronized (network.weightsLock()) {
                Checkpoint.assign(resumed.weights, parameters.stream().map(Parameter::value).toList(), "weight",
                        fit.resumeFrom());
            }
        }
        lastGood = new WeightsSnapshot(parameters);
        try {
            earlyStopping = fit.earlyStoppingPatience() > 0
                    ? new EarlyStopping(fit.earlyStoppingPatience(), fit.earlyStoppingMinDelta(), parameters) : null;
            trainLabels = !classes ? null : parts.train() == all ? allLabels : parts.train().labels();
            DataSet train = weighted(parts.train(), classes);
            DropoutMasks dropout = dropoutMasks(resumed);
            dropoutGenerator = dropout != null ? dropout.generator() : null;
            step = new BatchStep(network, fit, train, trainLabels, dropout);
            diagnostics = fit.diagnostics() ? new Diagnostics(network, fit, train) : null;
            if (resumed != null) {
                continueFrom(resumed, train.size(), random);
            }
            validationLabels = classes && parts.test() != null ? parts.test().labels() : null;
            StopReason reason = epochs(train, parts.test(), random, initialRate);
            if (earlyStopping != null) {
                synchronized (network.weightsLock()) {
                    earlyStopping.restoreBest();
                }
            }
            TrainingHistory history = history(reason);
            listeners.forEach(listener -> listener.onTrainingEnd(history));
            return history;
        } finally {
            // the step's buffers and the snapshot go back now, not when the collector finds them: the
            // next fit's allocations then reuse that memory instead of touching fresh pages
            if (step != null) {
                step.release();
            }
            lastGood.release();
        }
    }

    /**
     * Puts a resumed training where the checkpoint's stopped: the optimizer's and early stopping's
     * state, the history, and the shuffling generator advanced by one permutation per epoch run
     * (the draws the epochs before made). The weights and the dropout generator are set already.
     */
    private void continueFrom(Checkpoint resumed, int trainRows, Random random) {
        OptimizerState optimizer = step.optimizerState();
        Checkpoint.assign(resumed.optimizerArrays, optimizer.arrays(), "optimizer", fit.resumeFrom());
        optimizer.restoreSteps(resumed.optimizerSteps);
        if (earlyStopping != null) {
            Checkpoint.assign(resumed.bestWeights, earlyStopping.bestWeights(), "best-weight", fit.resumeFrom());
            earlyStopping.restoreCounters(resumed.earlyStopping);
        }
        results.addAll(resumed.history);
        if (fit.shuffle()) {
            for (int epoch = 1; epoch <= resumed.epoch; epoch++) {
                Permutation.of(trainRows, random);
            }
        }
    }

    /** The checkpoint to resume from, read and checked against this training's settings. */
    private Checkpoint resumable(Path file) {
        Checkpoint checkpoint = Checkpoint.read(file);
        checkpoint.requireSettings(settings, file);
        if (checkpoint.epoch >= fit.epochs()) {
            throw new IllegalArgumentException("checkpoint " + file + " is at epoch " + checkpoint.epoch
                    + " and this fit asks for " + fit.epochs() + " epochs: nothing is left to train; ask for more epochs");
        }
        return checkpoint;
    }

    private static void createDirectory(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the checkpoint directory " + directory, e);
        }
    }

    /** Writes the checkpoint of {@code epoch} when one is due. */
    private void checkpointAfter(int epoch) {
        if (fit.checkpointDirectory() == null || epoch % fit.checkpointEvery() != 0) {
            return;
        }
        Path file = fit.checkpointDirectory().resolve(Checkpoint.fileName(epoch));
        try {
            synchronized (network.weightsLock()) {
                Checkpoint.write(file, epoch, settings, results, parameters, step.optimizerState(), dropoutGenerator,
                        earlyStopping);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + file, e);
        }
    }

    /** Runs the epochs; returns why they stopped. {@code validation} is null without validation data. */
    private StopReason epochs(DataSet train, DataSet validation, Random random, double initialRate) {
        // in long arithmetic: size + batchSize − 1 overflows an int for batchSize near Integer.MAX_VALUE
        int batches = (int) ((train.size() + (long) fit.batchSize() - 1) / fit.batchSize());
        for (int epoch = results.size() + 1; epoch <= fit.epochs(); epoch++) {
            double rate = Checks.positive("learning rate from the schedule at epoch " + epoch,
                    fit.schedule().learningRate(epoch, initialRate, Collections.unmodifiableList(results)));
            this.rate = rate;
            EpochStart start = new EpochStart(epoch, fit.epochs(), batches, rate);
            listeners.forEach(listener -> listener.onEpochStart(start));
            order = fit.shuffle() ? Permutation.of(train.size(), random) : Permutation.identity(train.size());
            step.startEpoch(order);
            boolean stopAsked = batches(epoch, batches, train.size());
            if (epochRows == 0) {
                // interrupted before the epoch's first batch: nothing of it to measure
                return StopReason.INTERRUPTED;
            }
            if (diagnostics != null) {
                diagnostics.endEpoch(epoch, rate);
            }
            EpochResult result = measure(epoch, validation, rate);
            lastGood.save();
            results.add(result);
            listeners.forEach(listener -> listener.onEpochEnd(result));
            stopAsked |= stopRequested();
            boolean stopEarly = earlyStopping != null && earlyStopping.shouldStop(result.validationLoss());
            checkpointAfter(epoch);
            if (interrupted) {
                return StopReason.INTERRUPTED;
            }
            if (stopEarly) {
                return StopReason.EARLY_STOPPING;
            }
            if (stopAsked) {
                return StopReason.STOPPED_BY_LISTENER;
            }
        }
        return StopReason.COMPLETED;
    }

    /**
     * The batches of one epoch; true when a listener asked to stop after a batch, or the thread was
     * interrupted (checked before every batch; the flag is left set for the caller).
     */
    private boolean batches(int epoch, int batches, int rows) {
        epochLoss = 0;
        epochCorrect = 0;
        epochRows = 0;
        for (int batch = 1; batch <= batches; batch++) {
            if (Thread.currentThread().isInterrupted()) {
                interrupted = true;
                return true;
            }
            int start = (int) Math.min((long) (batch - 1) * fit.batchSize(), rows);
            int end = (int) Math.min((long) start + fit.batchSize(), rows);
            double loss;
            // a batch changes the weights under the lock, so a save sees them between two batches
            synchronized (network.weightsLock()) {
                // diagnostics measure a sample of the batches around their step; off, this is one null check
                boolean measured = diagnostics != null && Diagnostics.sampled(batch, batches);
                if (measured) {
                    diagnostics.beforeStep(order, start, end);
                }
                loss = step.run(start, end, rate);
                if (measured) {
                    diagnostics.afterStep();
                }
            }
            if (!Double.isFinite(loss)) {
                throw diverged("loss", loss, epoch, batch, batches);
            }
            epochLoss += loss * (end - start);
            epochCorrect += step.correct();
            epochRows += end - start;
            if (batchEvents) {
                BatchResult result = new BatchResult(epoch, batch, batches, loss);
                listeners.forEach(listener -> listener.onBatchEnd(result));
                if (stopRequested()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The epoch's numbers: training loss and accuracy averaged over the rows of the batches that ran
     * (all of them, or those before a listener stopped the epoch), validation after its last update.
     */
    private EpochResult measure(int epoch, DataSet validation, double rate) {
        double loss = epochLoss / epochRows;
        double accuracy = trainLabels != null ? (double) epochCorrect / epochRows : Double.NaN;
        if (validation == null) {
            return new EpochResult(epoch, loss, accuracy, Double.NaN, Double.NaN, rate);
        }
        // validation rows are scaled already (see run), so they go to the arithmetic directly
        INDArray q = network.arithmetic().predict(validation.features());
        double validationLoss = network.arithmetic().loss(fit.loss(), q, validation.targets());
        if (!Double.isFinite(validationLoss)) {
            throw diverged("validation loss", validationLoss, epoch, 0, 0);
        }
        return new EpochResult(epoch, loss, accuracy, validationLoss,
                validationLabels != null ? Accuracy.of(q, validationLabels) : Double.NaN, rate);
    }

    /** Puts back the last good epoch's weights, ends the listeners and builds the exception to throw. */
    private TrainingDivergedException diverged(String what, double loss, int epoch, int batch, int batches) {
        synchronized (network.weightsLock()) {
            lastGood.restore();
        }
        if (diagnostics != null) {
            // the diverging epoch's measurements often say why
            diagnostics.diverged(epoch, batch, rate);
        }
        TrainingHistory history = history(StopReason.DIVERGED);
        listeners.forEach(listener -> listener.onTrainingEnd(history));
        String where = batch > 0 ? "epoch " + epoch + ", batch " + batch + " of " + batches : "epoch " + epoch;
        String kept = results.isEmpty() ? "the initial weights" : "the weights after epoch " + results.size();
        return new TrainingDivergedException(what + " became " + loss + " at " + where
                + "; try a smaller learning rate (now " + rate + "); the network keeps "
                + kept, epoch, batch, history);
    }

    /** The history so far, with the diagnostics' records and warnings when the fit asked for them. */
    private TrainingHistory history(StopReason reason) {
        if (diagnostics == null) {
            return new TrainingHistory(results, reason);
        }
        return new TrainingHistory(results, reason, diagnostics.records(), diagnostics.warnings());
    }

    private boolean stopRequested() {
        boolean stop = false;
        for (TrainingListener listener : listeners) {
            stop |= listener.stopRequested();
        }
        return stop;
    }

    /** The training rows and the validation rows: held out, given, or null when there are none. */
    private Split withValidation(DataSet all, boolean classes, Random random) {
        if (fit.validationSplit() > 0) {
            return ValidationSplit.of(all, fit.validationSplit(), classes, random);
        }
        DataSet given = fit.validation().orElse(null);
        if (given == null) {
            return new Split(all, null);
        }
        if (given.numFeatures() != network.nIn() || given.numOutputs() != network.nOut()) {
            throw new IllegalArgumentException("validation data has " + given.numFeatures() + " feature and "
                    + given.numOutputs() + " target columns but the network expects nIn = " + network.nIn()
                    + " and outputs " + network.nOut());
        }
        return new Split(all, given.inType(network.dataType()).rescaled(network.scaler().orElse(null),
                network.targetScaler().orElse(null)));
    }

    /** Salt of the dropout generator's seed, so that its numbers are not the shuffling's. */
    static final long DROPOUT_STREAM = 0x5DEECE66DL;

    /**
     * The network's dropout with a generator of this training, seeded from the fit's seed (the
     * network's when the fit has none) or, resuming, in the checkpoint's state; null when no layer has dropout. Its own generator, apart
     * from the shuffling's, so a network without dropout trains exactly as it did before dropout existed.
     */
    private DropoutMasks dropoutMasks(Checkpoint resumed) {
        if (!network.hasDropout()) {
            return null;
        }
        long seed = fit.seed() != null ? fit.seed() : network.seed();
        // a generator made with a state draws on from it: SplitMix64's seed is its state
        long state = resumed != null ? resumed.dropoutState : seed ^ DROPOUT_STREAM;
        return new DropoutMasks(network.dropoutRates(), new MaskGenerator(state));
    }

    /**
     * The training rows with the fit's class weights applied: row i weighs its own weight (1 unless
     * the data set gives one) times its class's; {@code train} itself without class weights.
     */
    private DataSet weighted(DataSet train, boolean classes) {
        List<Double> classWeights = fit.classWeights();
        if (classWeights.isEmpty()) {
            return train;
        }
        int numClasses = Math.max(network.nOut(), 2);
        if (!classes) {
            throw new IllegalArgumentException("classWeights(" + classWeights + ") weigh classes, but the targets "
                    + "are not classes (one-hot rows or one 0/1 column); weigh rows with DataSet.withWeights instead");
        }
        if (classWeights.size() != numClasses) {
            throw new IllegalArgumentException("classWeights gives " + classWeights.size() + " weights "
                    + classWeights + " but the network tells " + numClasses + " classes apart");
        }
        double[] weights = train.weights();
        int[] labels = train.labels();
        for (int row = 0; row < weights.length; row++) {
            weights[row] *= classWeights.get(labels[row]);
        }
        return train.withWeights(weights);
    }

    /**
     * The class of every row when every target is 0 or 1 and, with several columns, each row is
     * one-hot (the column of its 1; with one column, the value); else null.
     */
    private static int[] classLabels(INDArray targets) {
        // one pass over the values, no temporary arrays: a fit's setup should not cost a fraction of an epoch
        if (targets.isEmpty()) {
            return null;
        }
        Values y = Matrix.of(Matrix.readable(targets)).values;
        int columns = y.columns;
        int[] labels = new int[y.rows];
        for (int row = 0; row < y.rows; row++) {
            int ones = 0;
            for (int c = 0; c < columns; c++) {
                double v = y.get(row * columns + c);
                if (v == 1) {
                    ones++;
                    labels[row] = c;
                } else if (v != 0) {
                    return null;
                }
            }
            if (columns == 1) {
                labels[row] = ones;
            } else if (ones != 1) {
                return null;
            }
        }
        return labels;
    }
}
