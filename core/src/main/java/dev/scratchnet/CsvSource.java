package dev.scratchnet;

import dev.scratchnet.data.CachedCell;
import dev.scratchnet.data.CsvCache;
import dev.scratchnet.data.CsvFormat;
import dev.scratchnet.internal.Checks;
import dev.scratchnet.runtime.TableColumns;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A CSV table as a {@link DataSource} ({@link DataSource#csv}): made by one parse of the file, which
 * fits what {@code train --csv} fits in memory — the table encoding ({@link #table()}: text columns
 * one-hot, missing cells filled with the median or the most frequent category), the input and
 * target scalers, the class names — and keeps the parsed cells in a binary file in the temporary
 * directory (8 bytes a cell), which every later pass reads instead of the text. Memory stays
 * bounded: a dictionary of each column's texts, a few arrays of counts, the rows being read.
 * <p>
 * Rows whose target is missing are left out. {@link Options#withHoldOut} sets aside a seeded
 * share of the rows (a test set): the fitting never sees them, {@link #read} skips them and
 * {@link #heldOut()} reads only them. {@link #close()} deletes the cache file (it is deleted when
 * the JVM exits otherwise).
 */
public final class CsvSource implements DataSource, Closeable {

    /** Rows between two calls of the progress listener. */
    static final long PROGRESS_ROWS = 1 << 20;
    /** Cached rows a block: a block is what the shuffle moves as one piece. */
    static final int BLOCK_ROWS = 8192;

    /**
     * How a CSV source reads and fits its table.
     *
     * @param format         separator and encoding
     * @param task           {@code "classification"}, {@code "regression"}, or null to decide as {@code train} does
     * @param indicators     whether a column with missing cells gets a missing-indicator input
     * @param unseen         what encoding does with a category the fitted rows did not hold (held-out rows)
     * @param holdOut        share of the rows set aside, 0 for none
     * @param holdOutSeed    the seed of which rows those are
     * @param cacheDirectory where the parsed cells are kept, null for the temporary directory
     * @param progress       told the rows parsed so far, every {@link #PROGRESS_ROWS} rows; null for nothing
     */
    public record Options(CsvFormat format, String task, boolean indicators, TableColumns.Unseen unseen,
                          double holdOut, long holdOutSeed, Path cacheDirectory, LongConsumer progress) {

        /** Checks the values. */
        public Options {
            Checks.notNull("format", format);
            Checks.notNull("unseen", unseen);
            if (task != null && !task.equals("classification") && !task.equals("regression")) {
                throw new IllegalArgumentException("task must be classification, regression or null, was " + task);
            }
            if (!(holdOut >= 0 && holdOut < 1)) {
                throw new IllegalArgumentException("holdOut must be in [0, 1), was " + holdOut);
            }
        }

        /** UTF-8, separator detected, task decided from the target, no indicators, unseen categories as zeros, nothing held out. */
        public static Options defaults() {
            return new Options(CsvFormat.DEFAULT, null, false, TableColumns.Unseen.ZEROS, 0, 0, null, null);
        }

        public Options withFormat(CsvFormat newFormat) {
            return new Options(newFormat, task, indicators, unseen, holdOut, holdOutSeed, cacheDirectory, progress);
        }

        public Options withTask(String newTask) {
            return new Options(format, newTask, indicators, unseen, holdOut, holdOutSeed, cacheDirectory, progress);
        }

        public Options withIndicators(boolean newIndicators) {
            return new Options(format, task, newIndicators, unseen, holdOut, holdOutSeed, cacheDirectory, progress);
        }

        public Options withUnseen(TableColumns.Unseen newUnseen) {
            return new Options(format, task, indicators, newUnseen, holdOut, holdOutSeed, cacheDirectory, progress);
        }

        /** Sets aside about {@code fraction} of the rows, chosen by a hash of {@code seed} and the row's number. */
        public Options withHoldOut(double fraction, long seed) {
            return new Options(format, task, indicators, unseen, fraction, seed, cacheDirectory, progress);
        }

        public Options withCacheDirectory(Path directory) {
            return new Options(format, task, indicators, unseen, holdOut, holdOutSeed, directory, progress);
        }

        public Options withProgress(LongConsumer rowsParsed) {
            return new Options(format, task, indicators, unseen, holdOut, holdOutSeed, cacheDirectory, rowsParsed);
        }
    }

    private final CsvPreparation prepared;
    private final HoldOut holdOut;
    private final long heldRows;

    private final String targetColumn;
    private final Options options;

    CsvSource(Path file, String targetColumn, Options options) {
        Checks.notNull("file", file);
        Checks.notNull("targetColumn", targetColumn);
        Checks.notNull("options", options);
        this.targetColumn = targetColumn;
        this.options = options;
        this.holdOut = new HoldOut(options.holdOut(), options.holdOutSeed());
        try {
            this.prepared = CsvPreparation.of(file, targetColumn, options, row -> !held(row));
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
        this.heldRows = countHeld();
    }

    /** Every row, the encoding and scalers fitted again on all of them, from the same cache (no second parse). */
    private CsvSource(CsvSource heldOut) {
        this.targetColumn = heldOut.targetColumn;
        this.options = heldOut.options.withHoldOut(0, 0);
        this.holdOut = HoldOut.NONE;
        try {
            this.prepared = CsvPreparation.refit(heldOut.prepared, targetColumn, options, row -> true);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
        this.heldRows = 0;
    }

    /**
     * This table with nothing held out: every row, the encoding and the scalers fitted again on all
     * of them (a refit of the final model), read from the same cache file — closing either deletes it.
     */
    public CsvSource withoutHoldOut() {
        return new CsvSource(this);
    }

    private long countHeld() {
        long held = 0;
        for (long row = 0; row < prepared.cache.rows(); row++) {
            held += held(row) ? 1 : 0;
        }
        return held;
    }

    private boolean held(long row) {
        return holdOut.held(-1, row);
    }

    @Override
    public int numFeatures() {
        return prepared.table.width();
    }

    @Override
    public int numOutputs() {
        return prepared.rows.outputs();
    }

    @Override
    public int blocks() {
        return (int) ((prepared.cache.rows() + BLOCK_ROWS - 1) / BLOCK_ROWS);
    }

    /** The rows of block {@code block} that are not held out. */
    @Override
    public Rows read(int block) {
        return rows(block, false);
    }

    /** The held-out rows (none without {@link Options#withHoldOut}), encoded the same way, as a source. */
    public DataSource heldOut() {
        CsvSource outer = this;
        return new DataSource() {
            @Override
            public int numFeatures() {
                return outer.numFeatures();
            }

            @Override
            public int numOutputs() {
                return outer.numOutputs();
            }

            @Override
            public int blocks() {
                return outer.blocks();
            }

            @Override
            public Rows read(int block) {
                return rows(block, true);
            }
        };
    }

    private Rows rows(int block, boolean heldOnes) {
        if (block < 0 || block >= blocks()) {
            throw new IllegalArgumentException("block must be in [0, " + blocks() + "), was " + block);
        }
        long start = (long) block * BLOCK_ROWS;
        long end = Math.min(start + BLOCK_ROWS, prepared.cache.rows());
        return new CachedBlock(start, end, heldOnes);
    }

    /** The rows of one block, as DataSets or copied straight into arrays ({@link RowCopier}). */
    private final class CachedBlock implements Rows, RowCopier {
        private long next;
        private final long end;
        private final boolean heldOnes;
        private long[] cells = new long[0];

        CachedBlock(long start, long end, boolean heldOnes) {
            this.next = start;
            this.end = end;
            this.heldOnes = heldOnes;
        }

        @Override
        public DataSet next(int maxRows) throws IOException {
            int width = numFeatures();
            int outputs = numOutputs();
            double[] x = new double[maxRows * width];
            double[] y = new double[maxRows * outputs];
            int n = next(maxRows, x, y);
            return n == 0 ? null : DataSet.of(Nd4j.create(java.util.Arrays.copyOf(x, n * width),
                    new long[] {n, width}, 'c'), Nd4j.create(java.util.Arrays.copyOf(y, n * outputs),
                    new long[] {n, outputs}, 'c'));
        }

        @Override
        public int next(int maxRows, double[] x, double[] y) throws IOException {
            CsvCache cache = prepared.cache;
            int width = numFeatures();
            int outputs = numOutputs();
            while (next < end) {
                long to = Math.min(next + maxRows, end);
                if (cells.length < (to - next) * cache.width()) {
                    cells = new long[(int) (to - next) * cache.width()];
                }
                cache.read(next, to, cells);
                int n = 0;
                for (long row = next; row < to; row++) {
                    if (held(row) == heldOnes) {
                        int at = (int) (row - next) * cache.width();
                        prepared.rows.features(cells, at, x, n * width);
                        prepared.rows.target(cells[at + cache.width() - 1], y, n * outputs);
                        n++;
                    }
                }
                next = to;
                if (n > 0) {
                    return n;
                }
            }
            return 0;
        }
    }

    /** The table encoding fitted on the rows not held out: what {@code Network.Builder.table} takes. */
    public TableColumns table() {
        return prepared.table;
    }

    /**
     * Whether a model needs {@link #table()}: a feature cell is text or missing. Otherwise every
     * feature is a number and the encoding is the identity ({@code train} then saves no table).
     */
    public boolean needsTable() {
        for (ColumnSurvey column : prepared.features) {
            if (column.anyNonNumber) {
                return true;
            }
        }
        return false;
    }

    /** The feature columns' names, in file order. */
    public List<String> featureNames() {
        return List.copyOf(prepared.featureNames);
    }

    /** Standardization of the encoded features, fitted on the rows not held out. */
    public Scaler scaler() {
        return prepared.scaler;
    }

    /** For a regression, the standardization of the target, fitted on the rows not held out. */
    public Optional<Scaler> targetScaler() {
        return Optional.ofNullable(prepared.targetScaler);
    }

    /** Whether the target holds classes (text, or few whole numbers, unless the task was given). */
    public boolean classification() {
        return !prepared.classNames.isEmpty();
    }

    /** The classes' names (text sorted, numbers in numeric order), empty for a regression. */
    public List<String> classNames() {
        return prepared.classNames;
    }

    /** Rows a pass of {@link #read} gives: those with a target, less the held-out ones. */
    public long rows() {
        return prepared.cache.rows() - heldRows;
    }

    /** Rows {@link #heldOut()} gives. */
    public long heldOutRows() {
        return heldRows;
    }

    /** Rows left out because their target is missing. */
    public long droppedRows() {
        return prepared.dropped;
    }

    /** Bytes of the cache file the passes read. */
    public long cacheBytes() {
        return prepared.cache.bytes();
    }

    /** Deletes the cache file; the source cannot be read after. */
    @Override
    public void close() throws IOException {
        prepared.cache.delete();
    }

    @Override
    public String toString() {
        return "CsvSource[" + prepared.file + ", " + rows() + " rows, " + numFeatures() + " features, "
                + numOutputs() + " outputs" + (heldRows > 0 ? ", " + heldRows + " held out" : "") + "]";
    }

    /** Whether a cached cell is a number (for tests of the cache's form). */
    static boolean isNumber(long cell) {
        return CachedCell.isNumber(cell);
    }
}
