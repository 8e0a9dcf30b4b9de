package dev.scratchnet.metrics;

import dev.scratchnet.metrics.Averages.Score;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The text table of scikit-learn's {@code classification_report}, column for column: one row per
 * class present among the true or predicted classes (precision, recall, f1-score, support), a
 * blank line, then {@code accuracy}, {@code macro avg} and {@code weighted avg}.
 * <pre>
 *                 precision    recall  f1-score   support
 *
 *              0       0.50      1.00      0.67         1
 *              …
 *       accuracy                           0.60         5
 *      macro avg       0.50      0.56      0.49         5
 *   weighted avg       0.70      0.60      0.61         5
 * </pre>
 * The name column is as wide as the longest class name or {@code "weighted avg"}; every other
 * column is 9 characters after two spaces of separation (one before the first). Numbers are
 * rounded as Python's {@code format} rounds: the exact binary value, half to even.
 */
public final class ClassificationReport {

    private static final String LONGEST_HEADING = "weighted avg";

    private ClassificationReport() {
    }

    /**
     * Writes the report.
     *
     * @param classNames one name per class of {@code matrix}, or null for {@code 0, 1, 2, …}
     * @param digits     decimal places of the scores (scikit-learn's default is 2)
     */
    public static String format(ConfusionMatrix matrix, List<String> classNames, int digits) {
        if (digits < 0 || digits > 15) {
            throw new IllegalArgumentException("digits must be in [0, 15], was " + digits);
        }
        if (classNames != null && classNames.size() != matrix.numClasses()) {
            throw new IllegalArgumentException("expected " + matrix.numClasses() + " class names, one per class, but "
                    + classNames.size() + " were given: " + classNames);
        }
        int width = Math.max(LONGEST_HEADING.length(), digits);
        for (int c = 0; c < matrix.numClasses(); c++) {
            if (matrix.present(c)) {
                width = Math.max(width, name(classNames, c).length());
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(pad("", width)).append(' ');
        for (String header : new String[] {"precision", "recall", "f1-score", "support"}) {
            out.append(' ').append(pad(header, 9));
        }
        out.append("\n\n");
        for (int c = 0; c < matrix.numClasses(); c++) {
            if (matrix.present(c)) {
                row(out, name(classNames, c), width, digits, matrix.precision(c), matrix.recall(c), matrix.f1(c),
                        matrix.support(c));
            }
        }
        out.append('\n');
        // accuracy: only the f1-score column (micro-averaged F1 is the accuracy) and the total
        out.append(pad("accuracy", width)).append(' ').append(' ').append(pad("", 9)).append(' ').append(pad("", 9))
                .append(' ').append(pad(round(matrix.accuracy(), digits), 9))
                .append(' ').append(pad(Integer.toString(matrix.total()), 9)).append('\n');
        row(out, "macro avg", width, digits, Averages.macro(matrix, Score.PRECISION),
                Averages.macro(matrix, Score.RECALL), Averages.macro(matrix, Score.F1), matrix.total());
        row(out, LONGEST_HEADING, width, digits, Averages.weighted(matrix, Score.PRECISION),
                Averages.weighted(matrix, Score.RECALL), Averages.weighted(matrix, Score.F1), matrix.total());
        return out.toString();
    }

    private static void row(StringBuilder out, String heading, int width, int digits,
                            double precision, double recall, double f1, int support) {
        out.append(pad(heading, width)).append(' ');
        for (double value : new double[] {precision, recall, f1}) {
            out.append(' ').append(pad(round(value, digits), 9));
        }
        out.append(' ').append(pad(Integer.toString(support), 9)).append('\n');
    }

    private static String name(List<String> classNames, int c) {
        return classNames == null ? Integer.toString(c) : String.valueOf(classNames.get(c));
    }

    /** Right-aligns {@code text} in {@code width} characters, as Python's {@code {:>width}} does. */
    private static String pad(String text, int width) {
        return text.length() >= width ? text : " ".repeat(width - text.length()) + text;
    }

    /**
     * {@code value} with {@code digits} decimals, rounded like Python's {@code {:.2f}}: from the
     * exact binary value, ties to even (Java's {@code %.2f} rounds the shortest decimal half up,
     * which differs for values such as 1.005).
     */
    static String round(double value, int digits) {
        return new BigDecimal(value).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
    }
}
