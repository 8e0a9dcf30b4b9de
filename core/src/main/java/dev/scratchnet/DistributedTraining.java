package dev.scratchnet;

import dev.scratchnet.arithmetic.Trainer;
import dev.scratchnet.internal.Checks;
import dev.scratchnet.internal.Permutation;
import java.util.List;
import java.util.Random;

/**
 * {@link Network#fit}'s training — the same loop, the same parts, every {@link Fit} setting with
 * its meaning there — over global batches whose gradients are computed somewhere else:
 * scratchnet-spark's partitions. Only where each batch's gradient comes from differs (as in
 * XGBoost4J-Spark); the validation split, clipping, weight decay and optimizer step happen here,
 * on the caller's network. Not API: the bridge for scratchnet's own modules.
 * <p>
 * The rows are numbered {@code 0 … rows − 1} in the source's order. A {@code validationSplit}
 * holds out the rows {@code fit} would hold out of the same rows (stratified by the source's
 * {@link BatchSource#labels()}, drawn from the fit seed) and fetches them once; the epochs then
 * shuffle the other rows as {@code fit} shuffles its training rows.
 */
public final class DistributedTraining {

    private DistributedTraining() {
    }

    /** Where each global batch's gradient comes from. */
    public interface BatchSource {

        /**
         * Starts epoch {@code epoch} (from 1, a resumed training's counted on) whose global batches take
         * the rows in {@code order} (each row at most once); the row at position {@code p} draws the
         * dropout masks of training row {@code maskRows[p]}, its number among the
         * {@code maskRows.length} rows the epoch trains on (the rows not held out, numbered in order),
         * as {@code fit} numbers them ({@link BatchGradients#startEpoch(int, int[], int[], int)}).
         */
        void startEpoch(int epoch, int[] order, int[] maskRows);

        /**
         * Fills every parameter's gradient ({@link Layer#parameters()} of the network being trained)
         * with the mean gradient over positions {@code [start, end)} of the epoch's order at the
         * network's current weights (weighted by the rows' weights, when they have some), and returns
         * the mean loss of those rows' predictions.
         */
        double gradients(int start, int end);

        /** How many rows of the last batch were classified right (0 when the targets are not classes). */
        int correct();

        /** The class of every row, in row order (asked only for a validation split of class targets). */
        int[] labels();

        /** The rows at {@code rows} (row numbers), as the workers train on them: held-out rows, diagnosed batches. */
        DataSet rows(int[] rows);
    }

    /**
     * Where the rounds of parameter averaging run (scratchnet-spark's partitions, each taking local
     * steps of its own rows and sending back where it ended).
     */
    public interface RoundSource {

        /**
         * Runs round {@code round} (from 1) of epoch {@code epoch} at {@code learningRate}: starts
         * every partition from the network's weights and {@code optimizer}'s state ({@link
         * OptimizerState#arrays()} and {@link OptimizerState#steps()}), and leaves the average of
         * where they ended in both. Returns the mean loss over the rows the round's steps took, the
         * weights left alone when it is NaN or infinite.
         */
        double round(int epoch, int round, double learningRate, OptimizerState optimizer);

        /** How many rows the last round's steps took, over every partition (1 or more). */
        int rows();

        /** How many of them were classified right, each before its step's update (0 when not classes). */
        int correct();
    }

    /**
     * Trains {@code network} by {@code rounds} rounds of parameter averaging an epoch that
     * {@code source} runs, through {@code fit}'s loop and parts: the schedule, given validation data,
     * early stopping, checkpoints and resume, listeners (a round is a "batch" to them) and the
     * divergence guard mean what they mean in {@code fit}. What happens within a round — the local
     * steps, with clipping, class weights and weight decay — is the source's; the optimizer state
     * the loop keeps (and checkpoints save) is the averaged one.
     *
     * @param trainingData the rows and the averaging as a checkpoint's fingerprint names them
     * @throws IllegalArgumentException for a validation split or diagnostics, which averaging does not do,
     *                                  or class weights that do not fit the targets
     */
    public static TrainingHistory fitRounds(Network network, Fit fit, int rounds, boolean classes, String trainingData,
                                            RoundSource source) {
        Checks.notNull("fit", fit);
        if (fit.validationSplit() > 0 || fit.diagnostics()) {
            throw new IllegalArgumentException("parameter averaging holds out no validationSplit and measures no"
                    + " diagnostics; this fit asks for " + (fit.diagnostics() ? "diagnostics" : "validationSplit("
                    + fit.validationSplit() + ")"));
        }
        Checks.notNull("source", source);
        Checks.positive("rounds", rounds);
        ClassWeights.check(fit.classWeights(), Checks.notNull("network", network), classes);
        Random shuffling = Permutation.generator(fit.seed() != null ? fit.seed() : network.seed());
        Validation validation = validation(network, fit, fit.validation().orElse(null), classes);
        return Training.start(network, fit, trainingData).runRounds(source, rounds, classes, validation, shuffling);
    }

