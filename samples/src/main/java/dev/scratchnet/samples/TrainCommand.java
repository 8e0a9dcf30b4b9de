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
import dev.scratchnet.Split;
import dev.scratchnet.TrainingHistory;
import dev.scratchnet.data.Table;
import dev.scratchnet.plots.Plots;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./scratchnet train --csv FILE --target COLUMN}: a model for the user's own table. The test
 * rows are held out first (stratified by class); a tenth of the rest is held out again for
 * validation and early stopping; the scalers are fitted on what remains, so nothing of the
 * validation or test rows leaks into them. The network keeps its scalers, class names and input
 * names, so {@code predict --csv} takes raw rows.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a model on your own CSV table (a header line names the columns) and evaluate it on "
                + "held-out rows. Features must be numbers; the target may hold class names, class numbers or real "
                + "values. Inputs are standardized with the training rows' means and deviations (kept in the model).",
                "Defaults: hidden layers 64,32 ReLU; Adam 0.001, batch 32, L2 1e-4; up to 500 epochs with early "
                        + "stopping (patience 30) on a validation tenth of the training rows, best weights restored."})
final class TrainCommand implements Callable<Integer> {

    /** The files {@code --output} receives. */
    static final List<String> FILES = List.of("model.zip", "history.csv", "history.png", "confusion.png");

    @Option(names = "--csv", required = true, paramLabel = "FILE", description = "the table, with a header line")
    Path csv;

    @Option(names = "--target", required = true, paramLabel = "COLUMN", description = "the column to predict")
    String target;

    @Option(names = "--task", paramLabel = "TASK", description = "classification or regression (default: "
            + "classification for text or at most 20 distinct whole numbers, else regression)")
    String task;

    @Option(names = "--hidden", split = ",", paramLabel = "WIDTH", description = "hidden layer widths (default: 64,32)")
    List<Integer> hidden = List.of(64, 32);

    @Option(names = "--epochs", description = "at most this many epochs (default: ${DEFAULT-VALUE})")
    int epochs = 500;

    @Option(names = "--seed", description = "seed for the splits, the weights and the shuffling (default: ${DEFAULT-VALUE})")
    long seed = 1;

    @Option(names = "--test-fraction", paramLabel = "F", description = "share of rows held out for the test (default: ${DEFAULT-VALUE})")
    double testFraction = 0.2;

    @Option(names = "--output", paramLabel = "DIR", description = "folder for model.zip, history and plots (default: ${DEFAULT-VALUE})")
    Path output = Path.of("out", "train");

    @Option(names = "--quiet", description = "no per-epoch lines")
    boolean quiet;

    /** Patience of early stopping, in epochs without a better validation loss. */
    static final int PATIENCE = 30;
    /** The share of the training rows held out for validation. */
    static final double VALIDATION_FRACTION = 0.1;

