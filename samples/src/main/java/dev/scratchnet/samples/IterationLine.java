package dev.scratchnet.samples;

import dev.scratchnet.EpochResult;
import dev.scratchnet.TrainingListener;

/**
 * The tutorials' progress line for full-batch training, where an epoch is one iteration:
 * {@code iteration 1000: loss 0.293810}, printed for the first iteration and every {@code n}-th.
 */
final class IterationLine {

    private IterationLine() {
    }

    /** A listener printing the line for iteration 1 and every multiple of {@code n}. */
    static TrainingListener every(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("--print-every must be > 0, was " + n);
        }
        return result -> {
            if (result.epoch() == 1 || result.epoch() % n == 0) {
                System.out.println(format(result));
            }
        };
    }

    /** The line for one iteration. */
    static String format(EpochResult result) {
        return String.format("iteration %5d: loss %.6f", result.epoch(), result.trainLoss());
    }
}
