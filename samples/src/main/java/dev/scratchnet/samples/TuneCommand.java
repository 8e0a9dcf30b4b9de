package dev.scratchnet.samples;

import dev.scratchnet.runtime.TableColumns;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./scratchnet tune --csv FILE --target COLUMN}: a random search over the settings of
 * {@code train} ({@link SearchSpace}), each trial scored by K-fold cross-validation, trials side by
 * side on every core, each training on one thread; then the best settings refit on every row and
 * saved as {@code train} saves its model. Ctrl-C ends the search early: the trials that finished are
 * ranked and the best of them is still refit and saved.
 */
@Command(name = "tune", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Search the settings of train (hidden widths and depth, learning rate, L2, dropout, batch size) "
                + "on your CSV table: random search, every trial scored by K-fold cross-validation (stratified for "
                + "classes), trials in parallel on every core. Prints the trials ranked by score, refits the best on "
                + "every row and saves it. Ctrl-C stops early and still saves the best trial so far.",
                "Trial 1 is train's defaults; the others are drawn from the seed (see docs/tune.md)."})
final class TuneCommand implements Callable<Integer> {

    /** The files {@code --output} receives. */
    static final List<String> FILES = List.of("model.zip", "trials.csv");

    @Mixin
    TableOptions input;

    @Option(names = "--trials", paramLabel = "N", description = "how many settings to try (default: ${DEFAULT-VALUE})")
    int trials = 20;

    @Option(names = "--cv", paramLabel = "K", description = "folds of the cross-validation that scores each trial "
            + "(default: ${DEFAULT-VALUE})")
    int folds = 5;

    @Option(names = "--epochs", description = "at most this many epochs a training (default: ${DEFAULT-VALUE})")
    int epochs = TableTraining.Settings.defaults(true).maxEpochs();

    @Option(names = "--parallel", paramLabel = "N", description = "trials at a time (default: the processor count, "
            + "here ${DEFAULT-VALUE})")
    int parallel = Runtime.getRuntime().availableProcessors();

    @Option(names = "--seed", description = "seed of the trials, the folds, the weights and the shuffling "
            + "(default: ${DEFAULT-VALUE})")
    long seed = 1;

    @Option(names = "--output", paramLabel = "DIR", description = "folder for model.zip and trials.csv "
            + "(default: ${DEFAULT-VALUE})")
    Path output = Path.of("out", "tune");

    @Option(names = "--quiet", description = "no progress bar or progress lines")
    boolean quiet;

    @Override
    public Integer call() throws IOException, InterruptedException {
        checkOptions();
        TableTask table = input.read();
        TableTraining.Settings defaults = TableTraining.Settings.defaults(table.classification());
        TableTraining.Settings base = new TableTraining.Settings(defaults.hidden(), defaults.learningRate(),
                defaults.l2(), defaults.batchSize(), defaults.patience(), defaults.validationFraction(), epochs, seed,
                false, TableColumns.Unseen.ZEROS, 0, 1);
        TableSearch search = new TableSearch(table, folds, parallel);
        List<TableTraining.Settings> settings = SearchSpace.trials(trials, seed, base);
        String metric = table.classification() ? "accuracy" : "R2";
        System.out.printf(Locale.ROOT, "tune: %s, %d rows, target \"%s\" (%s); %d trials × %d folds, %d at a time "
                + "(seed %d)%n", input.csv, table.size(), input.target, table.classification() ? "classification" : "regression",
                trials, folds, Math.min(parallel, trials), seed);

        CountDownLatch saved = new CountDownLatch(1);
        Thread onInterrupt = new Thread(() -> {
            search.stop();
            awaitQuietly(saved); // the JVM ends when this returns: let the best so far be written first
        }, "tune-interrupt");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        try {
            long start = System.nanoTime();
            TableSearch.Result result;
            // the progress bar ends before the table is printed
            try (TuneProgress progress = TuneProgress.create(quiet, metric, trials)) {
                result = search.run(settings, progress);
            }
            return finish(search, result, metric, (System.nanoTime() - start) / 1e9);
        } finally {
            saved.countDown();
            removeQuietly(onInterrupt);
        }
    }

    private int finish(TableSearch search, TableSearch.Result result, String metric, double seconds)
            throws IOException {
        System.out.print(TrialTable.format(result.ranked(), metric));
        System.out.printf(Locale.ROOT, "%d of %d trials in %.1f s%s%n", result.ranked().size(), result.planned(),
                seconds, result.stopped() ? " (interrupted: the unfinished trials are left out)" : "");
        TableSearch.Trial best = result.best();
        if (best == null) {
            System.out.println("no trial finished with a score; nothing written");
            return 1;
        }
        TableSearch.Refit refit = search.refit(best.settings());
        Files.createDirectories(output);
        refit.network().save(output.resolve("model.zip"));
        Files.writeString(output.resolve("trials.csv"), TrialTable.csv(result.ranked(), metric),
                StandardCharsets.UTF_8);
        System.out.println("saved model: trial " + best.index() + "'s settings refit on all "
                + search.rows() + " rows for " + refit.epochs() + " epochs (the count early stopping chose on a "
                + "validation fifth)");
        System.out.println("wrote " + String.join(", ", FILES) + " to " + output);
        System.out.printf(Locale.ROOT, "best: %s, cross-validated %s %.4f%n", SearchSpace.describe(best.settings()),
                metric, best.mean());
        return 0;
    }

    private void checkOptions() {
        input.check();
        if (trials < 1) {
            throw new IllegalArgumentException("--trials must be 1 or more, was " + trials);
        }
        if (folds < 2) {
            throw new IllegalArgumentException("--cv must be 2 or more folds, was " + folds);
        }
        if (epochs <= 0) {
            throw new IllegalArgumentException("--epochs must be > 0, was " + epochs);
        }
        if (parallel < 1) {
            throw new IllegalArgumentException("--parallel must be 1 or more, was " + parallel);
        }
        OutputFolder.check("--output", output, FILES);
        OverwriteCheck.folder("--csv", input.csv, "--output", output, FILES);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeQuietly(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down (Ctrl-C): the hook is running and waits for us
        }
    }
}
