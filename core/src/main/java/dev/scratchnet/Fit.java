package dev.scratchnet;

import dev.scratchnet.internal.Checks;
import dev.scratchnet.internal.Records;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How to train: loss, optimizer and learning-rate schedule, then the settings in a few groups —
 * {@link Batching} (epochs, batch size, shuffling), {@link Regularisation} (weight decay, clipping,
 * class weights), {@link Holdout} (validation data, early stopping), {@link Checkpointing} and
 * {@link Monitoring} (listeners, diagnostics). Build with {@link #builder()}; the defaults are each
 * group's {@code DEFAULTS} and the builder's setter docs. A {@code Fit} is immutable settings (its
 * optimizer too: each training makes its own optimizer state), so one can be reused and shared by
 * trainings running at the same time.
 * <p>
 * A setting is named once: a component of its group (with its default in the group's
 * {@code DEFAULTS}), a builder method of the same name and a property of the Kotlin DSL's
 * {@code FitScope}. The builder copies a group with {@link Records#with}, and a checkpoint's
 * fingerprint reads the components, so nothing else lists the settings. The flat accessors
 * ({@link #epochs()}, {@link #l2()} …) are the settings of the first releases, kept as shortcuts.
 *
 * @param loss           the loss to minimise
 * @param optimizer      the optimizer that updates the weights
 * @param schedule       the learning-rate schedule ({@link Schedule#constant()} unless set)
 * @param batching       epochs, batch size, shuffling and its seed
 * @param regularisation weight decay, gradient clipping and class weights
 * @param holdout        validation data (held out or given) and early stopping
 * @param checkpointing  where checkpoints go and which one a training resumes from
 * @param monitoring     listeners and diagnostics
 */
public record Fit(Loss loss, Optimizer optimizer, Schedule schedule, Batching batching,
                  Regularisation regularisation, Holdout holdout, Checkpointing checkpointing,
                  Monitoring monitoring) {

    /** Epochs when {@link Builder#epochs(int)} is not called. */
    public static final int DEFAULT_EPOCHS = 10;
    /** Batch size when {@link Builder#batchSize(int)} is not called (Keras' default). */
    public static final int DEFAULT_BATCH_SIZE = 32;
    /** Learning rate of the default optimizer, {@code sgd(0.01)}. */
    public static final double DEFAULT_LEARNING_RATE = 0.01;

    /** The settings as given; {@link #builder()} checks each one as it is set. */
    public Fit {
        Checks.notNull("loss", loss);
        Checks.notNull("optimizer", optimizer);
        Checks.notNull("schedule", schedule);
        Checks.notNull("batching", batching);
        Checks.notNull("regularisation", regularisation);
        Checks.notNull("holdout", holdout);
        Checks.notNull("checkpointing", checkpointing);
        Checks.notNull("monitoring", monitoring);
    }

    /**
     * How the data is cut into steps.
     *
     * @param epochs    passes over the training data
     * @param batchSize examples per gradient step; the last batch of an epoch may be smaller, and a
     *                  batch size larger than the data means one full batch
     * @param shuffle   whether the examples are shuffled before every epoch
     * @param seed      the shuffling seed, or null to use the network's seed
     */
    public record Batching(int epochs, int batchSize, boolean shuffle, Long seed) {
        /** The settings when the builder changes none. */
        public static final Batching DEFAULTS = new Batching(DEFAULT_EPOCHS, DEFAULT_BATCH_SIZE, true, null);
    }

    /**
     * What shapes each step's gradient besides the loss.
     *
     * @param l2           L2 weight-decay factor λ: {@code λ·W} is added to every weight gradient (not to biases)
     * @param clipNorm     the bound of the gradients' global L2 norm, or 0 for no clipping by norm
     * @param clipValue    the bound of every gradient element's magnitude, or 0 for no clipping by value
     * @param classWeights the weight of each class in the training loss, or empty for equal weights
     */
    public record Regularisation(double l2, double clipNorm, double clipValue, List<Double> classWeights) {
        /** The settings when the builder changes none. */
        public static final Regularisation DEFAULTS = new Regularisation(0, 0, 0, List.of());

        /** The settings, with the class weights copied. */
        public Regularisation {
            classWeights = List.copyOf(classWeights);
        }
    }

    /**
     * The data each epoch is measured on, and what that measure may stop.
     *
     * @param validationSplit       the fraction of the training data held out for validation, or 0 when none is
     * @param validation            the validation data given with {@link Builder#validation(DataSet)}, if any
     * @param earlyStoppingPatience epochs without improvement of the validation loss before training
     *                              stops, or 0 for no early stopping
     * @param earlyStoppingMinDelta how much the validation loss must fall to count as an improvement
     */
    public record Holdout(double validationSplit, Optional<DataSet> validation, int earlyStoppingPatience,
                          double earlyStoppingMinDelta) {
        /** The settings when the builder changes none. */
        public static final Holdout DEFAULTS = new Holdout(0, Optional.empty(), 0, 0);

        /** The settings as given. */
        public Holdout {
            Checks.notNull("validation", validation);
        }
    }

    /**
     * Checkpoints written and read; none of it changes the weights a training ends with.
     *
     * @param checkpointDirectory where checkpoints are written, or null for none
     * @param checkpointEvery     epochs between two checkpoints (0 without a directory)
     * @param resumeFrom          the checkpoint a training continues from, or null to start afresh
     */
    public record Checkpointing(Path checkpointDirectory, int checkpointEvery, Path resumeFrom) {
        /** The settings when the builder changes none. */
        public static final Checkpointing DEFAULTS = new Checkpointing(null, 0, null);
    }

    /**
     * Who watches the training; none of it changes the weights a training ends with.
     *
     * @param listeners   listeners called as training goes, in the order they were added
     * @param diagnostics whether each epoch measures what happens inside each layer
     *                    ({@link TrainingHistory#diagnostics()}, {@link TrainingHistory#warnings()})
     */
    public record Monitoring(List<TrainingListener> listeners, boolean diagnostics) {
        /** The settings when the builder changes none. */
        public static final Monitoring DEFAULTS = new Monitoring(List.of(), false);

        /** The settings, with the listeners copied. */
        public Monitoring {
            listeners = List.copyOf(listeners);
        }
    }

    /**
     * The settings of the previous releases, one argument each.
     *
     * @deprecated use {@link #builder()}; new settings are added to their group only
     */
    @Deprecated
    public Fit(Loss loss, Optimizer optimizer, int epochs, int batchSize, boolean shuffle, Long seed, double l2,
               Schedule schedule, double validationSplit, Optional<DataSet> validation,
               int earlyStoppingPatience, double earlyStoppingMinDelta, List<TrainingListener> listeners,
               double clipNorm, double clipValue, List<Double> classWeights,
               Path checkpointDirectory, int checkpointEvery, Path resumeFrom, boolean diagnostics) {
        this(loss, optimizer, schedule, new Batching(epochs, batchSize, shuffle, seed),
                new Regularisation(l2, clipNorm, clipValue, classWeights),
                new Holdout(validationSplit, validation, earlyStoppingPatience, earlyStoppingMinDelta),
                new Checkpointing(checkpointDirectory, checkpointEvery, resumeFrom),
                new Monitoring(listeners, diagnostics));
    }

    /**
     * The settings of the first releases, without clipping.
     *
     * @deprecated use {@link #builder()}
     */
    @Deprecated
    public Fit(Loss loss, Optimizer optimizer, int epochs, int batchSize, boolean shuffle, Long seed, double l2,
               Schedule schedule, double validationSplit, Optional<DataSet> validation,
               int earlyStoppingPatience, double earlyStoppingMinDelta, List<TrainingListener> listeners) {
        this(loss, optimizer, epochs, batchSize, shuffle, seed, l2, schedule, validationSplit, validation,
                earlyStoppingPatience, earlyStoppingMinDelta, listeners, 0, 0, List.of(), null, 0, null, false);
    }

    /**
     * The settings before diagnostics, without them.
     *
     * @deprecated use {@link #builder()}
     */
    @Deprecated
    public Fit(Loss loss, Optimizer optimizer, int epochs, int batchSize, boolean shuffle, Long seed, double l2,
               Schedule schedule, double validationSplit, Optional<DataSet> validation,
               int earlyStoppingPatience, double earlyStoppingMinDelta, List<TrainingListener> listeners,
               double clipNorm, double clipValue, List<Double> classWeights,
               Path checkpointDirectory, int checkpointEvery, Path resumeFrom) {
        this(loss, optimizer, epochs, batchSize, shuffle, seed, l2, schedule, validationSplit, validation,
                earlyStoppingPatience, earlyStoppingMinDelta, listeners, clipNorm, clipValue, classWeights,
                checkpointDirectory, checkpointEvery, resumeFrom, false);
    }

    /** {@link Batching#epochs()}. */
    public int epochs() {
        return batching.epochs();
    }

    /** {@link Batching#batchSize()}. */
    public int batchSize() {
        return batching.batchSize();
    }

    /** {@link Batching#shuffle()}. */
    public boolean shuffle() {
        return batching.shuffle();
    }

    /** {@link Batching#seed()}. */
    public Long seed() {
        return batching.seed();
    }

    /** {@link Regularisation#l2()}. */
    public double l2() {
        return regularisation.l2();
    }

    /** {@link Regularisation#clipNorm()}. */
    public double clipNorm() {
        return regularisation.clipNorm();
    }

    /** {@link Regularisation#clipValue()}. */
    public double clipValue() {
        return regularisation.clipValue();
    }

    /** {@link Regularisation#classWeights()}. */
    public List<Double> classWeights() {
        return regularisation.classWeights();
    }

    /** {@link Holdout#validationSplit()}. */
    public double validationSplit() {
        return holdout.validationSplit();
    }

    /** {@link Holdout#validation()}. */
    public Optional<DataSet> validation() {
        return holdout.validation();
    }

    /** {@link Holdout#earlyStoppingPatience()}. */
    public int earlyStoppingPatience() {
        return holdout.earlyStoppingPatience();
    }

    /** {@link Holdout#earlyStoppingMinDelta()}. */
    public double earlyStoppingMinDelta() {
        return holdout.earlyStoppingMinDelta();
    }

    /** {@link Checkpointing#checkpointDirectory()}. */
    public Path checkpointDirectory() {
        return checkpointing.checkpointDirectory();
    }

    /** {@link Checkpointing#checkpointEvery()}. */
    public int checkpointEvery() {
        return checkpointing.checkpointEvery();
    }

    /** {@link Checkpointing#resumeFrom()}. */
    public Path resumeFrom() {
        return checkpointing.resumeFrom();
    }

    /** {@link Monitoring#listeners()}. */
    public List<TrainingListener> listeners() {
        return monitoring.listeners();
    }

    /** {@link Monitoring#diagnostics()}. */
    public boolean diagnostics() {
        return monitoring.diagnostics();
    }

    /** Whether the gradients are clipped (by norm or by value) before each update. */
    public boolean clips() {
        return clipNorm() > 0 || clipValue() > 0;
    }

    /** A builder with the defaults; only the loss must be set. */
    public static Builder builder() {
        return new Builder();
    }

    /** Whether each epoch is measured on validation data (held out or given). */
    public boolean hasValidation() {
        return validation().isPresent() || validationSplit() > 0;
    }

    /**
     * Collects the settings of a {@link Fit}; every setter checks its argument at once and sets the
     * component of the same name in its group.
     */
    public static final class Builder {

        private Loss loss;
        private Optimizer optimizer = Optimizer.sgd(DEFAULT_LEARNING_RATE);
        private Schedule schedule = Schedule.constant();
        private Batching batching = Batching.DEFAULTS;
        private Regularisation regularisation = Regularisation.DEFAULTS;
        private Holdout holdout = Holdout.DEFAULTS;
        private Checkpointing checkpointing = Checkpointing.DEFAULTS;
        private Monitoring monitoring = Monitoring.DEFAULTS;

        private Builder() {
        }

        /** The loss to minimise (required). */
        public Builder loss(Loss loss) {
            this.loss = Checks.notNull("loss", loss);
            return this;
        }

        /** The optimizer (default {@code sgd(0.01)}). */
        public Builder optimizer(Optimizer optimizer) {
            this.optimizer = Checks.notNull("optimizer", optimizer);
            return this;
        }

        /** Passes over the data, {@code > 0} (default {@value Fit#DEFAULT_EPOCHS}). */
        public Builder epochs(int epochs) {
            batching = Records.with(batching, "epochs", Checks.positive("epochs", epochs));
            return this;
        }

        /** Examples per step, {@code > 0} (default 32); a batch larger than the data means full batch. */
        public Builder batchSize(int batchSize) {
            batching = Records.with(batching, "batchSize", Checks.positive("batchSize", batchSize));
            return this;
        }

        /** Whether to shuffle before every epoch (default true). */
        public Builder shuffle(boolean shuffle) {
            batching = Records.with(batching, "shuffle", shuffle);
            return this;
        }

        /** The shuffling seed (default: the network's seed). */
        public Builder seed(long seed) {
            batching = Records.with(batching, "seed", seed);
            return this;
        }

        /** L2 weight decay λ ≥ 0 (default 0): adds {@code λ·W} to each weight gradient. */
        public Builder l2(double l2) {
            regularisation = Records.with(regularisation, "l2", Checks.nonNegative("l2", l2));
            return this;
        }

        /** The learning-rate schedule, asked before every epoch (default {@link Schedule#constant()}). */
        public Builder schedule(Schedule schedule) {
            this.schedule = Checks.notNull("schedule", schedule);
            return this;
        }

        /**
         * Holds out {@code fraction} of the training data, in {@code (0, 1)}, to measure the
         * validation loss and accuracy after every epoch. The rows are drawn at random from the fit
         * seed and, when the targets are classes, the same fraction of every class (stratified).
         *
         * @throws IllegalStateException when {@link #validation(DataSet)} was called too
         */
        public Builder validationSplit(double fraction) {
            if (!(fraction > 0 && fraction < 1)) {
                throw new IllegalArgumentException("validationSplit must be in (0, 1), was " + fraction);
            }
            if (holdout.validation().isPresent()) {
                throw new IllegalStateException("validationSplit(" + fraction + ") contradicts validation("
                        + holdout.validation().get()
                        + ") set before; use one of them");
            }
            holdout = Records.with(holdout, "validationSplit", fraction);
            return this;
        }

        /**
         * Measures the loss and accuracy on {@code data} after every epoch.
         *
         * @throws IllegalStateException when {@link #validationSplit(double)} was called too
         */
        public Builder validation(DataSet data) {
            Checks.notNull("validation data", data);
            if (holdout.validationSplit() > 0) {
                throw new IllegalStateException("validation(" + data + ") contradicts validationSplit("
                        + holdout.validationSplit() + ") set before; use one of them");
            }
            holdout = Records.with(holdout, "validation", Optional.of(data));
            return this;
        }

        /**
         * Stops when the validation loss has not improved for {@code patience} epochs and puts back
         * the weights of the epoch with the lowest validation loss. Needs validation data.
         */
        public Builder earlyStopping(int patience) {
            return earlyStopping(patience, 0);
        }

        /**
         * As {@link #earlyStopping(int)}, where only a fall of more than {@code minDelta ≥ 0} counts
         * as an improvement; the weights put back are still those of the lowest validation loss.
         */
        public Builder earlyStopping(int patience, double minDelta) {
            holdout = Records.with(holdout, "earlyStoppingPatience", Checks.positive("patience", patience));
            holdout = Records.with(holdout, "earlyStoppingMinDelta", Checks.nonNegative("minDelta", minDelta));
            return this;
        }

        /**
         * Clips the gradients by their global L2 norm before every update, as
         * {@code torch.nn.utils.clip_grad_norm_(parameters, maxNorm)}: with {@code n} the norm over
         * every gradient (weights and biases) together, all are multiplied by
         * {@code min(1, maxNorm / (n + 1e-6))}. Applied before {@link #l2} adds {@code λ·W}, as torch
         * applies it before the optimizer's weight decay. {@code maxNorm > 0}.
         *
         * @throws IllegalStateException when {@link #clipValue(double)} was called too
         */
        public Builder clipNorm(double maxNorm) {
            Checks.positive("clipNorm", maxNorm);
            if (regularisation.clipValue() > 0) {
                throw new IllegalStateException("clipNorm(" + maxNorm + ") contradicts clipValue("
                        + regularisation.clipValue()
                        + ") set before; clip by one of them");
            }
            regularisation = Records.with(regularisation, "clipNorm", maxNorm);
            return this;
        }

        /**
         * Clamps every gradient element into {@code [−limit, limit]} before every update, as
         * {@code torch.nn.utils.clip_grad_value_(parameters, limit)}; before {@link #l2}, as
         * {@link #clipNorm}. {@code limit > 0}.
         *
         * @throws IllegalStateException when {@link #clipNorm(double)} was called too
         */
        public Builder clipValue(double limit) {
            Checks.positive("clipValue", limit);
            if (regularisation.clipNorm() > 0) {
                throw new IllegalStateException("clipValue(" + limit + ") contradicts clipNorm("
                        + regularisation.clipNorm()
                        + ") set before; clip by one of them");
            }
            regularisation = Records.with(regularisation, "clipValue", limit);
            return this;
        }

        /**
         * Weighs each training row's loss by its class's weight, one weight {@code > 0} per class in
         * target-column order (for one 0/1 target column: class 0, then class 1). The loss of a batch
         * is then {@code Σ wᵢ·lᵢ / Σ wᵢ}, as PyTorch's {@code cross_entropy(weight=…)} defines it
         * (see {@code losses.WeightedMean}); with row weights on the data set
         * ({@link DataSet#withWeights}) a row weighs its own weight times its class's. Give a rare
         * class more weight to raise its recall. The validation loss stays unweighted.
         */
        public Builder classWeights(double... weights) {
            Checks.notNull("classWeights", weights);
            if (weights.length < 2) {
                throw new IllegalArgumentException("classWeights needs one weight per class (at least 2), was "
                        + weights.length);
            }
            List<Double> checked = new ArrayList<>();
            for (int c = 0; c < weights.length; c++) {
                checked.add(Checks.positive("class weight " + c, weights[c]));
            }
            regularisation = Records.with(regularisation, "classWeights", List.copyOf(checked));
            return this;
        }

        /**
         * Writes a checkpoint into {@code directory} (created when missing) after every
         * {@code everyEpochs}-th epoch: one file {@code checkpoint-<epoch, 10 digits>.zip} holding all
         * a training needs to continue — weights, optimizer state, epoch, early stopping's state and
         * the history (the shuffling and the dropout masks follow from the seed and the epoch) —
         * written atomically. Continue
         * with {@link #resumeFrom(Path)}. The folder should hold nothing else.
         */
        public Builder checkpoints(Path directory, int everyEpochs) {
            checkpointing = Records.with(checkpointing, "checkpointDirectory", Checks.notNull("checkpoint directory", directory));
            checkpointing = Records.with(checkpointing, "checkpointEvery", Checks.positive("everyEpochs", everyEpochs));
            return this;
        }

        /**
         * Continues the training a checkpoint file (from {@link #checkpoints}) stopped at, up to this
         * fit's {@link #epochs}, with the same result as a training that never stopped. The network must
         * be built the same way and the fit must be the same but for {@code epochs}, listeners and
         * checkpoints; anything else that would change the result is refused, naming the difference.
         */
        public Builder resumeFrom(Path checkpoint) {
            checkpointing = Records.with(checkpointing, "resumeFrom", Checks.notNull("checkpoint", checkpoint));
            return this;
        }

        /**
         * Measures, per epoch and dense layer, the gradient norm, the update-to-weight ratio, the
         * weight norm, the share of ReLUs that never fired and of saturated sigmoid or tanh units
         * ({@link TrainingHistory#diagnostics()}, defined in {@link LayerDiagnostics}), and raises
         * plain-language warnings when a known pathology shows ({@link TrainingHistory#warnings()},
         * also logged at WARN). Measured on up to 4 batches per epoch, so the cost is bounded; the
         * training itself is the same as without (default false: nothing is measured, nothing costs).
         */
        public Builder diagnostics(boolean diagnostics) {
            monitoring = Records.with(monitoring, "diagnostics", diagnostics);
            return this;
        }

        /** Adds a listener; see {@link TrainingListener} for its events. */
        public Builder listener(TrainingListener listener) {
            List<TrainingListener> listeners = new ArrayList<>(monitoring.listeners());
            listeners.add(Checks.notNull("listener", listener));
            monitoring = Records.with(monitoring, "listeners", listeners);
            return this;
        }

        /**
         * The settings, checked.
         *
         * @throws IllegalStateException when no loss was set, or early stopping has no validation data
         */
        public Fit build() {
            if (loss == null) {
                throw new IllegalStateException("Fit needs a loss: call loss(Loss.MSE), loss(Loss.CROSS_ENTROPY) or "
                        + "loss(Loss.BINARY_CROSS_ENTROPY)");
            }
            if (holdout.earlyStoppingPatience() > 0 && holdout.validation().isEmpty() && holdout.validationSplit() == 0) {
                throw new IllegalStateException("earlyStopping(" + holdout.earlyStoppingPatience() + ") watches the "
                        + "validation loss, but there is no validation data; add validationSplit(0.1) or "
                        + "validation(dataSet)");
            }
            return new Fit(loss, optimizer, schedule, batching, regularisation, holdout, checkpointing, monitoring);
        }
    }
}
