package dev.scratchnet;

import dev.scratchnet.arithmetic.Trainer;
import dev.scratchnet.internal.Permutation;
import dev.scratchnet.internal.PlannedRates;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * What every training shares, whatever its source of batches ({@link InMemoryFit}'s rows, Spark's
 * partitions through {@link DistributedTraining}): the checks of the fit, the resume from a
 * checkpoint, the parts of {@link TrainingPart} and the {@link TrainingLoop} over them.
 * <pre>
 *   Training training = Training.start(network, fit, trainingData);   // checks, resumed weights
 *   … make the source
 *   training.run(source, rows, labels, validation, rowsOf, shuffling);
 * </pre>
 */
final class Training {

    private final Network network;
    private final Fit fit;
    private final List<Parameter> parameters;
    private final Map<String, String> fingerprint;
    /** The checkpoint this training continues, or null when it starts afresh. */
    private final Checkpoint resumed;
    private final Listeners listeners;

    private Training(Network network, Fit fit, Map<String, String> fingerprint, Checkpoint resumed) {
        this.network = network;
        this.fit = fit;
        this.parameters = network.parameters();
        this.fingerprint = fingerprint;
        this.resumed = resumed;
        this.listeners = new Listeners(fit.listeners());
    }

    /**
     * Checks what the fit asks against what the training can do, reads the checkpoint it resumes
     * (refusing one of other settings), creates the checkpoint directory, tells the listeners that
     * training starts and puts back the checkpoint's weights.
     *
     * @param trainingData the training rows as the fingerprint describes them ({@link Fingerprint#data})
     */
    static Training start(Network network, Fit fit, String trainingData) {
        return start(network, fit, () -> trainingData);
    }

    /**
     * As {@link #start(Network, Fit, String)}, the rows' description made only when the fit writes
     * or resumes checkpoints: it sums every value of the rows, which a fit without checkpoints
     * does not need.
     */
    static Training start(Network network, Fit fit, java.util.function.Supplier<String> trainingData) {
        PlannedRates.require(fit.schedule(), fit.optimizer().learningRate(), fit.epochs());
        boolean checkpointing = fit.checkpointDirectory() != null || fit.resumeFrom() != null;
        Map<String, String> fingerprint = checkpointing ? Fingerprint.of(network, trainingData.get(), fit) : Map.of();
        if (checkpointing && !fit.optimizer().start(List.of()).savable()) {
            throw new IllegalArgumentException("optimizer " + fit.optimizer().name() + " does not say that its state "
                    + "is savable (OptimizerState.savable()), so a training with it cannot write or resume checkpoints");
        }
        Checkpoint resumed = fit.resumeFrom() != null ? resumable(fit, fingerprint) : null;
        if (fit.checkpointDirectory() != null) {
            Checkpoints.createDirectory(fit.checkpointDirectory());
        }
        Training training = new Training(network, fit, fingerprint, resumed);
        training.listeners.trainingStart();
        if (resumed != null) {
            if (resumed.plan != null) {
                // the plan the checkpoint's epochs ran with, so that the resumed ones add up alike
                network.arithmetic().resumePlan(resumed.plan);
            }
            synchronized (network.weightsLock()) {
                Checkpoint.assign(resumed.weights, training.parameters.stream().map(Parameter::value).toList(),
                        "weight", fit.resumeFrom());
            }
        }
        return training;
    }

    /**
     * Trains on {@code source}'s {@code rows} rows an epoch and frees the source at the end.
     *
     * @param labels         the class of each row for {@link Trainer#lastBatchCorrect}, or null when not classes
     * @param rowsOf         the training rows at the indexes given, for diagnostics to measure on
     * @param shuffling      the generator of the epochs' orders, after any draws made before (the validation split)
     */
    TrainingHistory run(Trainer source, int rows, int[] labels, Validation validation,
                        Function<int[], DataSet> rowsOf, Random shuffling) {
        return run(new BatchStep(network, fit, source, labels), rows, validation, rowsOf, shuffling);
    }

