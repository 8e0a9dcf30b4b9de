package dev.scratchnet;

import dev.scratchnet.internal.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How to train: loss, optimizer and learning-rate schedule, epochs, batch size, shuffling, weight
 * decay, validation data, early stopping and listeners. Build with {@link #builder()}; the
 * defaults are the constants below and the builder's setter docs.
 */
public final class Fit {

    /** Epochs when {@link Builder#epochs(int)} is not called. */
    public static final int DEFAULT_EPOCHS = 10;
    /** Batch size when {@link Builder#batchSize(int)} is not called (Keras' default). */
    public static final int DEFAULT_BATCH_SIZE = 32;
    /** Learning rate of the default optimizer, {@code sgd(0.01)}. */
    public static final double DEFAULT_LEARNING_RATE = 0.01;

    private final Loss loss;
    private final Optimizer optimizer;
    private final int epochs;
    private final int batchSize;
    private final boolean shuffle;
    private final Long seed;
    private final double l2;
    private final Schedule schedule;
    private final double validationSplit;
    private final DataSet validation;
    private final int earlyStoppingPatience;
    private final double earlyStoppingMinDelta;
    private final List<TrainingListener> listeners;

    private Fit(Builder builder) {
        this.loss = builder.loss;
        this.optimizer = builder.optimizer;
        this.epochs = builder.epochs;
        this.batchSize = builder.batchSize;
        this.shuffle = builder.shuffle;
        this.seed = builder.seed;
        this.l2 = builder.l2;
        this.schedule = builder.schedule;
        this.validationSplit = builder.validationSplit;
        this.validation = builder.validation;
        this.earlyStoppingPatience = builder.earlyStoppingPatience;
        this.earlyStoppingMinDelta = builder.earlyStoppingMinDelta;
        this.listeners = List.copyOf(builder.listeners);
    }

    /** A builder with the defaults; only the loss must be set. */
    public static Builder builder() {
        return new Builder();
    }

    /** The loss to minimise. */
    public Loss loss() {
        return loss;
    }

    /** The optimizer that updates the weights. */
    public Optimizer optimizer() {
        return optimizer;
    }

    /** Passes over the training data. */
    public int epochs() {
        return epochs;
    }

    /** Examples per gradient step; the last batch of an epoch may be smaller. */
    public int batchSize() {
        return batchSize;
    }

    /** Whether the examples are shuffled before every epoch. */
    public boolean shuffle() {
        return shuffle;
    }

    /** The shuffling seed, or null to use the network's seed. */
    public Long seed() {
        return seed;
    }

    /** L2 weight-decay factor λ: {@code λ·W} is added to every weight gradient (not to biases). */
    public double l2() {
        return l2;
    }

    /** The learning-rate schedule ({@link Schedule#constant()} unless set). */
    public Schedule schedule() {
        return schedule;
    }

    /** The fraction of the training data held out for validation, or 0 when none is. */
    public double validationSplit() {
        return validationSplit;
    }

    /** The validation data given with {@link Builder#validation(DataSet)}, if any. */
    public Optional<DataSet> validation() {
        return Optional.ofNullable(validation);
    }

    /** Whether each epoch is measured on validation data (held out or given). */
    public boolean hasValidation() {
        return validation != null || validationSplit > 0;
    }

    /** Epochs without improvement of the validation loss before training stops, or 0 for no early stopping. */
    public int earlyStoppingPatience() {
        return earlyStoppingPatience;
    }

    /** How much the validation loss must fall to count as an improvement for early stopping. */
    public double earlyStoppingMinDelta() {
        return earlyStoppingMinDelta;
    }

    /** Listeners called as training goes, in the order they were added. */
    public List<TrainingListener> listeners() {
        return listeners;
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
            return new Fit(this);
        }
    }
}
