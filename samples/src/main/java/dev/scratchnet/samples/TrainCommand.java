package dev.scratchnet.samples;

import dev.scratchnet.Evaluation;
import dev.scratchnet.Network;
import dev.scratchnet.TrainingHistory;
import dev.scratchnet.runtime.TableColumns;
import dev.scratchnet.plots.Plots;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./scratchnet train --csv FILE --target COLUMN}: a model for the user's own table. The test
 * rows are held out first (stratified by class); a share of the rest is held out again for
 * validation, which chooses the epoch count by early stopping; the encoding of the table (text
 * columns one-hot, missing cells filled in) and the scalers are fitted on what remains, so nothing
 * of the validation or test rows leaks into them. That measured model gives the {@code held-out}
 * line. The saved model is then fitted again on every row, for the epoch count the validation chose
 * (unless {@code --no-refit}): a small table cannot spare a third of its rows. The network keeps its
 * table encoding, scalers, class names and input names, so {@code predict --csv} takes raw rows.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a model on your own CSV table (a header line names the columns) and evaluate it on "
                + "held-out rows. Features may be numbers or text (one-hot inside the model); missing cells (empty, "
                + "NA, N/A, NaN, ?, null) are filled in by the model with the training rows' median or most frequent "
                + "category; the target may hold class names, class numbers or real values. Inputs are standardized "
                + "with the training rows' means and deviations (kept in the model).",
                "Defaults: hidden layers 64,32 ReLU; Adam 0.001, batch 32, L2 0.01 (classes) or 0.1 (regression); up to "
                        + "500 epochs with early "
                        + "stopping (patience 30) on a validation fifth of the training rows, best weights restored; "
                        + "then the saved model is refit on every row for the epoch count found (see docs/tables.md)."})
final class TrainCommand implements Callable<Integer> {

    /** The files {@code --output} receives. */
    static final List<String> FILES = List.of("model.zip", "history.csv", "history.png", "confusion.png");

    @Mixin
    TableOptions input;

    @Option(names = "--hidden", split = ",", paramLabel = "WIDTH", description = "hidden layer widths (default: 64,32)")
    List<Integer> hidden = TableTraining.Settings.defaults(true).hidden();

    @Option(names = "--epochs", description = "at most this many epochs (default: ${DEFAULT-VALUE})")
    int epochs = TableTraining.Settings.defaults(true).maxEpochs();

    @Option(names = "--l2", paramLabel = "LAMBDA", description = "weight decay (default: 0.01 for classes, 0.1 for "
            + "a regression)")
    Double l2;

    @Option(names = "--seed", description = "seed for the splits, the weights and the shuffling (default: ${DEFAULT-VALUE})")
    long seed = 1;

    @Option(names = "--test-fraction", paramLabel = "F", description = "share of rows held out for the test (default: ${DEFAULT-VALUE})")
    double testFraction = 0.2;

    @Option(names = "--cv", paramLabel = "K", description = "also report K-fold cross-validation (stratified for "
            + "classes) as mean ± standard deviation")
    Integer folds;

    @Option(names = "--no-refit", description = "save the measured model (trained without the held-out and "
            + "validation rows) instead of refitting on every row")
    boolean noRefit;

    @Option(names = "--missing-indicators", description = "give each column with missing cells an input that "
            + "says a cell was missing")
    boolean indicators;

    @Option(names = "--unseen", paramLabel = "zeros|refuse", description = "what prediction does with a category "
            + "the training rows did not hold: zeros (all of the column's one-hot inputs 0, with a note) or refuse "
            + "(default: ${DEFAULT-VALUE})")
    String unseen = "zeros";

    @Option(names = "--output", paramLabel = "DIR", description = "folder for model.zip, history and plots (default: ${DEFAULT-VALUE})")
    Path output = Path.of("out", "train");

    @Option(names = "--quiet", description = "no per-epoch lines")
    boolean quiet;

    @Option(names = "--stream", description = "read the table in passes with bounded memory (DataSource.csv), as "
            + "train does by itself for files over " + STREAM_ABOVE_MB + " MB or a tenth of the heap; see docs/data-sources.md")
    boolean stream;

    @Option(names = "--in-memory", description = "read the whole table into memory even when it is over "
            + STREAM_ABOVE_MB + " MB (stratified splits and --cv, as for small files)")
    boolean inMemory;

    /** Files larger than this stream, whatever the heap. */
    static final long STREAM_ABOVE_MB = 100;

    /**
     * The size above which a file streams: {@link #STREAM_ABOVE_MB}, or a tenth of the heap when that
     * is less — in memory, a table's cells as Java strings take several times its bytes of heap.
     */
    static long streamAbove() {
        return Math.min(STREAM_ABOVE_MB << 20, Runtime.getRuntime().maxMemory() / 10);
    }