    /**
     * Trains through {@code rounds} rounds of parameter averaging an epoch: the loop's batch
     * {@code r} is round {@code r} (see {@link BatchStep#BatchStep(Network, Fit, DistributedTraining.RoundSource,
     * boolean)}); the fit asks for no diagnostics.
     */
    TrainingHistory runRounds(DistributedTraining.RoundSource source, int rounds, boolean classes, Validation validation,
                              Random shuffling) {
        long rows = (long) rounds * fit.batchSize();
        if (rows > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(rounds + " rounds of batchSize " + fit.batchSize() + " are too many"
                    + " for one epoch; use a smaller batchSize or more local steps");
        }
        return run(new BatchStep(network, fit, source, classes), (int) rows, validation, indexes -> {
            throw new IllegalStateException("parameter averaging measures no diagnostics");
        }, shuffling);
    }

    private TrainingHistory run(BatchStep step, int rows, Validation validation,
                                Function<int[], DataSet> rowsOf, Random shuffling) {
        List<TrainingPart> parts = new ArrayList<>();
        try {
            parts.add(new DivergenceGuard(parameters));
            EarlyStopping earlyStopping = fit.earlyStoppingPatience() > 0
                    ? new EarlyStopping(fit.earlyStoppingPatience(), fit.earlyStoppingMinDelta(), parameters) : null;
            if (fit.diagnostics()) {
                parts.add(new Diagnostics(network, fit, rowsOf));
            }
            parts.add(listeners);
            if (earlyStopping != null) {
                parts.add(earlyStopping);
            }
            List<EpochResult> history = resumed != null
                    ? continueFrom(step.optimizerState(), earlyStopping, rows, shuffling) : List.of();
            if (fit.checkpointDirectory() != null) {
                parts.add(new Checkpoints(network, fit.checkpointing(), fingerprint, step.optimizerState(),
                        earlyStopping, history));
            }
            return new TrainingLoop(network, fit, step, rows, validation, listeners, parts, history).run(shuffling);
        } finally {
            // the source's buffers and the snapshots go back now, not when the collector finds them: the
            // next fit's allocations then reuse that memory instead of touching fresh pages
            step.release();
            parts.forEach(TrainingPart::release);
        }
    }

    /**
     * Puts a resumed training where the checkpoint's stopped: the optimizer's and early stopping's
     * state, and the shuffling generator advanced by one permutation per epoch run (the draws the
     * epochs before made); returns the history so far. The weights are set already; dropout needs
     * nothing, its masks being drawn from the epoch's number.
     */
    private List<EpochResult> continueFrom(OptimizerState optimizer, EarlyStopping earlyStopping, int rows,
                                           Random shuffling) {
        Checkpoint.assign(resumed.optimizerArrays, optimizer.arrays(), "optimizer", fit.resumeFrom());
        optimizer.restoreSteps(resumed.optimizerSteps);
        if (earlyStopping != null) {
            Checkpoint.assign(resumed.bestWeights, earlyStopping.bestWeights(), "best-weight", fit.resumeFrom());
            earlyStopping.restoreCounters(resumed.earlyStopping);
        }
        if (fit.shuffle()) {
            for (int epoch = 1; epoch <= resumed.epoch; epoch++) {
                Permutation.of(rows, shuffling);
            }
        }
        return resumed.history;
    }

    /** The checkpoint to resume from, read and checked against this training's settings. */
    private static Checkpoint resumable(Fit fit, Map<String, String> fingerprint) {
        Path file = fit.resumeFrom();
        Checkpoint checkpoint = Checkpoint.read(file);
        checkpoint.requireSettings(fingerprint, file);
        if (checkpoint.epoch >= fit.epochs()) {
            throw new IllegalArgumentException("checkpoint " + file + " is at epoch " + checkpoint.epoch
                    + " and this fit asks for " + fit.epochs() + " epochs: nothing is left to train; ask for more epochs");
        }
        return checkpoint;
    }
}
