package dev.scratchnet;

import dev.scratchnet.arithmetic.Trainer;
import dev.scratchnet.internal.Checks;
import dev.scratchnet.internal.Permutation;
import java.util.Random;

/**
 * {@link Network#fit}'s training — the same loop, the same parts, every {@link Fit} setting with
 * its meaning there — over global batches whose gradients are computed somewhere else:
 * scratchnet-spark's partitions. Only where each batch's gradient comes from differs (as in
 * XGBoost4J-Spark); the clipping, weight decay and optimizer step happen here, on the caller's
 * network. Not API: the bridge for scratchnet's own modules.
 */
public final class DistributedTraining {

    private DistributedTraining() {
    }

    /** Where each global batch's gradient comes from. */
    public interface BatchSource {

        /** Starts an epoch whose global batches take the rows in {@code order} (every row once). */
        void startEpoch(int[] order);

        /**
         * Fills every parameter's gradient ({@link Layer#parameters()} of the network being trained)
         * with the mean gradient over positions {@code [start, end)} of the epoch's order at the
         * network's current weights, and returns the mean loss of those rows' predictions.
         */
        double gradients(int start, int end);

        /** How many rows of the last batch were classified right (0 when the targets are not classes). */
        int correct();
    }

    /**
     * Trains {@code network} on {@code rows} rows that {@code source} computes the gradients of, as
     * {@code fit} says, and leaves the trained weights in {@code network}.
     *
     * @param classes      whether the targets are classes, so that accuracy is measured
     * @param trainingData the rows as a checkpoint's fingerprint names them: their shape and sums, e.g.
     *                     {@code 1797 rows × 64 features, 10 targets, Σx = …, Σy = …}
     * @throws IllegalArgumentException when the fit asks for what the source cannot do: a
     *                                  {@code validationSplit} (hold out rows of your own and give them as
     *                                  {@code validation(dataSet)}), or diagnostics
     */
    public static TrainingHistory fit(Network network, Fit fit, int rows, boolean classes, String trainingData,
                                      BatchSource source) {
        Checks.notNull("network", network);
        Checks.notNull("fit", fit);
        Checks.notNull("source", source);
        Checks.positive("rows", rows);
        DataSet given = fit.validation().orElse(null);
        Validation validation = given == null ? Validation.none() : Validation.of(network, fit.loss(),
                given.inType(network.dataType()).rescaled(network.scaler().orElse(null),
                        network.targetScaler().orElse(null)), classes);
        Random shuffling = Permutation.generator(fit.seed() != null ? fit.seed() : network.seed());
        Training training = Training.start(network, fit, trainingData);
        return training.run(new Gathered(source), rows, classes ? new int[0] : null, null, validation, null, shuffling);
    }

    /** A source as the loop's step takes it: no fused update, the correct count the source made. */
    private record Gathered(BatchSource source) implements Trainer {

        @Override
        public void startEpoch(int[] order) {
            source.startEpoch(order);
        }

        @Override
        public double gradients(int from, int to) {
            return source.gradients(from, to);
        }

        @Override
        public boolean offersFusedSgd() {
            return false;
        }

        @Override
        public double sgdStep(int from, int to, double learningRate, double l2) {
            throw new UnsupportedOperationException("a gathered gradient is never fused into an update");
        }

        /** The source counts its rows itself; the labels the step passes are not used. */
        @Override
        public int lastBatchCorrect(int[] labels) {
            return source.correct();
        }
    }
}
