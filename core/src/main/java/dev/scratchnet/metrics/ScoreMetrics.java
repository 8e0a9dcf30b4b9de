package dev.scratchnet.metrics;

import java.util.Arrays;

/**
 * The metrics that read a network's scores rather than its predicted classes, each as scikit-learn
 * 1.2 computes it: {@code roc_auc_score} (binary, and one-vs-rest macro for several classes),
 * {@code top_k_accuracy_score} and {@code log_loss}. Scores are {@code [n, k]} with one column per
 * class; a single column (a sigmoid output) is the probability of class 1.
 */
public final class ScoreMetrics {

    /** scikit-learn 1.2's clipping of probabilities in {@code log_loss}: {@code eps="auto"}, float64's machine epsilon. */
    static final double LOG_LOSS_EPSILON = Math.ulp(1.0);

    private final double[][] scores;
    private final int[] actual;
    private final int numClasses;

    /**
     * @param scores     one row per example, one column per class (or one column: probability of class 1)
     * @param actual     the true class of each row, in {@code [0, numClasses)}
     * @param numClasses how many classes there are (2 for a single column)
     */
    public ScoreMetrics(double[][] scores, int[] actual, int numClasses) {
        this.scores = scores;
        this.actual = actual;
        this.numClasses = numClasses;
    }

    /** The score of class {@code c} in row {@code row}: a single column is P(class 1), so P(class 0) = 1 − it. */
    private double score(int row, int c) {
        if (scores[row].length == 1) {
            return c == 1 ? scores[row][0] : 1 - scores[row][0];
        }
        return scores[row][c];
    }

    /**
     * Area under the ROC curve: for two classes, of the score of class 1; for more, the mean over
     * classes of each class's score against all others (one-vs-rest, macro). Computed as the
     * Mann-Whitney statistic with tied scores sharing their mean rank, which equals the trapezoid
     * area under the curve scikit-learn integrates.
     *
     * @throws IllegalStateException when a class taken as positive has no example or every example
     */
    public double rocAuc() {
        if (numClasses == 2) {
            return binaryAuc(1);
        }
        double sum = 0;
        for (int c = 0; c < numClasses; c++) {
            sum += binaryAuc(c);
        }
        return sum / numClasses;
    }

    private double binaryAuc(int positive) {
        int n = actual.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(score(a, positive), score(b, positive)));
        // ranks from 1, ties sharing the mean of the ranks they span
        double positiveRankSum = 0;
        long positives = 0;
        for (int start = 0; start < n; ) {
            int end = start;
            while (end + 1 < n && score(order[end + 1], positive) == score(order[start], positive)) {
                end++;
            }
            double meanRank = (start + end) / 2.0 + 1;
            for (int i = start; i <= end; i++) {
                if (actual[order[i]] == positive) {
                    positiveRankSum += meanRank;
                    positives++;
                }
            }
            start = end + 1;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            throw new IllegalStateException("ROC AUC needs examples of class " + positive + " and of the other classes;"
                    + " the " + n + " examples have " + positives + " of class " + positive);
        }
        return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    /**
     * The fraction of examples whose true class is among the {@code k} highest scores. Among equal
     * scores the class with the higher index counts as higher, as scikit-learn's stable sort,
     * reversed, orders them; a single column predicts class 1 when {@code p > 0.5}, as scikit-learn
     * thresholds a 1-d score.
     */
    public double topKAccuracy(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, was " + k);
        }
        int hits = 0;
        for (int row = 0; row < actual.length; row++) {
            if (scores[row].length == 1) {
                // one column, as scikit-learn reads a 1-d score: class 1 when p > 0.5; two classes are always in the top 2
                hits += k >= 2 || (scores[row][0] > 0.5 ? 1 : 0) == actual[row] ? 1 : 0;
                continue;
            }
            double own = score(row, actual[row]);
            // classes ranked above the true one: a higher score, or an equal score and a higher index
            int above = 0;
            for (int c = 0; c < numClasses; c++) {
                double other = score(row, c);
                if (other > own || (other == own && c > actual[row])) {
                    above++;
                }
            }
            if (above < k) {
                hits++;
            }
        }
        return (double) hits / actual.length;
    }

    /**
     * Cross-entropy of the true classes under the scores taken as probabilities:
     * {@code −1/n · Σ log p(true class)}, each row clipped to {@code [ε, 1 − ε]} with ε = 2.2e-16 and then
     * divided by its sum, as scikit-learn 1.2's {@code log_loss} does.
     */
    public double logLoss() {
        double sum = 0;
        for (int row = 0; row < actual.length; row++) {
            double rowSum = 0;
            for (int c = 0; c < numClasses; c++) {
                rowSum += clip(score(row, c));
            }
            sum += Math.log(clip(score(row, actual[row])) / rowSum);
        }
        return -sum / actual.length;
    }

    private static double clip(double p) {
        return Math.min(Math.max(p, LOG_LOSS_EPSILON), 1 - LOG_LOSS_EPSILON);
    }
}
