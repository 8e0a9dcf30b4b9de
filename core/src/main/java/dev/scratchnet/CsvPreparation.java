package dev.scratchnet;

import dev.scratchnet.data.CachedCell;
import dev.scratchnet.data.CsvCache;
import dev.scratchnet.data.TableReader;
import dev.scratchnet.internal.Limits;
import dev.scratchnet.runtime.TableColumns;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.LongPredicate;

/**
 * The passes that make a {@link CsvSource}: one parse of the CSV text into a {@link CsvCache}
 * (the columns surveyed on the way), three cache passes for the exact medians, two for the
 * scalers. The encoding, the scalers and the class names are those {@code train --csv} fits on the
 * same rows in memory ({@code TableColumns.fit}, {@code Scaler.standardize}, {@code TableTask}).
 */
final class CsvPreparation {

    /** Distinct texts a feature column's dictionary keeps: past that only a number column makes sense. */
    static final int DICTIONARY = 4 * TableColumns.MAX_CATEGORIES;
    private static final int ROWS_A_READ = 8192;

    final Path file;
    final List<String> featureNames = new ArrayList<>();
    ColumnSurvey[] features;
    ColumnSurvey target;
    CsvCache cache;
    long dropped;
    TableColumns table;
    List<String> classNames;
    Scaler scaler;
    Scaler targetScaler;
    CachedRows rows;

    private CsvPreparation(Path file) {
        this.file = file;
    }

    /** Reads {@code file} and fits everything on the rows {@code stats} accepts (by cached row number). */
    static CsvPreparation of(Path file, String targetName, CsvSource.Options options, LongPredicate stats)
            throws IOException {
        CsvPreparation preparation = new CsvPreparation(file);
        try {
            preparation.parse(targetName, options, stats);
            preparation.fit(targetName, options, stats);
            return preparation;
        } catch (IOException | RuntimeException e) {
            if (preparation.cache != null) {
                preparation.cache.delete();
            }
            throw e;
        }
    }

    /**
     * The same table fitted again on the cached rows {@code stats} accepts: the column surveys'
     * counts taken again from the cache (one pass), then the medians and scalers as {@link #of} fits
     * them. Shares {@code parsed}'s cache.
     */
    static CsvPreparation refit(CsvPreparation parsed, String targetName, CsvSource.Options options,
                                LongPredicate stats) throws IOException {
        CsvPreparation preparation = new CsvPreparation(parsed.file);
        preparation.featureNames.addAll(parsed.featureNames);
        preparation.features = new ColumnSurvey[parsed.features.length];
        double[][] textValues = new double[parsed.features.length][];
        for (int c = 0; c < parsed.features.length; c++) {
            preparation.features[c] = parsed.features[c].forRecount();
            textValues[c] = parsed.features[c].textValues();
        }
        preparation.target = parsed.target;
        preparation.cache = parsed.cache;
        preparation.dropped = parsed.dropped;
        forEachCachedRow(parsed.cache, stats, (cells, at) -> {
            for (int c = 0; c < preparation.features.length; c++) {
                preparation.features[c].recount(cells[at + c], textValues[c]);
            }
        });
        preparation.fit(targetName, options, stats);
        return preparation;
    }

    private void parse(String targetName, CsvSource.Options options, LongPredicate stats) throws IOException {
        try (TableReader reader = TableReader.open(file, options.format())) {
            List<String> names = reader.columnNames();
            int targetColumn = names.indexOf(targetName);
            if (targetColumn < 0) {
                throw new IllegalArgumentException(file + " has no column \"" + targetName + "\"; its columns are "
                        + String.join(", ", names));
            }
            if (names.size() < 2) {
                throw new IllegalArgumentException(file + " has only the target column \"" + targetName
                        + "\"; a model needs at least one feature column");
            }
            features = new ColumnSurvey[names.size() - 1];
            for (int c = 0, f = 0; c < names.size(); c++) {
                if (c != targetColumn) {
                    featureNames.add(names.get(c));
                    features[f++] = new ColumnSurvey(names.get(c), DICTIONARY, true);
                }
            }
            target = new ColumnSurvey(targetName, Limits.maxClasses() + 1, false);
            cache = CsvCache.create(options.cacheDirectory(), features.length + 1);
            long[] row = new long[features.length + 1];
            for (String[] cells = reader.next(); cells != null; cells = reader.next()) {
                if (TableColumns.isMissing(cells[targetColumn])) {
                    dropped++;
                    continue;
                }
                boolean fitted = stats.test(cache.rows());
                for (int c = 0, f = 0; c < cells.length; c++) {
                    if (c != targetColumn) {
                        row[f] = features[f].accept(cells[c], fitted, reader.line());
                        requireFloat32(features[f], c);
                        f++;
                    }
                }
                row[features.length] = target.accept(cells[targetColumn], true, reader.line());
                cache.append(row);
                if (options.progress() != null && cache.rows() % CsvSource.PROGRESS_ROWS == 0) {
                    options.progress().accept(cache.rows());
                }
            }
            cache.flush();
        }
        if (cache.rows() == 0) {
            throw new IllegalArgumentException(file + ": every row's target \"" + targetName + "\" is missing");
        }
    }

