package dev.scratchnet.samples;

import dev.scratchnet.Network;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The search behind {@code tune}, callable from Java in this module: each trial's settings scored by
 * K-fold cross-validation ({@link TableTraining#crossValidate}, stratified for classes), trials run
 * side by side on a pool of threads, the best refit on every row. Results are kept by trial index
 * and ranked by score, then by index, so the outcome is the same however the threads interleave;
 * each trial should train on one thread ({@code Settings.threads() == 1}), which also keeps its
 * weights independent of the machine's core count.
 */
final class TableSearch {

    /**
     * One finished trial.
     *
     * @param index    its place in the list of trials, from 1
     * @param settings what it trained with
     * @param scores   each fold's accuracy or R², empty when the trial failed
     * @param seconds  how long its K trainings took
     * @param failure  why it failed, or null
     */
    record Trial(int index, TableTraining.Settings settings, double[] scores, double seconds, String failure) {

        /** The mean over the folds (NaN for a failed trial). */
        double mean() {
            return failure != null ? Double.NaN : TableTraining.meanAndDeviation(scores)[0];
        }

        /** The standard deviation over the folds. */
        double deviation() {
            return failure != null ? Double.NaN : TableTraining.meanAndDeviation(scores)[1];
        }
    }

    /**
     * What a search found.
     *
     * @param ranked  the finished trials, best first (failed ones last)
     * @param planned how many trials were asked for
     * @param stopped whether {@link #stop()} ended the search before every trial finished
     */
    record Result(List<Trial> ranked, int planned, boolean stopped) {

        /** The best trial, or null when none finished with a score. */
        Trial best() {
            return ranked.isEmpty() || ranked.get(0).failure() != null ? null : ranked.get(0);
        }
    }

    /** Told of each trial as it finishes, on the thread that called {@link #run}. */
    interface Progress {
        void finished(Trial trial, int done, int planned);
    }

    /**
     * The model a search ends with.
     *
     * @param network the best settings' network, trained on every row
     * @param epochs  the epoch count early stopping chose on a validation share of all rows
     */
    record Refit(Network network, int epochs) {
    }

    /** Best mean first; then the smaller deviation; then the earlier trial. Failed trials last. */
    static final Comparator<Trial> BEST_FIRST = Comparator
            .comparing((Trial trial) -> Double.isNaN(trial.mean()))
            .thenComparing(Trial::mean, Comparator.reverseOrder())
            .thenComparing(Trial::deviation)
            .thenComparingInt(Trial::index);

    private final TableTask task;
    private final int folds;
    private final int parallelTrials;
    private final AtomicBoolean stop = new AtomicBoolean();

    /**
     * A search over {@code task}'s rows with {@code folds}-fold cross-validation, at most
     * {@code parallelTrials} trials at a time.
     */
    TableSearch(TableTask task, int folds, int parallelTrials) {
        if (folds < 2 || folds > task.size()) {
            throw new IllegalArgumentException("--cv needs between 2 and " + task.size() + " folds (the rows with a "
                    + "target), was " + folds);
        }
        if (parallelTrials < 1) {
            throw new IllegalArgumentException("--parallel must be 1 or more, was " + parallelTrials);
        }
        this.task = task;
        this.folds = folds;
        this.parallelTrials = parallelTrials;
    }

    /** How many rows the search learns from (rows with a target). */
    int rows() {
        return task.size();
    }

    /** Ends a running {@link #run} soon: trials not finished are dropped, the finished ones kept. Any thread. */
    void stop() {
        stop.set(true);
    }

    /** Runs every trial (or until {@link #stop()}), reporting each as it finishes to {@code progress} (may be null). */
    Result run(List<TableTraining.Settings> trials, Progress progress) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelTrials, trials.size()), runnable -> {
            Thread thread = new Thread(runnable, "tune-trial");
            thread.setDaemon(true); // a stopped search leaves running trials behind; they must not hold the JVM
            return thread;
        });
        CompletionService<Trial> done = new ExecutorCompletionService<>(pool);
        for (int i = 0; i < trials.size(); i++) {
            int index = i + 1;
            TableTraining.Settings settings = trials.get(i);
            done.submit(() -> trial(index, settings));
        }
        List<Trial> finished = new ArrayList<>();
        try {
            while (finished.size() < trials.size() && !stop.get()) {
                Future<Trial> next = done.poll(100, TimeUnit.MILLISECONDS);
                if (next != null) {
                    finished.add(next.get());
                    if (progress != null) {
                        progress.finished(finished.get(finished.size() - 1), finished.size(), trials.size());
                    }
                }
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("a trial failed outside its training: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        finished.sort(BEST_FIRST);
        return new Result(List.copyOf(finished), trials.size(), finished.size() < trials.size());
    }

    /**
     * The network of {@code settings} on every row, as {@code train} makes its saved model: early
     * stopping on a validation share of all rows chooses the epoch count, then a fit on every row
     * for that many epochs.
     */
    Refit refit(TableTraining.Settings settings) {
        int[] all = task.allRows();
        int epochs = TableTraining.train(task, all, settings, null).chosenEpochs();
        return new Refit(TableTraining.refit(task, all, settings, epochs), epochs);
    }

    /** One trial; a training that fails (diverges, say) is a failed trial, not a failed search. */
    private Trial trial(int index, TableTraining.Settings settings) {
        long start = System.nanoTime();
        try {
            double[] scores = TableTraining.crossValidate(task, folds, settings);
            return new Trial(index, settings, scores, (System.nanoTime() - start) / 1e9, null);
        } catch (RuntimeException e) {
            return new Trial(index, settings, new double[0], (System.nanoTime() - start) / 1e9,
                    String.valueOf(e.getMessage()));
        }
    }
}
