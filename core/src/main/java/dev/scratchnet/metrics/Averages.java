package dev.scratchnet.metrics;

/**
 * Macro and weighted averages of the per-class scores, over the classes that occur among the
 * true or the predicted classes (the classes scikit-learn's {@code classification_report} lists).
 * <pre>
 *   macro    = Σ_c score(c) / (number of classes present)
 *   weighted = Σ_c score(c) · support(c) / Σ_c support(c)
 * </pre>
 */
public final class Averages {

    /** Which score to average. */
    public enum Score { PRECISION, RECALL, F1 }

    private Averages() {
    }

    /** The unweighted mean of {@code score} over the present classes (0 when none is present). */
    public static double macro(ConfusionMatrix matrix, Score score) {
        double sum = 0;
        int classes = 0;
        for (int c = 0; c < matrix.numClasses(); c++) {
            if (matrix.present(c)) {
                sum += value(matrix, score, c);
                classes++;
            }
        }
        return classes == 0 ? 0.0 : sum / classes;
    }

    /** The support-weighted mean of {@code score} (0 when there are no examples). */
    public static double weighted(ConfusionMatrix matrix, Score score) {
        double sum = 0;
        int weights = 0;
        for (int c = 0; c < matrix.numClasses(); c++) {
            sum += value(matrix, score, c) * matrix.support(c);
            weights += matrix.support(c);
        }
        return weights == 0 ? 0.0 : sum / weights;
    }

    static double value(ConfusionMatrix matrix, Score score, int c) {
        return switch (score) {
            case PRECISION -> matrix.precision(c);
            case RECALL -> matrix.recall(c);
            case F1 -> matrix.f1(c);
        };
    }
}
