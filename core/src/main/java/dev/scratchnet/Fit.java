package dev.scratchnet;

import dev.scratchnet.internal.Checks;
import java.util.ArrayList;
import java.util.List;

/**
 * How to train: loss, optimizer, epochs, batch size, shuffling, weight decay and listeners.
 * Build with {@link #builder()}; the defaults are the constants below.
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
    private final List<TrainingListener> listeners;

    private Fit(Builder builder) {
        this.loss = builder.loss;
        this.optimizer = builder.optimizer;
        this.epochs = builder.epochs;
        this.batchSize = builder.batchSize;
        this.shuffle = builder.shuffle;
        this.seed = builder.seed;
        this.l2 = builder.l2;
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

        /** Adds a listener, called at the end of every epoch. */
        public Builder listener(TrainingListener listener) {
            listeners.add(Checks.notNull("listener", listener));
            return this;
        }

        /** The settings, checked. @throws IllegalStateException when no loss was set */
        public Fit build() {
            if (loss == null) {
                throw new IllegalStateException("Fit needs a loss: call loss(Loss.MSE), loss(Loss.CROSS_ENTROPY) or "
                        + "loss(Loss.BINARY_CROSS_ENTROPY)");
            }
            return new Fit(this);
        }
    }
}