    @Override
    public Integer call() throws IOException {
        checkOptions();
        Table read = Table.read(csv);
        TableTask table = TableTask.of(read, target, task);
        Float32Range.check(read, table.classification() ? target : null);
        DataSet all = table.data();
        Split test;
        Split validation;
        try {
            test = table.classification() ? all.stratifiedSplit(1 - testFraction, seed) : all.split(1 - testFraction, seed);
            validation = table.classification() ? test.train().stratifiedSplit(1 - VALIDATION_FRACTION, seed + 1)
                    : test.train().split(1 - VALIDATION_FRACTION, seed + 1);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(TooFewRows.message(csv, all.size(), testFraction, VALIDATION_FRACTION,
                    table.classification() ? table.classNames().size() : 0), e);
        }
        DataSet train = validation.train();
        System.out.printf(Locale.ROOT, "train: %s, %d rows, %d features, target \"%s\" (%s%s)%n", csv, all.size(),
                all.numFeatures(), target, table.classification() ? "classification" : "regression",
                table.classification() ? ", classes " + String.join(", ", table.classNames()) : "");
        System.out.printf(Locale.ROOT, "split: %d training, %d validation, %d held-out rows (seed %d)%n", train.size(),
                validation.test().size(), test.test().size(), seed);

        Network net = network(table, train);
        System.out.print(net.summary());
        Fit.Builder fit = Fit.builder()
                .loss(table.classification() ? Loss.CROSS_ENTROPY : Loss.MSE)
                .optimizer(Optimizer.adam(1e-3)).batchSize(32).l2(1e-4).epochs(epochs).seed(seed)
                .validation(validation.test()).earlyStopping(PATIENCE);
        if (!quiet) {
            fit.listener(EpochLine.PRINT);
        }
        TrainingHistory history = net.fit(train, fit.build());
        System.out.println("stopped after " + history.epochs() + " epochs (" + history.stopReason()
                + "); best validation loss at epoch " + history.bestEpoch());

        Evaluation evaluation = net.evaluate(test.test());
        Files.createDirectories(output);
        net.save(output.resolve("model.zip"));
        Files.writeString(output.resolve("history.csv"), history.toCsv(), StandardCharsets.UTF_8);
        Plots.history(history, output.resolve("history.png"), 900, 400);
        System.out.println();
        if (table.classification()) {
            Plots.confusionMatrix(evaluation, table.classNames(), output.resolve("confusion.png"), 600, 550);
            System.out.print(evaluation.classificationReport(table.classNames()));
            System.out.printf(Locale.ROOT, "%nROC AUC %.4f, top-2 accuracy %.4f, log loss %.4f%n", rocAuc(evaluation),
                    evaluation.topKAccuracy(2), evaluation.logLoss());
            System.out.println("wrote " + String.join(", ", FILES) + " to " + output);
            System.out.printf(Locale.ROOT, "held-out accuracy: %.4f%n", evaluation.accuracy());
        } else {
            System.out.printf(Locale.ROOT, "MSE %.6g, MAE %.6g (in the target's units)%n",
                    evaluation.meanSquaredError(), evaluation.meanAbsoluteError());
            System.out.println("wrote " + String.join(", ", FILES.subList(0, 3)) + " to " + output);
            System.out.printf(Locale.ROOT, "held-out R2: %.4f%n", evaluation.r2());
        }
        return 0;
    }

    /** Every option, and the output folder, before any data is read. */
    private void checkOptions() {
        if (task != null && !task.equals("classification") && !task.equals("regression")) {
            throw new IllegalArgumentException("--task must be classification or regression, was " + task);
        }
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("--test-fraction must be in (0, 1), was " + testFraction);
        }
        if (epochs <= 0) {
            throw new IllegalArgumentException("--epochs must be > 0, was " + epochs);
        }
        for (int width : hidden) {
            if (width <= 0) {
                throw new IllegalArgumentException("--hidden widths must be > 0, were " + hidden);
            }
        }
        OutputFolder.check("--output", output, FILES);
        OverwriteCheck.folder("--csv", csv, "--output", output, FILES);
    }

    /** Standardized inputs; softmax outputs for classes, an identity output on standardized targets otherwise. */
    private Network network(TableTask table, DataSet train) {
        Network.Builder builder = Network.builder().seed(seed).input(train.numFeatures())
                .scaler(Scaler.standardize(train.features())).inputNames(table.inputNames());
        for (int width : hidden) {
            builder.dense(width, Activation.RELU, Initializer.HE);
        }
        if (table.classification()) {
            builder.dense(train.numOutputs(), Activation.SOFTMAX).classNames(table.classNames());
        } else {
            builder.dense(1, Activation.IDENTITY).targetScaler(Scaler.standardize(train.targets()));
        }
        return builder.build();
    }

    /** ROC AUC, or NaN when a class is missing from the held-out rows (it is then undefined). */
    private static double rocAuc(Evaluation evaluation) {
        try {
            return evaluation.rocAuc();
        } catch (IllegalStateException e) {
            return Double.NaN;
        }
    }
}
