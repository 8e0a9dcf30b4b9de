package dev.scratchnet;

import dev.scratchnet.arithmetic.DropoutMasks;
import dev.scratchnet.buffers.Matrix;
import dev.scratchnet.internal.PlannedRates;
import dev.scratchnet.internal.Permutation;
import dev.scratchnet.kernels.MaskGenerator;
import dev.scratchnet.kernels.Values;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@code Network.fit} on a {@link DataSet} in memory: prepares the rows and the parts of the
 * training as the {@link Fit} says, then hands them to {@link TrainingLoop}.
 * <pre>
 *   scale the rows as training sees them; hold out validation rows (when asked)
 *   weigh the rows by their class (when asked); seed the dropout masks
 *   resume from a checkpoint (when asked): weights, optimizer, early stopping, history, generators
 *   the parts: the divergence guard, diagnostics, listeners, early stopping, checkpoints
 * </pre>
 */
final class InMemoryFit {

    private final Network network;
    private final Fit fit;
    private final List<Parameter> parameters;

    InMemoryFit(Network network, Fit fit) {
        this.network = network;
        this.fit = fit;
        this.parameters = network.parameters();
    }

    TrainingHistory run(DataSet data) {
        Random random = Permutation.generator(fit.seed() != null ? fit.seed() : network.seed());
        // training works on scaled values throughout: the scalers were fitted on training rows before
        DataSet all = data.inType(network.dataType()).rescaled(network.scaler().orElse(null),
                network.targetScaler().orElse(null));
        int[] allLabels = classLabels(all.targets());
        boolean classes = allLabels != null;
        Split parts = withValidation(all, classes, random);
        PlannedRates.require(fit.schedule(), fit.optimizer().learningRate(), fit.epochs());
        boolean checkpointing = fit.checkpointDirectory() != null || fit.resumeFrom() != null;
        Map<String, String> fingerprint = checkpointing ? Fingerprint.of(network, data, fit) : Map.of();
        if (checkpointing && !fit.optimizer().start(List.of()).savable()) {
            throw new IllegalArgumentException("optimizer " + fit.optimizer().name() + " does not say that its state "
                    + "is savable (OptimizerState.savable()), so a training with it cannot write or resume checkpoints");
        }
        Checkpoint resumed = fit.resumeFrom() != null ? resumable(fit.resumeFrom(), fingerprint) : null;
        if (fit.checkpointDirectory() != null) {
            Checkpoints.createDirectory(fit.checkpointDirectory());
        }
        Listeners listeners = new Listeners(fit.listeners());
        listeners.trainingStart();
        if (resumed != null) {
            synchronized (network.weightsLock()) {
                Checkpoint.assign(resumed.weights, parameters.stream().map(Parameter::value).toList(), "weight",
                        fit.resumeFrom());
            }
        }
        List<TrainingPart> trainingParts = new ArrayList<>();
        BatchStep step = null;
        try {
            trainingParts.add(new DivergenceGuard(parameters));
            EarlyStopping earlyStopping = fit.earlyStoppingPatience() > 0
                    ? new EarlyStopping(fit.earlyStoppingPatience(), fit.earlyStoppingMinDelta(), parameters) : null;
            int[] trainLabels = !classes ? null : parts.train() == all ? allLabels : parts.train().labels();
            DataSet train = weighted(parts.train(), classes);
            DropoutMasks dropout = dropoutMasks(resumed);
            step = new BatchStep(network, fit, train, trainLabels, dropout);
            if (fit.diagnostics()) {
                trainingParts.add(new Diagnostics(network, fit, train));
            }
            trainingParts.add(listeners);
            if (earlyStopping != null) {
                trainingParts.add(earlyStopping);
            }
            List<EpochResult> history = List.of();
            if (resumed != null) {
                history = continueFrom(resumed, step.optimizerState(), earlyStopping, train.size(), random);
            }
            if (fit.checkpointDirectory() != null) {
                trainingParts.add(new Checkpoints(network, fit.checkpointing(), fingerprint, step.optimizerState(),
                        dropout != null ? dropout.generator() : null, earlyStopping, history));
            }
            Validation validation = parts.test() == null ? Validation.none()
                    : Validation.of(network, fit.loss(), parts.test(), classes);
            return new TrainingLoop(network, fit, step, train.size(), validation, listeners, trainingParts, history)
                    .run(random);
        } finally {
            // the step's buffers and the snapshots go back now, not when the collector finds them: the
            // next fit's allocations then reuse that memory instead of touching fresh pages
            if (step != null) {
                step.release();
            }
            trainingParts.forEach(TrainingPart::release);
        }
    }

    /**
     * Puts a resumed training where the checkpoint's stopped: the optimizer's and early stopping's
     * state, and the shuffling generator advanced by one permutation per epoch run (the draws the
     * epochs before made); returns the history so far. The weights and the dropout generator are set already.
     */
    private List<EpochResult> continueFrom(Checkpoint resumed, OptimizerState optimizer, EarlyStopping earlyStopping,
                                           int trainRows, Random random) {
        Checkpoint.assign(resumed.optimizerArrays, optimizer.arrays(), "optimizer", fit.resumeFrom());
        optimizer.restoreSteps(resumed.optimizerSteps);
        if (earlyStopping != null) {
            Checkpoint.assign(resumed.bestWeights, earlyStopping.bestWeights(), "best-weight", fit.resumeFrom());
            earlyStopping.restoreCounters(resumed.earlyStopping);
        }
        if (fit.shuffle()) {
            for (int epoch = 1; epoch <= resumed.epoch; epoch++) {
                Permutation.of(trainRows, random);
            }
        }
        return resumed.history;
    }

    /** The checkpoint to resume from, read and checked against this training's settings. */
    private Checkpoint resumable(Path file, Map<String, String> fingerprint) {
        Checkpoint checkpoint = Checkpoint.read(file);
        checkpoint.requireSettings(fingerprint, file);
        if (checkpoint.epoch >= fit.epochs()) {
            throw new IllegalArgumentException("checkpoint " + file + " is at epoch " + checkpoint.epoch
                    + " and this fit asks for " + fit.epochs() + " epochs: nothing is left to train; ask for more epochs");
        }
        return checkpoint;
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
