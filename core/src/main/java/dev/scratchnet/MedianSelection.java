package dev.scratchnet;

import dev.scratchnet.data.CachedCell;
import dev.scratchnet.data.CsvCache;
import dev.scratchnet.internal.Memory;
import java.io.IOException;
import java.util.function.LongPredicate;

/**
 * The exact medians of number columns over a {@link CsvCache}'s rows, in bounded memory: a radix
 * selection over the numbers' 64 sortable bits, 16 bits a pass. The first pass (the parse, by
 * {@link ColumnSurvey}) counts the top 16 bits; each of 3 passes over the cache narrows the two middle
 * ranks' prefixes by 16 more bits, counting only the numbers that share them. After the 4th digit
 * the prefixes are the middle numbers themselves: the median is that number, or the mean of the
 * middle two for an even count — what sorting every value ({@code TableColumns.fit}) gives.
 */
final class MedianSelection {

    private static final int DIGIT = 16;
    private static final int ROWS_A_READ = 8192;

    private MedianSelection() {
    }

    /**
     * The median of each of {@code columns} (surveys and their cache positions), over the cache rows
     * that {@code stats} accepts (by row number); 0 for a column with no numbers.
     */
    static double[] medians(CsvCache cache, ColumnSurvey[] columns, int[] positions, LongPredicate stats)
            throws IOException {
        int n = columns.length;
        Memory.requireHeap("the median selection of " + n + " columns", Memory.bytes(2L * n, 4L << DIGIT));
        long[][] prefix = new long[n][2];
        long[][] rank = new long[n][2];
        double[][] textValues = new double[n][];
        for (int j = 0; j < n; j++) {
            textValues[j] = columns[j].textValues();
            rank[j][0] = (columns[j].present - 1) / 2;
            rank[j][1] = columns[j].present / 2;
            for (int k = 0; k < 2; k++) {
                prefix[j][k] = choose(columns[j].firstDigit, rank[j], k);
            }
            columns[j].firstDigit = null;
        }
        for (int shift = 64 - 2 * DIGIT; shift >= 0; shift -= DIGIT) {
            int[][][] counts = count(cache, columns, positions, stats, prefix, shift, textValues);
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < 2; k++) {
                    prefix[j][k] = (prefix[j][k] << DIGIT) | choose(counts[j][k], rank[j], k);
                }
            }
        }
        double[] medians = new double[n];
        for (int j = 0; j < n; j++) {
            if (columns[j].present == 0) {
                continue;
            }
            double low = CachedCell.unsortable(prefix[j][0]);
            double high = CachedCell.unsortable(prefix[j][1]);
            medians[j] = columns[j].present % 2 == 1 ? low : (low + high) / 2;
        }
        return medians;
    }

    /** The digit whose bucket holds rank {@code ranks[k]}; leaves in {@code ranks[k]} the rank within it. */
    private static long choose(int[] counts, long[] ranks, int k) {
        long before = 0;
        for (int digit = 0; digit < counts.length; digit++) {
            if (ranks[k] < before + counts[digit]) {
                ranks[k] -= before;
                return digit;
            }
            before += counts[digit];
        }
        return 0; // no numbers: the median is 0, whatever the prefix
    }

    /** One pass: the counts of the digit at {@code shift} of the numbers whose higher bits are each rank's prefix. */
    private static int[][][] count(CsvCache cache, ColumnSurvey[] columns, int[] positions, LongPredicate stats,
                                   long[][] prefix, int shift, double[][] textValues) throws IOException {
        int[][][] counts = new int[columns.length][2][1 << DIGIT];
        long[] cells = new long[ROWS_A_READ * cache.width()];
        for (long from = 0; from < cache.rows(); from += ROWS_A_READ) {
            long to = Math.min(from + ROWS_A_READ, cache.rows());
            cache.read(from, to, cells);
            for (long row = from; row < to; row++) {
                if (!stats.test(row)) {
                    continue;
                }
                int at = (int) (row - from) * cache.width();
                for (int j = 0; j < columns.length; j++) {
                    double value = columns[j].value(cells[at + positions[j]], textValues[j]);
                    if (Double.isNaN(value)) {
                        continue;
                    }
                    long key = CachedCell.sortable(value);
                    int digit = (int) ((key >>> shift) & 0xFFFF);
                    for (int k = 0; k < 2; k++) {
                        if (key >>> (shift + DIGIT) == prefix[j][k]) {
                            counts[j][k][digit]++;
                        }
                    }
                }
            }
        }
        return counts;
    }
}
