package dev.scratchnet;

import dev.scratchnet.internal.Checks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How to train: loss, optimizer and learning-rate schedule, epochs, batch size, shuffling, weight
 * decay, validation data, early stopping and listeners. Build with {@link #builder()}; the
 * defaults are the constants below and the builder's setter docs. A {@code Fit} is immutable
 * settings (its optimizer too: each training makes its own optimizer state), so one can be reused
 * and shared by trainings running at the same time.
 *
 * @param loss                  the loss to minimise
 * @param optimizer             the optimizer that updates the weights
 * @param epochs                passes over the training data
 * @param batchSize             examples per gradient step; the last batch of an epoch may be smaller,
 *                              and a batch size larger than the data means one full batch
 * @param shuffle               whether the examples are shuffled before every epoch
 * @param seed                  the shuffling seed, or null to use the network's seed
 * @param l2                    L2 weight-decay factor λ: {@code λ·W} is added to every weight gradient (not to biases)
 * @param schedule              the learning-rate schedule ({@link Schedule#constant()} unless set)
 * @param validationSplit       the fraction of the training data held out for validation, or 0 when none is
 * @param validation            the validation data given with {@link Builder#validation(DataSet)}, if any
 * @param earlyStoppingPatience epochs without improvement of the validation loss before training
 *                              stops, or 0 for no early stopping
 * @param earlyStoppingMinDelta how much the validation loss must fall to count as an improvement
 * @param listeners             listeners called as training goes, in the order they were added
 * @param clipNorm              the bound of the gradients' global L2 norm, or 0 for no clipping by norm
 * @param clipValue             the bound of every gradient element's magnitude, or 0 for no clipping by value
 * @param classWeights          the weight of each class in the training loss, or empty for equal weights
 * @param checkpointDirectory   where checkpoints are written, or null for none
 * @param checkpointEvery       epochs between two checkpoints (0 without a directory)
 * @param resumeFrom            the checkpoint a training continues from, or null to start afresh
 * @param diagnostics           whether each epoch measures what happens inside each layer
 *                              ({@link TrainingHistory#diagnostics()}, {@link TrainingHistory#warnings()})
 */
public record Fit(Loss loss, Optimizer optimizer, int epochs, int batchSize, boolean shuffle, Long seed, double l2,
                  Schedule schedule, double validationSplit, Optional<DataSet> validation,
                  int earlyStoppingPatience, double earlyStoppingMinDelta, List<TrainingListener> listeners,
                  double clipNorm, double clipValue, List<Double> classWeights,
                  Path checkpointDirectory, int checkpointEvery, Path resumeFrom, boolean diagnostics) {

    /** Epochs when {@link Builder#epochs(int)} is not called. */
    public static final int DEFAULT_EPOCHS = 10;
    /** Batch size when {@link Builder#batchSize(int)} is not called (Keras' default). */
    public static final int DEFAULT_BATCH_SIZE = 32;
    /** Learning rate of the default optimizer, {@code sgd(0.01)}. */
    public static final double DEFAULT_LEARNING_RATE = 0.01;

    /** The settings as given, with the listeners copied; {@link #builder()} checks each one as it is set. */
    public Fit {
        Checks.notNull("loss", loss);
        Checks.notNull("optimizer", optimizer);
        Checks.notNull("schedule", schedule);
        Checks.notNull("validation", validation);
        listeners = List.copyOf(listeners);
        classWeights = List.copyOf(classWeights);
    }

    /** The settings of the first releases, without clipping. */
    public Fit(Loss loss, Optimizer optimizer, int epochs, int batchSize, boolean shuffle, Long seed, double l2,
               Schedule schedule, double validationSplit, Optional<DataSet> validation,
               int earlyStoppingPatience, double earlyStoppingMinDelta, List<TrainingListener> listeners) {
        this(loss, optimizer, epochs, batchSize, shuffle, seed, l2, schedule, validationSplit, validation,
                earlyStoppingPatience, earlyStoppingMinDelta, listeners, 0, 0, List.of(), null, 0, null, false);
    }

    /** The settings before diagnostics, without them. */
    public Fit(Loss loss, Optimizer optimizer, int epochs, int batchSize, boolean shuffle, Long seed, double l2,
               Schedule schedule, double validationSplit, Optional<DataSet> validation,
               int earlyStoppingPatience, double earlyStoppingMinDelta, List<TrainingListener> listeners,
               double clipNorm, double clipValue, List<Double> classWeights,
               Path checkpointDirectory, int checkpointEvery, Path resumeFrom) {
        this(loss, optimizer, epochs, batchSize, shuffle, seed, l2, schedule, validationSplit, validation,
                earlyStoppingPatience, earlyStoppingMinDelta, listeners, clipNorm, clipValue, classWeights,
                checkpointDirectory, checkpointEvery, resumeFrom, false);
    }

    /** Whether the gradients are clipped (by norm or by value) before each update. */
    public boolean clips() {
        return clipNorm > 0 || clipValue > 0;
    }

    /** A builder with the defaults; only the loss must be set. */
    public static Builder builder() {
        return new Builder();
    }

    /** Whether each epoch is measured on validation data (held out or given). */
    public boolean hasValidation() {
        return validation.isPresent() || validationSplit > 0;
    }

    /** Collects the settings of a {@link Fit}; every setter checks its argument at once. */
    public static final class Builder {

        private Loss loss;
        private Optimizer optimizer = Optimizer.sgd(DEFAULT_LEARNING_RATE);
        private int epochs = DEFAULT_EPOCHS;
        private int batchSize = DEFAULT_BATCH_SIZE;
        private boolean shuffle = true;
        private Long seed;
        private double l2;
        private Schedule schedule = Schedule.constant();
        private double validationSplit;
        private DataSet validation;
        private int earlyStoppingPatience;
        private double earlyStoppingMinDelta;
        private final List<TrainingListener> listeners = new ArrayList<>();
        private double clipNorm;
        private double clipValue;
        private List<Double> classWeights = List.of();
        private Path checkpointDirectory;
        private int checkpointEvery;
        private Path resumeFrom;
        private boolean diagnostics;

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
            this.epochs = Checks.positive("epochs", epochs);
            return this;
        }

        /** Examples per step, {@code > 0} (default 32); a batch larger than the data means full batch. */
        public Builder batchSize(int batchSize) {
            this.batchSize = Checks.positive("batchSize", batchSize);
            return this;
        }

        /** Whether to shuffle before every epoch (default true). */
        public Builder shuffle(boolean shuffle) {
            this.shuffle = shuffle;
            return this;
        }

        /** The shuffling seed (default: the network's seed). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** L2 weight decay λ ≥ 0 (default 0): adds {@code λ·W} to each weight gradient. */
        public Builder l2(double l2) {
            this.l2 = Checks.nonNegative("l2", l2);
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
            if (validation != null) {
                throw new IllegalStateException("validationSplit(" + fraction + ") contradicts validation(" + validation
                        + ") set before; use one of them");
            }
            this.validationSplit = fraction;
            return this;
        }

        /**
         * Measures the loss and accuracy on {@code data} after every epoch.
         *
         * @throws IllegalStateException when {@link #validationSplit(double)} was called too
         */
        public Builder validation(DataSet data) {
            Checks.notNull("validation data", data);
            if (validationSplit > 0) {
                throw new IllegalStateException("validation(" + data + ") contradicts validationSplit("
                        + validationSplit + ") set before; use one of them");
            }
            this.validation = data;
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
            this.earlyStoppingPatience = Checks.positive("patience", patience);
            this.earlyStoppingMinDelta = Checks.nonNegative("minDelta", minDelta);
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
            if (clipValue > 0) {
                throw new IllegalStateException("clipNorm(" + maxNorm + ") contradicts clipValue(" + clipValue
                        + ") set before; clip by one of them");
            }
            this.clipNorm = maxNorm;
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
            if (clipNorm > 0) {
                throw new IllegalStateException("clipValue(" + limit + ") contradicts clipNorm(" + clipNorm
                        + ") set before; clip by one of them");
            }
            this.clipValue = limit;
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
            this.classWeights = List.copyOf(checked);
            return this;
        }

        /**
         * Writes a checkpoint into {@code directory} (created when missing) after every
         * {@code everyEpochs}-th epoch: one file {@code checkpoint-<epoch, 10 digits>.zip} holding all
         * a training needs to continue — weights, optimizer state, epoch, the shuffling and dropout
         * generators' state, early stopping's state and the history — written atomically. Continue
         * with {@link #resumeFrom(Path)}. The folder should hold nothing else.
         */
        public Builder checkpoints(Path directory, int everyEpochs) {
            this.checkpointDirectory = Checks.notNull("checkpoint directory", directory);
            this.checkpointEvery = Checks.positive("everyEpochs", everyEpochs);
            return this;
        }

        /**
         * Continues the training a checkpoint file (from {@link #checkpoints}) stopped at, up to this
         * fit's {@link #epochs}, with the same result as a training that never stopped. The network must
         * be built the same way and the fit must be the same but for {@code epochs}, listeners and
         * checkpoints; anything else that would change the result is refused, naming the difference.
         */
        public Builder resumeFrom(Path checkpoint) {
            this.resumeFrom = Checks.notNull("checkpoint", checkpoint);
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
            this.diagnostics = diagnostics;
            return this;
        }

        /** Adds a listener; see {@link TrainingListener} for its events. */
        public Builder listener(TrainingListener listener) {
            listeners.add(Checks.notNull("listener", listener));
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
            if (earlyStoppingPatience > 0 && validation == null && validationSplit == 0) {
                throw new IllegalStateException("earlyStopping(" + earlyStoppingPatience + ") watches the validation "
                        + "loss, but there is no validation data; add validationSplit(0.1) or validation(dataSet)");
            }
            return new Fit(loss, optimizer, epochs, batchSize, shuffle, seed, l2, schedule, validationSplit,
                    Optional.ofNullable(validation), earlyStoppingPatience, earlyStoppingMinDelta, listeners,
                    clipNorm, clipValue, classWeights, checkpointDirectory, checkpointEvery, resumeFrom, diagnostics);
        }
    }
}