    /** Refuses, naming the line, a number beyond float32: the network computes in float32. */
    private void requireFloat32(ColumnSurvey column, int fileColumn) {
        if (column.firstBeyondFloat32Line >= 0) {
            throw new IllegalArgumentException(file + " line " + column.firstBeyondFloat32Line + " column "
                    + (fileColumn + 1) + " (\"" + column.name + "\") is " + column.firstBeyondFloat32 + ", beyond the "
                    + "range of the float32 numbers train computes in (±" + Float.MAX_VALUE + "); rescale the column "
                    + "(for example to other units) or fix the row");
        }
    }

    private void fit(String targetName, CsvSource.Options options, LongPredicate stats) throws IOException {
        classNames = classNames(targetName, options.task());
        List<Integer> numbers = new ArrayList<>();
        for (int c = 0; c < features.length; c++) {
            if (!features[c].text) {
                numbers.add(c);
            }
        }
        int[] positions = numbers.stream().mapToInt(Integer::intValue).toArray();
        ColumnSurvey[] numberColumns = numbers.stream().map(c -> features[c]).toArray(ColumnSurvey[]::new);
        double[] medians = MedianSelection.medians(cache, numberColumns, positions, stats);
        List<TableColumns.Column> columns = new ArrayList<>();
        for (int c = 0, n = 0; c < features.length; c++) {
            ColumnSurvey column = features[c];
            boolean indicator = options.indicators() && column.missing > 0;
            if (!column.text) {
                columns.add(new TableColumns.Column(column.name, false, medians[n++], null, List.of(), indicator));
                continue;
            }
            if (column.overflowed) {
                throw new IllegalArgumentException("column \"" + column.name + "\" holds more than " + DICTIONARY
                        + " distinct texts; one-hot encoding makes one input of each, at most "
                        + TableColumns.MAX_CATEGORIES + " (drop the column from the file, or make it a number)");
            }
            TreeMap<String, Long> counts = new TreeMap<>();
            for (int id = 0; id < column.texts.size(); id++) {
                if (column.counts[id] > 0) {
                    counts.put(column.texts.get(id), column.counts[id]);
                }
            }
            String most = null;
            for (var entry : counts.entrySet()) {
                most = most == null || entry.getValue() > counts.get(most) ? entry.getKey() : most;
            }
            columns.add(new TableColumns.Column(column.name, true, 0, most, List.copyOf(counts.keySet()), indicator));
        }
        table = new TableColumns(columns, options.unseen());
        rows = new CachedRows(table, features, target, classNames);
        scalers(stats);
    }

