package dev.scratchnet;

import dev.scratchnet.internal.Permutation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

/**
 * Cuts validation rows off the training data for {@link Fit.Builder#validationSplit(double)}:
 * <pre>
 *   classes:      for every class c (with n_c rows), round(fraction · n_c) of its rows, drawn at random
 *   other targets: round(fraction · n) rows drawn at random
 * </pre>
 * Both parts keep the rows in their original order, so {@code shuffle(false)} still means "as given".
 */
final class ValidationSplit {

    private ValidationSplit() {
    }

    /** {@code train} and {@code test} (the validation rows) of {@code data}, drawn from {@code random}. */
    static Split of(DataSet data, double fraction, boolean classes, Random random) {
        boolean[] held = held(classes ? data.labels() : null, data.size(), fraction, random);
        return new Split(data.select(rows(held, false)), data.select(rows(held, true)));
    }

    /**
     * Which of {@code size} rows are held out, drawn from {@code random}; {@code labels} are the rows'
     * classes, or null when the targets are not classes.
     */
    static boolean[] held(int[] labels, int size, double fraction, Random random) {
        boolean classes = labels != null;
        List<int[]> groups = classes ? rowsByClass(labels) : List.of(identity(size));
        boolean[] held = new boolean[size];
        int count = 0;
        for (int[] group : groups) {
            int take = (int) Math.round(fraction * group.length);
            int[] order = Permutation.of(group.length, random);
            for (int i = 0; i < take; i++) {
                held[group[order[i]]] = true;
            }
            count += take;
        }
        if (count == 0 || count == size) {
            throw new IllegalArgumentException("validationSplit " + fraction + " of " + size + " examples"
                    + (classes ? " (stratified by class)" : "") + " leaves " + (count == 0 ? "no validation" : "no training")
                    + " example; use a " + (count == 0 ? "larger" : "smaller") + " fraction or more data");
        }
        return held;
    }

    private static List<int[]> rowsByClass(int[] labels) {
        TreeMap<Integer, List<Integer>> byLabel = new TreeMap<>();
        for (int row = 0; row < labels.length; row++) {
            byLabel.computeIfAbsent(labels[row], label -> new ArrayList<>()).add(row);
        }
        List<int[]> groups = new ArrayList<>();
        for (List<Integer> rows : byLabel.values()) {
            groups.add(rows.stream().mapToInt(Integer::intValue).toArray());
        }
        return groups;
    }

    private static int[] identity(int n) {
        int[] rows = new int[n];
        Arrays.setAll(rows, i -> i);
        return rows;
    }

    /** The rows whose {@code held} flag is {@code wanted}, in ascending order. */
    static int[] rows(boolean[] held, boolean wanted) {
        int[] rows = new int[held.length];
        int count = 0;
        for (int row = 0; row < held.length; row++) {
            if (held[row] == wanted) {
                rows[count++] = row;
            }
        }
        return Arrays.copyOf(rows, count);
    }
}
