package dev.scratchnet.listeners;

import dev.scratchnet.BatchResult;
import dev.scratchnet.EpochResult;
import dev.scratchnet.EpochStart;
import dev.scratchnet.TrainingHistory;
import dev.scratchnet.TrainingListener;
import java.io.PrintStream;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * One console progress bar per epoch, drawn by the {@code me.tongfei:progressbar} library:
 * {@code epoch 3/20 45% [=====>      ] 51/113 (0:00:01 / 0:00:02) loss 0.2141}, where the times
 * are elapsed / remaining (ETA) and the loss is the mean batch loss so far in the epoch; when the
 * epoch ends the bar shows the epoch's training (and validation) loss instead.
 */
public final class ProgressBarListener implements TrainingListener {

    /** Widest line drawn; the library would otherwise ask the terminal, which a stream may not have. */
    private static final int WIDTH = 100;

    private final PrintStream out;
    private ProgressBar bar;
    private double lossSum;
    private int batchesSeen;

    private ProgressBarListener(PrintStream out) {
        this.out = out;
    }

    /** Draws on standard error when the JVM has a terminal and {@code quiet} is false; otherwise draws nothing. */
    public static ProgressBarListener onConsole(boolean quiet) {
        return new ProgressBarListener(quiet || System.console() == null ? null : System.err);
    }

    /** Always draws on {@code out}. */
    public static ProgressBarListener on(PrintStream out) {
        return new ProgressBarListener(out);
    }

    /** Whether this listener draws anything. */
    public boolean drawing() {
        return out != null;
    }

    @Override
    public boolean wantsBatches() {
        return drawing();
    }

    @Override
    public void onTrainingStart() {
        close();
        lossSum = 0;
        batchesSeen = 0;
    }

    @Override
    public void onEpochStart(EpochStart start) {
        if (!drawing()) {
            return;
        }
        close();
        lossSum = 0;
        batchesSeen = 0;
        bar = new ProgressBarBuilder()
                .setTaskName("epoch " + start.epoch() + "/" + start.epochs())
                .setInitialMax(start.batches())
                .setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(out, WIDTH))
                .build();
    }

    @Override
    public void onBatchEnd(BatchResult batch) {
        if (bar == null) {
            return;
        }
        lossSum += batch.loss();
        batchesSeen++;
        bar.stepTo(batch.batch());
        bar.setExtraMessage(String.format(Locale.ROOT, "loss %.4f", lossSum / batchesSeen));
    }

    @Override
    public void onEpochEnd(EpochResult result) {
        if (bar == null) {
            return;
        }
        String message = String.format(Locale.ROOT, "loss %.4f", result.trainLoss());
        if (result.hasValidation()) {
            message += String.format(Locale.ROOT, "  val_loss %.4f", result.validationLoss());
        }
        bar.setExtraMessage(message);
        close();
    }

    @Override
    public void onTrainingEnd(TrainingHistory history) {
        close();
    }

    private void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