    /**
     * The gradient clipping {@code fit} applies before weight decay and the optimizer's step, over
     * {@code parameters}' gradients, for steps taken somewhere else; null when neither bound is set.
     *
     * @param maxNorm {@link Fit#clipNorm()}, 0 for none
     * @param limit   {@link Fit#clipValue()}, 0 for none
     */
    public static Runnable gradientClipping(double maxNorm, double limit, List<Parameter> parameters, Backend backend) {
        if (maxNorm <= 0 && limit <= 0) {
            return null;
        }
        return new GradientClipping(maxNorm, limit, parameters, backend)::apply;
    }

    /**
     * Trains {@code network} on {@code rows} rows that {@code source} computes the gradients of, as
     * {@code fit} says, and leaves the trained weights in {@code network}.
     *
     * @param classes      whether the targets are classes, so that accuracy is measured
     * @param trainingData the rows as a checkpoint's fingerprint names them: their shape and sums, e.g.
     *                     {@code 1797 rows × 64 features, 10 targets, Σx = …, Σy = …}
     * @throws IllegalArgumentException when the class weights do not fit the targets
     */
    public static TrainingHistory fit(Network network, Fit fit, int rows, boolean classes, String trainingData,
                                      BatchSource source) {
        Checks.notNull("network", network);
        Checks.notNull("fit", fit);
        Checks.notNull("source", source);
        Checks.positive("rows", rows);
        ClassWeights.check(fit.classWeights(), network, classes);
        Random shuffling = Permutation.generator(fit.seed() != null ? fit.seed() : network.seed());
        int[] trainRows = Permutation.identity(rows);
        DataSet validationRows = fit.validation().orElse(null);
        if (fit.validationSplit() > 0) {
            boolean[] held = ValidationSplit.held(classes ? source.labels() : null, rows, fit.validationSplit(),
                    shuffling);
            trainRows = ValidationSplit.rows(held, false);
            validationRows = source.rows(ValidationSplit.rows(held, true));
        }
        Validation validation = validation(network, fit, validationRows, classes);
        Training training = Training.start(network, fit, trainingData);
        Gathered gathered = new Gathered(source, trainRows);
        return training.run(gathered, trainRows.length, classes ? new int[0] : null, validation,
                trainingRows -> gathered.rows(trainingRows).inType(network.dataType()), shuffling);
    }

    /** The validation of {@code rows} (none when null), in the network's type and scales. */
    private static Validation validation(Network network, Fit fit, DataSet rows, boolean classes) {
        return rows == null ? Validation.none() : Validation.of(network, fit.loss(), rows.inType(network.dataType())
                .rescaled(network.scaler().orElse(null), network.targetScaler().orElse(null)), classes);
    }

    /**
     * A source as the loop's step takes it: the training rows numbered {@code 0 … n − 1} (those not
     * held out), no fused update, the correct count the source made.
     */
    private record Gathered(BatchSource source, int[] trainRows) implements Trainer {

        @Override
        public void startEpoch(int epoch, int[] order, int[] maskRows, int rows) {
            source.startEpoch(epoch, sourceRows(order), maskRows);
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

        DataSet rows(int[] trainingRows) {
            return source.rows(sourceRows(trainingRows));
        }

        private int[] sourceRows(int[] trainingRows) {
            int[] rows = new int[trainingRows.length];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = trainRows[trainingRows[i]];
            }
            return rows;
        }
    }
}
