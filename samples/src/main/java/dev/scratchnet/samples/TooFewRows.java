package dev.scratchnet.samples;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The refusal of a table too small for {@code train}'s three parts, in the command's words: its
 * splits are fractions of the rows (of each class's rows for a classification), rounded, and a part
 * that rounds to no row cannot train, stop early or be scored.
 */
final class TooFewRows {

    private TooFewRows() {
    }

    /**
     * Says that {@code rows} rows of {@code csv} are too few for a test part of {@code testFraction}
     * and a validation part of {@code validationFraction} of the rest, with at least one row each
     * (of every one of {@code classes} classes; 0 for a regression).
     */
    static String message(Path csv, int rows, double testFraction, double validationFraction, int classes) {
        String each = classes > 0 ? " of every class (" + classes + " classes, split class by class)" : "";
        return String.format(Locale.ROOT, "%s has %d rows, too few for train's three parts: it holds out %s of them "
                + "for the test (--test-fraction) and %s of the rest for validation (early stopping), and each part needs "
                + "at least one row%s. Give it more rows (at least %d%s), or a larger --test-fraction when the test "
                + "part is the empty one", csv, rows, plain(testFraction), plain(validationFraction), each,
                minimumPerClass(testFraction, validationFraction), classes > 0 ? " of every class" : "");
    }

    /**
     * The fewest rows for which every part keeps a row, computed as the splits round: the held-out
     * share is {@code 1 - (1 - fraction)} of the rows, rounded (which is how 0.1 of 5 rows becomes 0).
     */
    static int minimumPerClass(double testFraction, double validationFraction) {
        double test = 1 - (1 - testFraction);
        double validation = 1 - (1 - validationFraction);
        for (int n = 3; n < 1_000_000; n++) {
            long rest = n - Math.round(test * n);
            long held = Math.round(validation * rest);
            if (rest < n && held >= 1 && held < rest) {
                return n;
            }
        }
        return 1_000_000;
    }

    private static String plain(double fraction) {
        return String.format(Locale.ROOT, "%s", Math.round(fraction * 1e6) / 1e6);
    }
}
