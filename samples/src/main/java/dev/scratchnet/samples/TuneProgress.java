package dev.scratchnet.samples;

import java.io.PrintStream;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * How {@code tune} shows its progress on standard error: on a terminal, a bar over the trials drawn
 * by the {@code me.tongfei:progressbar} library (elapsed / remaining time, the best score so far);
 * otherwise one line per finished trial with the time left, estimated from the mean time a trial
 * has taken so far; with {@code --quiet}, nothing.
 */
final class TuneProgress implements TableSearch.Progress, AutoCloseable {

    /** Widest line drawn; the library would otherwise ask the terminal. */
    private static final int WIDTH = 100;

    private final PrintStream lines;
    private final String metric;
    private final long start = System.nanoTime();
    private ProgressBar bar;
    private double best = Double.NaN;

    private TuneProgress(ProgressBar bar, PrintStream lines, String metric) {
        this.bar = bar;
        this.lines = lines;
        this.metric = metric;
    }

    /** A bar on a terminal, lines elsewhere, nothing when {@code quiet}; {@code planned} trials. */
    static TuneProgress create(boolean quiet, String metric, int planned) {
        if (quiet) {
            return new TuneProgress(null, null, metric);
        }
        if (System.console() == null) {
            return new TuneProgress(null, System.err, metric);
        }
        ProgressBar bar = new ProgressBarBuilder().setTaskName("tune").setInitialMax(planned)
                .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(System.err, WIDTH))
                .build();
        return new TuneProgress(bar, null, metric);
    }

    @Override
    public void finished(TableSearch.Trial trial, int done, int planned) {
        if (!Double.isNaN(trial.mean()) && !(trial.mean() <= best)) {
            best = trial.mean();
        }
        if (bar != null) {
            bar.stepTo(done);
            bar.setExtraMessage(String.format(Locale.ROOT, "best %s %.4f", metric, best));
        } else if (lines != null) {
            double elapsed = (System.nanoTime() - start) / 1e9;
            String score = trial.failure() != null ? "failed: " + trial.failure()
                    : String.format(Locale.ROOT, "%s %.4f ± %.4f", metric, trial.mean(), trial.deviation());
            lines.printf(Locale.ROOT, "trial %d done (%d/%d): %s in %.1f s; best %.4f; about %s left%n",
                    trial.index(), done, planned, score, trial.seconds(), best,
                    duration(elapsed / done * (planned - done)));
        }
    }

    /** Ends the bar, so that what follows starts on a line of its own. */
    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }

    /** {@code 1:05:09} or {@code 4:07}. */
    static String duration(double seconds) {
        long whole = Math.round(seconds);
        return whole >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", whole / 3600, whole / 60 % 60, whole % 60)
                : String.format(Locale.ROOT, "%d:%02d", whole / 60, whole % 60);
    }
}
