package dev.scratchnet.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RowSplitsTest {

    private static final int[] ROWS = IntStream.range(0, 40).toArray();
    /** 30 rows of class 0, 10 of class 1. */
    private static final int[] LABELS = IntStream.range(0, 40).map(row -> row < 30 ? 0 : 1).toArray();

    @Test
    void aStratifiedSplitKeepsEachClassShare() {
        int[][] parts = RowSplits.split(ROWS, LABELS, 0.8, 3);
        assertEquals(32, parts[0].length);
        assertEquals(8, Arrays.stream(parts[0]).filter(row -> LABELS[row] == 1).count());
        assertEquals(2, Arrays.stream(parts[1]).filter(row -> LABELS[row] == 1).count());
        int[] together = IntStream.concat(Arrays.stream(parts[0]), Arrays.stream(parts[1])).sorted().toArray();
        assertArrayEquals(ROWS, together);
        assertArrayEquals(parts[0], RowSplits.split(ROWS, LABELS, 0.8, 3)[0]);
    }

    @Test
    void foldsCoverEveryRowOnceWithTheClassesSpread() {
        int[][] folds = RowSplits.folds(ROWS, LABELS, 5, 1);
        assertArrayEquals(ROWS, Arrays.stream(folds).flatMapToInt(Arrays::stream).sorted().toArray());
        for (int[] fold : folds) {
            assertEquals(8, fold.length);
            assertEquals(2, Arrays.stream(fold).filter(row -> LABELS[row] == 1).count());
        }
        assertEquals(32, RowSplits.without(ROWS, folds[0]).length);
    }

    @Test
    void withoutLabelsRowsAreShuffledAndDealt() {
        int[][] parts = RowSplits.split(ROWS, null, 0.75, 2);
        assertEquals(30, parts[0].length);
        assertEquals(10, parts[1].length);
    }
}
