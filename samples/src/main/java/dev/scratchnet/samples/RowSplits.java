package dev.scratchnet.samples;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

/**
 * Splits of a table's rows by index, seeded: a share held out, or K folds. With class labels each
 * class is dealt out on its own (stratified), so every part keeps the classes' proportions as
 * closely as whole rows allow; without, the rows are shuffled and dealt. Indexes come back sorted.
 */
final class RowSplits {

    private RowSplits() {
    }

    /**
     * {@code rows} cut into two parts: {@code [0]} holds about {@code fraction} of them (of each
     * class, when {@code labels}, indexed by row, is not null), {@code [1]} the rest; each part has
     * at least one row when there are two or more.
     */
    static int[][] split(int[] rows, int[] labels, double fraction, long seed) {
        List<Integer> first = new ArrayList<>();
        List<Integer> second = new ArrayList<>();
        for (List<Integer> group : groups(rows, labels, seed)) {
            int take = (int) Math.round(fraction * group.size());
            first.addAll(group.subList(0, take));
            second.addAll(group.subList(take, group.size()));
        }
        if (second.isEmpty() && first.size() > 1) {
            second.add(first.remove(first.size() - 1));
        } else if (first.isEmpty() && second.size() > 1) {
            first.add(second.remove(second.size() - 1));
        }
        return new int[][] {sorted(first), sorted(second)};
    }

    /** {@code rows} dealt into {@code k} folds, class by class when {@code labels} is not null. */
    static int[][] folds(int[] rows, int[] labels, int k, long seed) {
        List<List<Integer>> folds = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            folds.add(new ArrayList<>());
        }
        int next = 0;
        for (List<Integer> group : groups(rows, labels, seed)) {
            for (int row : group) {
                folds.get(next).add(row);
                next = (next + 1) % k;
            }
        }
        return folds.stream().map(RowSplits::sorted).toArray(int[][]::new);
    }

    /** Every row except those of {@code part}. */
    static int[] without(int[] rows, int[] part) {
        int[] sortedPart = part.clone();
        Arrays.sort(sortedPart);
        return Arrays.stream(rows).filter(row -> Arrays.binarySearch(sortedPart, row) < 0).toArray();
    }

    /** The rows grouped by class (one group without labels), each group shuffled with the seed. */
    private static List<List<Integer>> groups(int[] rows, int[] labels, long seed) {
        TreeMap<Integer, List<Integer>> byClass = new TreeMap<>();
        for (int row : rows) {
            byClass.computeIfAbsent(labels == null ? 0 : labels[row], c -> new ArrayList<>()).add(row);
        }
        Random random = new Random(seed);
        List<List<Integer>> groups = new ArrayList<>(byClass.values());
        for (List<Integer> group : groups) {
            java.util.Collections.shuffle(group, random);
        }
        return groups;
    }

    private static int[] sorted(List<Integer> rows) {
        return rows.stream().mapToInt(Integer::intValue).sorted().toArray();
    }
}
