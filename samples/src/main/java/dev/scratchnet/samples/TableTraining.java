package dev.scratchnet.samples;

import dev.scratchnet.Activation;
import dev.scratchnet.DataSet;
import dev.scratchnet.Evaluation;
import dev.scratchnet.Fit;
import dev.scratchnet.Initializer;
import dev.scratchnet.Loss;
import dev.scratchnet.Network;
import dev.scratchnet.Optimizer;
import dev.scratchnet.Scaler;
import dev.scratchnet.TrainingHistory;
import dev.scratchnet.TrainingListener;
import dev.scratchnet.runtime.TableColumns;
import java.util.Arrays;
import java.util.List;

/**
 * The training behind {@code train --csv}, callable from Java (a {@code tune} command searches over
 * its {@link Settings}): a model for some rows of a {@link TableTask}, its score on others, K-fold
 * cross-validation, and the refit on every row. Each model is fitted only on the rows it is given:
 * the table encoding (one-hot categories, fill values), the input scaler and, for a regression, the
 * target scaler come from those rows alone.
 */
final class TableTraining {

    /**
     * What a table model is built and trained with.
     *
     * @param hidden             hidden layer widths (ReLU, He initialisation)
     * @param learningRate       Adam's rate
     * @param l2                 weight decay λ (adds λ·W to dW)
     * @param batchSize          rows per step
     * @param patience           epochs without a better validation loss before stopping
     * @param validationFraction share of the training rows held out to choose the epoch count
     * @param maxEpochs          at most this many epochs
     * @param seed               seed of the splits, the weights and the shuffling
     * @param indicators         whether a column with missing cells gets a missing-indicator input
     * @param unseen             what prediction does with a category the training rows never held
     * @param dropout            inverted dropout after each hidden layer, 0 for none
     * @param threads            threads sharing each batch ({@code Network.Builder.threads}), 0 for the
     *                           builder's own choice; {@code tune} runs one trial a core, each on 1
     */
    record Settings(List<Integer> hidden, double learningRate, double l2, int batchSize, int patience,
                    double validationFraction, int maxEpochs, long seed, boolean indicators,
                    TableColumns.Unseen unseen, double dropout, int threads) {

        /** Settings without dropout, on the builder's own thread count. */
        Settings(List<Integer> hidden, double learningRate, double l2, int batchSize, int patience,
                 double validationFraction, int maxEpochs, long seed, boolean indicators,
                 TableColumns.Unseen unseen) {
            this(hidden, learningRate, l2, batchSize, patience, validationFraction, maxEpochs, seed, indicators,
                    unseen, 0, 0);
        }

        /** Weight decay for classes: enough to steady small tables, little enough for wine and breast cancer. */
        static final double CLASSIFICATION_L2 = 1e-2;
        /** Weight decay for a regression: a small table's noise needs a smoother fit (diabetes, docs/tables.md). */
        static final double REGRESSION_L2 = 1e-1;

        /** The defaults {@code train} uses for a task (chosen by the measurements in docs/tables.md). */
        static Settings defaults(boolean classification) {
            return new Settings(List.of(64, 32), 1e-3, classification ? CLASSIFICATION_L2 : REGRESSION_L2, 32, 30, 0.2,
                    500, 1, false, TableColumns.Unseen.ZEROS);
        }

        Settings withSeed(long newSeed) {
            return new Settings(hidden, learningRate, l2, batchSize, patience, validationFraction, maxEpochs, newSeed,
                    indicators, unseen, dropout, threads);
        }
    }

    /**
     * A model trained with early stopping.
     *
     * @param network     the network, with the weights of its best validation epoch
     * @param history     the epochs it ran
     * @param trainRows   the rows it learnt from
     * @param validation  the rows that chose its epoch count
     */
    record Trained(Network network, TrainingHistory history, int[] trainRows, int[] validation) {

        /** The epoch count the validation rows chose: the best epoch. */
        int chosenEpochs() {
            return history.bestEpoch();
        }
    }

    private TableTraining() {
    }

    /**
     * A model of {@code rows}: a share of them ({@link Settings#validationFraction}, stratified for
     * classes) watches the loss for early stopping, the rest trains.
     */
    static Trained train(TableTask task, int[] rows, Settings settings, TrainingListener listener) {
        int[][] parts = RowSplits.split(rows, task.labels(), 1 - settings.validationFraction(), settings.seed() + 1);
        TableColumns columns = task.fitColumns(parts[0], settings.indicators(), settings.unseen());
        DataSet train = task.data(columns, parts[0]);
        DataSet validation = task.data(columns, parts[1]);
        Network network = network(task, columns, train, settings);
        Fit.Builder fit = fit(task, settings, settings.maxEpochs()).validation(validation)
                .earlyStopping(settings.patience());
        if (listener != null) {
            fit.listener(listener);
        }
        return new Trained(network, network.fit(train, fit.build()), parts[0], parts[1]);
    }