    @Override
    public Integer call() throws IOException {
        checkOptions();
        if (stream || !inMemory && Files.isRegularFile(input.csv) && Files.size(input.csv) > streamAbove()) {
            return streamed();
        }
        TableTask table = input.read();
        TableTraining.Settings settings = settings(table.classification());
        int[] all = table.allRows();
        int[][] test = RowSplits.split(all, table.labels(), 1 - testFraction, seed);
        System.out.printf(Locale.ROOT, "train: %s, %d rows, %d features, target \"%s\" (%s%s)%n", input.csv, table.size(),
                table.featureNames().size(), input.target, table.classification() ? "classification" : "regression",
                table.classification() ? ", classes " + String.join(", ", table.classNames()) : "");
        if (table.droppedRows() > 0) {
            System.out.printf(Locale.ROOT, "left out %d rows whose target is missing%n", table.droppedRows());
        }
        int validationRows = RowSplits.split(test[0], table.labels(), 1 - settings.validationFraction(),
                seed + 1)[1].length;
        if (test[1].length == 0 || validationRows == 0 || test[0].length - validationRows == 0) {
            // RowSplits keeps a row in each part whenever it can, so only a table of a few rows ends here
            throw new IllegalArgumentException(input.csv + " has " + table.size() + " rows, too few for train's three parts: "
                    + "the test (--test-fraction), the validation (early stopping) and the training part each need at "
                    + "least one row; give it more rows");
        }
        System.out.printf(Locale.ROOT, "split: %d training, %d validation, %d held-out rows (seed %d)%n",
                test[0].length - validationRows, validationRows, test[1].length, seed);

        TableTraining.Trained measured = TableTraining.train(table, test[0], settings, quiet ? null : EpochLine.PRINT);
        Network net = measured.network();
        TrainingHistory history = measured.history();
        System.out.print(net.summary());
        System.out.println("stopped after " + history.epochs() + " epochs (" + history.stopReason()
                + "); best validation loss at epoch " + history.bestEpoch());
        Evaluation evaluation = TableTraining.evaluate(net, table, test[1]);
        double[] crossValidated = folds == null ? null
                : TableTraining.meanAndDeviation(TableTraining.crossValidate(table, folds, settings));
        Network saved = noRefit ? net : TableTraining.refit(table, all, settings, measured.chosenEpochs());
        return report(saved, history, evaluation, table.classNames(), all.length, crossValidated);
    }

    /** {@link #call()} on a table read in passes ({@link StreamedTraining}); the same outputs, no {@code --cv}. */
    private Integer streamed() throws IOException {
        if (folds != null) {
            throw new IllegalArgumentException("--cv is not offered when train streams the table (--stream, or a file "
                    + "over " + STREAM_ABOVE_MB + " MB): K more trainings over the whole file; leave out --cv");
        }
        StreamedTraining.Trained trained = StreamedTraining.run(input, this::settings, testFraction, !noRefit, quiet);
        System.out.print(trained.measured().summary());
        System.out.println("stopped after " + trained.history().epochs() + " epochs (" + trained.history().stopReason()
                + "); best validation loss at epoch " + trained.history().bestEpoch());
        return report(trained.saved(), trained.history(), trained.evaluation(), trained.measured().classNames(),
                trained.rows(), null);
    }

    /** Saves the model, history and plots, and prints the evaluation, ending with the {@code held-out} line. */
    private Integer report(Network saved, TrainingHistory history, Evaluation evaluation, List<String> classNames,
                           long rows, double[] crossValidated) throws IOException {
        boolean classification = !classNames.isEmpty();
        int chosenEpochs = history.bestEpoch();
        Files.createDirectories(output);
        saved.save(output.resolve("model.zip"));
        Files.writeString(output.resolve("history.csv"), history.toCsv(), StandardCharsets.UTF_8);
        Plots.history(history, output.resolve("history.png"), 900, 400);
        System.out.println();
        String metric = classification ? "accuracy" : "R2";
        if (classification) {
            Plots.confusionMatrix(evaluation, classNames, output.resolve("confusion.png"), 600, 550);
            System.out.print(evaluation.classificationReport(classNames));
            System.out.printf(Locale.ROOT, "%nROC AUC %.4f, top-2 accuracy %.4f, log loss %.4f%n", rocAuc(evaluation),
                    evaluation.topKAccuracy(2), evaluation.logLoss());
        } else {
            System.out.printf(Locale.ROOT, "MSE %.6g, MAE %.6g (in the target's units)%n",
                    evaluation.meanSquaredError(), evaluation.meanAbsoluteError());
        }
        System.out.println(noRefit ? "saved the measured model (--no-refit)"
                : "saved model: refit on all " + rows + " rows for " + chosenEpochs
                        + " epochs (the count early stopping chose); the held-out score below is the measured model's");
        List<String> written = classification ? FILES : FILES.subList(0, 3);
        System.out.println("wrote " + String.join(", ", written) + " to " + output);
        if (crossValidated != null) {
            System.out.printf(Locale.ROOT, "cross-validated %s: %.4f ± %.4f (%d folds)%n", metric, crossValidated[0],
                    crossValidated[1], folds);
        }
        System.out.printf(Locale.ROOT, "held-out %s: %.4f%n", metric,
                classification ? evaluation.accuracy() : evaluation.r2());
        return 0;
    }

    private TableTraining.Settings settings(boolean classification) {
        TableTraining.Settings defaults = TableTraining.Settings.defaults(classification);
        return new TableTraining.Settings(List.copyOf(hidden), defaults.learningRate(), l2 != null ? l2 : defaults.l2(),
                defaults.batchSize(), defaults.patience(), defaults.validationFraction(), epochs, seed, indicators,
                TableColumns.Unseen.of(unseen));
    }

    /** Every option, and the output folder, before any data is read. */
    private void checkOptions() {
        input.check();
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
        if (l2 != null && !(l2 >= 0 && Double.isFinite(l2))) {
            throw new IllegalArgumentException("--l2 must be a finite number >= 0, was " + l2);
        }
        if (folds != null && folds < 2) {
            throw new IllegalArgumentException("--cv must be 2 or more folds, was " + folds);
        }
        if (!unseen.equals("zeros") && !unseen.equals("refuse")) {
            throw new IllegalArgumentException("--unseen must be zeros or refuse, was " + unseen);
        }
        if (stream && inMemory) {
            throw new IllegalArgumentException("--stream and --in-memory contradict each other; give one of them");
        }
        OutputFolder.check("--output", output, FILES);
        OverwriteCheck.folder("--csv", input.csv, "--output", output, FILES);
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
