package dev.scratchnet;

import dev.scratchnet.data.CachedCell;
import dev.scratchnet.runtime.TableColumns;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What the first pass over a CSV table learns of one column, in bounded memory: its distinct texts
 * (a dictionary of at most {@code limit}, with their counts among the rows the statistics are
 * fitted on), whether it holds text, its missing cells, and the first digit of the radix selection
 * of its median ({@link MedianSelection}). Each cell becomes a {@link CachedCell}: a text (or,
 * while the dictionary lasts, any cell) by its id, past that a number by its value.
 */
final class ColumnSurvey {

    /** Whole-number targets with more distinct values than this are a regression unless the task is given. */
    static final int MAX_NUMBERED_CLASSES = 20;

    final String name;
    private final int limit;
    private Map<String, Integer> ids = new HashMap<>();
    List<String> texts = new ArrayList<>();
    /** How often each text occurs among the statistics' rows. */
    long[] counts = new long[16];
    /** Whether the dictionary overflowed: cells after that are stored by value. */
    boolean overflowed;
    /** Present and missing cells among the statistics' rows. */
    long present;
    long missing;
    /** Whether a present cell among the statistics' rows is not a finite number. */
    boolean text;
    /** Whether any cell, of any row, is missing or text. */
    boolean anyNonNumber;
    /** The first digit (top 16 bits of {@link CachedCell#sortable}) of the statistics' rows' numbers. */
    int[] firstDigit;
    /** Over every row: all whole numbers, the distinct numbers (up to one past the classes' limit), the first text's line. */
    boolean whole = true;
    final TreeSet<Double> distinct = new TreeSet<>();
    long firstTextLine = -1;
    long firstBeyondFloat32Line = -1;
    double firstBeyondFloat32;

    ColumnSurvey(String name, int limit, boolean digits) {
        this.name = name;
        this.limit = limit;
        this.firstDigit = digits ? new int[1 << 16] : null;
    }

    /** Counts {@code cell} (read on {@code line}; {@code stats} when its row fits the statistics) and returns it cached. */
    long accept(String cell, boolean stats, long line) {
        if (TableColumns.isMissing(cell)) {
            anyNonNumber = true;
            if (stats) {
                missing++;
            }
            return CachedCell.MISSING;
        }
        double value = number(cell);
        boolean numeric = !Double.isNaN(value);
        if (numeric) {
            if (Math.abs(value) > Float.MAX_VALUE && firstBeyondFloat32Line < 0) {
                firstBeyondFloat32Line = line;
                firstBeyondFloat32 = value;
            }
            whole &= value == Math.rint(value);
            if (distinct.size() <= MAX_NUMBERED_CLASSES) {
                distinct.add(value);
            }
        } else {
            anyNonNumber = true;
            if (firstTextLine < 0) {
                firstTextLine = line;
            }
        }
        if (stats) {
            present++;
            text |= !numeric;
            if (numeric && firstDigit != null) {
                firstDigit[(int) (CachedCell.sortable(value) >>> 48)]++;
            }
        }
        if (!overflowed) {
            Integer id = ids.get(cell);
            if (id == null && ids.size() < limit) {
                id = ids.size();
                ids.put(cell, id);
                texts.add(cell);
                if (id == counts.length) {
                    counts = Arrays.copyOf(counts, counts.length * 2);
                }
            }
            if (id != null) {
                if (stats) {
                    counts[id]++;
                }
                return CachedCell.text(id);
            }
            overflowed = true;
        }
        return numeric ? CachedCell.number(value) : CachedCell.UNKNOWN_TEXT;
    }

    /**
     * A survey with this one's dictionary and its findings over every row, whose counts over the
     * statistics' rows start again at 0, to be taken by {@link #recount} (a refit on other rows).
     */
    ColumnSurvey forRecount() {
        ColumnSurvey copy = new ColumnSurvey(name, limit, true);
        copy.ids = ids;
        copy.texts = texts;
        copy.counts = new long[counts.length];
        copy.overflowed = overflowed;
        copy.anyNonNumber = anyNonNumber;
        copy.whole = whole;
        copy.distinct.addAll(distinct);
        copy.firstTextLine = firstTextLine;
        return copy;
    }

    /** Counts a cached cell of a row of the statistics, as {@link #accept} counted it from its text. */
    void recount(long cell, double[] textValues) {
        if (cell == CachedCell.MISSING) {
            missing++;
            return;
        }
        present++;
        double value = value(cell, textValues);
        text |= Double.isNaN(value);
        if (!Double.isNaN(value) && firstDigit != null) {
            firstDigit[(int) (CachedCell.sortable(value) >>> 48)]++;
        }
        if (CachedCell.isText(cell)) {
            counts[CachedCell.id(cell)]++;
        }
    }

    /** The number a cached cell of this column holds, or NaN for a missing cell or a text. */
    double value(long cell, double[] textValues) {
        if (CachedCell.isNumber(cell)) {
            return CachedCell.value(cell);
        }
        return CachedCell.isText(cell) ? textValues[CachedCell.id(cell)] : Double.NaN;
    }

    /** Each dictionary text as a finite number, or NaN. */
    double[] textValues() {
        return texts.stream().mapToDouble(ColumnSurvey::number).toArray();
    }

    /** {@code cell} as a finite number, or NaN when it is not one (as {@link TableColumns} reads cells). */
    static double number(String cell) {
        try {
            double value = Double.parseDouble(cell);
            return Double.isFinite(value) ? value : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