    /** A model of every one of {@code rows}, trained for {@code epochs} epochs (no rows held out). */
    static Network refit(TableTask task, int[] rows, Settings settings, int epochs) {
        TableColumns columns = task.fitColumns(rows, settings.indicators(), settings.unseen());
        DataSet all = task.data(columns, rows);
        Network network = network(task, columns, all, settings);
        network.fit(all, fit(task, settings, epochs).build());
        return network;
    }

    /** The network's accuracy (classes) or R² (regression) on {@code rows}. */
    static double score(Network network, TableTask task, int[] rows) {
        Evaluation evaluation = evaluate(network, task, rows);
        return task.classification() ? evaluation.accuracy() : evaluation.r2();
    }

    /** The network's evaluation on {@code rows}, encoded as the network says. */
    static Evaluation evaluate(Network network, TableTask task, int[] rows) {
        TableColumns columns = network.table().orElseGet(() -> task.fitColumns(rows, false,
                TableColumns.Unseen.REFUSE));
        return network.evaluate(task.data(columns, rows));
    }

    /**
     * K-fold cross-validation of the settings (stratified for classes): each fold scored by a model
     * trained, as {@link #train} does, on the other folds.
     *
     * @return the K scores, fold by fold
     */
    static double[] crossValidate(TableTask task, int folds, Settings settings) {
        int[] all = task.allRows();
        if (folds < 2 || folds > all.length) {
            throw new IllegalArgumentException("--cv needs between 2 and " + all.length + " folds (the rows with a "
                    + "target), was " + folds);
        }
        int[][] parts = RowSplits.folds(all, task.labels(), folds, settings.seed() + 2);
        double[] scores = new double[folds];
        for (int k = 0; k < folds; k++) {
            Trained trained = train(task, RowSplits.without(all, parts[k]), settings, null);
            scores[k] = score(trained.network(), task, parts[k]);
        }
        return scores;
    }

    /** The mean and the standard deviation (over the K scores, as scikit-learn's {@code np.std}). */
    static double[] meanAndDeviation(double[] scores) {
        double mean = Arrays.stream(scores).average().orElse(Double.NaN);
        double squares = Arrays.stream(scores).map(score -> (score - mean) * (score - mean)).sum();
        return new double[] {mean, Math.sqrt(squares / scores.length)};
    }

    /** Standardized inputs; softmax outputs for classes, an identity output on standardized targets otherwise. */
    private static Network network(TableTask task, TableColumns columns, DataSet train, Settings settings) {
        return network(settings, Scaler.standardize(train.features()), task.needsTable() ? columns : null,
                task.featureNames(), task.classification() ? task.classNames() : List.of(),
                task.classification() ? null : Scaler.standardize(train.targets()));
    }

    /**
     * The table network of {@code settings}: inputs scaled by {@code scaler}; the table encoding
     * {@code columns} when a cell needs it (null: numbers only, named {@code featureNames}); softmax
     * over {@code classNames}, or one identity output on targets scaled by {@code targetScaler}.
     */
    static Network network(Settings settings, Scaler scaler, TableColumns columns, List<String> featureNames,
                           List<String> classNames, Scaler targetScaler) {
        Network.Builder builder = Network.builder().seed(settings.seed()).input(scaler.width()).scaler(scaler);
        if (columns != null) {
            builder.table(columns).inputNames(columns.encodedNames());
        } else {
            builder.inputNames(featureNames);
        }
        if (settings.threads() > 0) {
            builder.threads(settings.threads());
        }
        for (int width : settings.hidden()) {
            builder.dense(width, Activation.RELU, Initializer.HE);
            if (settings.dropout() > 0) {
                builder.dropout(settings.dropout());
            }
        }
        if (!classNames.isEmpty()) {
            builder.dense(classNames.size(), Activation.SOFTMAX).classNames(classNames);
        } else {
            builder.dense(1, Activation.IDENTITY).targetScaler(targetScaler);
        }
        return builder.build();
    }

    private static Fit.Builder fit(TableTask task, Settings settings, int epochs) {
        return fit(task.classification(), settings, epochs);
    }

    /** Adam at the settings' rate, their batch size, L2 and seed, for {@code epochs} epochs. */
    static Fit.Builder fit(boolean classification, Settings settings, int epochs) {
        return Fit.builder().loss(classification ? Loss.CROSS_ENTROPY : Loss.MSE)
                .optimizer(Optimizer.adam(settings.learningRate())).batchSize(settings.batchSize())
                .l2(settings.l2()).epochs(epochs).seed(settings.seed());
    }
}