    /** The class names as {@code TableTask} finds them (empty for a regression), with its messages. */
    private List<String> classNames(String targetName, String task) {
        boolean numeric = target.firstTextLine < 0;
        boolean classification = task != null ? task.equals("classification")
                : !numeric || target.whole && target.distinct.size() <= ColumnSurvey.MAX_NUMBERED_CLASSES;
        if (!classification) {
            if (!numeric) {
                throw new IllegalArgumentException("--task regression needs numbers in \"" + targetName + "\", but "
                        + file + " line " + target.firstTextLine + " holds text");
            }
            if (target.firstBeyondFloat32Line >= 0) {
                throw new IllegalArgumentException(file + " line " + target.firstBeyondFloat32Line + " target \""
                        + targetName + "\" is " + target.firstBeyondFloat32 + ", beyond the range of the float32 "
                        + "numbers train computes in (±" + Float.MAX_VALUE + ")");
            }
            return List.of();
        }
        if (target.overflowed) {
            Limits.requireClasses("target \"" + targetName + "\" of " + file, (long) Limits.maxClasses() + 1);
        }
        List<String> names = new ArrayList<>();
        if (numeric) {
            TreeSet<Double> values = new TreeSet<>();
            for (double value : target.textValues()) {
                values.add(value);
            }
            values.forEach(value -> names.add(canonical(value)));
        } else {
            names.addAll(new TreeSet<>(target.texts));
        }
        if (names.size() < 2) {
            throw new IllegalArgumentException("\"" + targetName + "\" holds one class only (" + names
                    + "); a classifier needs at least two");
        }
        return List.copyOf(names);
    }

    private static String canonical(double number) {
        return number == Math.rint(number) && Math.abs(number) < 1e15 ? Long.toString((long) number)
                : Double.toString(number);
    }

    /**
     * Standardization of the encoded features (and of a regression's target) over the statistics'
     * rows, as {@code Scaler.standardize} computes it: the mean by compensated summation (a pass),
     * then the population deviation around it (a second pass).
     */
    private void scalers(LongPredicate stats) throws IOException {
        int width = table.width();
        DoubleSummaryStatistics[] sums = new DoubleSummaryStatistics[width + 1];
        for (int k = 0; k <= width; k++) {
            sums[k] = new DoubleSummaryStatistics();
        }
        double[] squares = new double[width + 1];
        double[] means = new double[width + 1];
        for (int pass = 0; pass < 2; pass++) {
            boolean meanPass = pass == 0;
            forEachRow(stats, values -> {
                for (int k = 0; k <= width; k++) {
                    if (meanPass) {
                        sums[k].accept(values[k]);
                    } else {
                        squares[k] += (values[k] - means[k]) * (values[k] - means[k]);
                    }
                }
            });
            for (int k = 0; meanPass && k <= width; k++) {
                means[k] = sums[k].getAverage();
            }
        }
        double[] deviations = new double[width + 1];
        long n = sums[0].getCount();
        if (n == 0) {
            throw new IllegalArgumentException(file + " has no rows left to fit the encoding and scalers on once the "
                    + "held-out rows are set aside; hold out fewer rows");
        }
        for (int k = 0; k <= width; k++) {
            double spread = Math.sqrt(squares[k] / n);
            deviations[k] = spread > 0 && Double.isFinite(spread) ? spread : 1;
        }
        scaler = Scaler.of("standardize", java.util.Arrays.copyOf(means, width),
                java.util.Arrays.copyOf(deviations, width));
        targetScaler = classNames.isEmpty() ? Scaler.of("standardize", new double[] {means[width]},
                new double[] {deviations[width]}) : null;
    }

    /** Each statistics row's encoded features and (as the last value) its target value (0 for classes). */
    private void forEachRow(LongPredicate stats, java.util.function.Consumer<double[]> action) throws IOException {
        double[] values = new double[table.width() + 1];
        double[] y = new double[rows.outputs()];
        forEachCachedRow(cache, stats, (cells, at) -> {
            rows.features(cells, at, values, 0);
            rows.target(cells[at + features.length], y, 0);
            values[table.width()] = classNames.isEmpty() ? y[0] : 0;
            action.accept(values);
        });
    }

    /** What is done with one cached row: its cells start at {@code cells[at]}. */
    private interface CachedRow {
        void accept(long[] cells, int at);
    }

    /** Each cached row {@code stats} accepts, in order, read {@link #ROWS_A_READ} rows at a time. */
    private static void forEachCachedRow(CsvCache cache, LongPredicate stats, CachedRow action) throws IOException {
        long[] cells = new long[ROWS_A_READ * cache.width()];
        for (long from = 0; from < cache.rows(); from += ROWS_A_READ) {
            long to = Math.min(from + ROWS_A_READ, cache.rows());
            cache.read(from, to, cells);
            for (long row = from; row < to; row++) {
                if (stats.test(row)) {
                    action.accept(cells, (int) (row - from) * cache.width());
                }
            }
        }
    }
}
