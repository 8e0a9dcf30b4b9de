package dev.scratchnet.samples;

import dev.scratchnet.EpochResult;
import dev.scratchnet.TrainingListener;

/**
 * The one line per epoch the samples print:
 * {@code epoch   3  loss 0.2141  accuracy 91.3%}, followed by the validation loss and accuracy
 * when the fit measures them.
 */
final class EpochLine {

    /** Prints {@link #format} of every epoch on standard output. */
    static final TrainingListener PRINT = result -> System.out.println(format(result));

    private EpochLine() {
    }

    /**
     * Whether {@code TrainingListener.progressBar()} draws: only when the JVM has a terminal, and
     * then its bar (epoch, batches, loss, ETA) stands in for the per-epoch lines, which would
     * otherwise break into the bar's line.
     */
    static boolean barDrawn() {
        return System.console() != null;
    }

    /** The line for one epoch; the accuracy is left out when the targets are not classes. */
    static String format(EpochResult result) {
        StringBuilder line = new StringBuilder(String.format("epoch %3d  loss %.4f", result.epoch(), result.trainLoss()));
        if (!Double.isNaN(result.trainAccuracy())) {
            line.append(String.format("  accuracy %.1f%%", 100 * result.trainAccuracy()));
        }
        if (result.hasValidation()) {
            line.append(String.format("  validation loss %.4f", result.validationLoss()));
            if (!Double.isNaN(result.validationAccuracy())) {
                line.append(String.format("  accuracy %.1f%%", 100 * result.validationAccuracy()));
            }
        }
        return line.toString();
    }
}
