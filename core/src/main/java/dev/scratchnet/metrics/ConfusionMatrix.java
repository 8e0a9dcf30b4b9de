package dev.scratchnet.metrics;

import dev.scratchnet.internal.Limits;
import dev.scratchnet.internal.Memory;

/**
 * Counts of true class against predicted class, and the per-class scores derived from them.
 * <pre>
 *   counts[t][p]  = how many examples of true class t were predicted as p
 *   support(c)    = Σ_p counts[c][p]            (row sum: examples of class c)
 *   predicted(c)  = Σ_t counts[t][c]            (column sum: predictions of class c)
 *   precision(c)  = counts[c][c] / predicted(c)
 *   recall(c)     = counts[c][c] / support(c)
 *   f1(c)         = 2·counts[c][c] / (support(c) + predicted(c))    (= 2·P·R / (P + R))
 * </pre>
 * A division by zero gives 0, as scikit-learn's {@code zero_division=0} does.
 */
public final class ConfusionMatrix {

    private final int[][] counts;

    private ConfusionMatrix(int[][] counts) {
        this.counts = counts;
    }

    /**
     * Counts {@code predicted} against {@code actual}.
     *
     * @throws IllegalArgumentException when the lengths differ or a class is outside {@code [0, numClasses)}
     */
    public static ConfusionMatrix of(int[] actual, int[] predicted, int numClasses) {
        if (actual == null || predicted == null) {
            throw new IllegalArgumentException("actual and predicted classes must not be null");
        }
        if (actual.length != predicted.length) {
            throw new IllegalArgumentException("actual has " + actual.length + " labels but predicted has "
                    + predicted.length);
        }
        if (numClasses <= 0) {
            throw new IllegalArgumentException("numClasses must be > 0, was " + numClasses);
        }
        Limits.requireClasses("a confusion matrix of numClasses " + numClasses, numClasses);
        Memory.requireHeap("a confusion matrix of " + numClasses + " × " + numClasses + " counts",
                Memory.bytes((long) numClasses * numClasses, Integer.BYTES));
        int[][] counts = new int[numClasses][numClasses];
        for (int i = 0; i < actual.length; i++) {
            counts[checkClass("actual", i, actual[i], numClasses)][checkClass("predicted", i, predicted[i], numClasses)]++;
        }
        return new ConfusionMatrix(counts);
    }

    private static int checkClass(String what, int index, int label, int numClasses) {
        if (label < 0 || label >= numClasses) {
            throw new IllegalArgumentException(what + " class " + label + " at index " + index + " is outside [0, "
                    + numClasses + ")");
        }
        return label;
    }

    /** How many classes the matrix has rows (and columns) for. */
    public int numClasses() {
        return counts.length;
    }

    /** How many examples were counted. */
    public int total() {
        int total = 0;
        for (int c = 0; c < counts.length; c++) {
            total += support(c);
        }
        return total;
    }

    /** A copy of the counts, true classes as rows. */
    public int[][] counts() {
        int[][] copy = new int[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            copy[i] = counts[i].clone();
        }
        return copy;
    }

    /** Correct predictions of class {@code c}. */
    public int truePositives(int c) {
        return counts[c][c];
    }

    /** Examples whose true class is {@code c} (row sum). */
    public int support(int c) {
        int sum = 0;
        for (int p = 0; p < counts.length; p++) {
            sum += counts[c][p];
        }
        return sum;
    }

    /** Examples predicted as class {@code c} (column sum). */
    public int predicted(int c) {
        int sum = 0;
        for (int[] row : counts) {
            sum += row[c];
        }
        return sum;
    }

    /** Whether class {@code c} occurs among the true or the predicted classes. */
    public boolean present(int c) {
        return support(c) > 0 || predicted(c) > 0;
    }

    /** {@code tp / predicted(c)}, or 0 when nothing was predicted as {@code c}. */
    public double precision(int c) {
        return ratio(truePositives(c), predicted(c));
    }

    /** {@code tp / support(c)}, or 0 when {@code c} never occurs. */
    public double recall(int c) {
        return ratio(truePositives(c), support(c));
    }

    /** {@code 2·tp / (support(c) + predicted(c))}, or 0 when both are 0. */
    public double f1(int c) {
        return ratio(2.0 * truePositives(c), support(c) + predicted(c));
    }

    /** The fraction of examples on the diagonal, or 0 for no examples. */
    public double accuracy() {
        int correct = 0;
        for (int c = 0; c < counts.length; c++) {
            correct += counts[c][c];
        }
        return ratio(correct, total());
    }

    private static double ratio(double numerator, int denominator) {
        return denominator == 0 ? 0.0 : numerator / denominator;
    }
}
