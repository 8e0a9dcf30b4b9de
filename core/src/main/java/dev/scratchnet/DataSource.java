package dev.scratchnet;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Rows read in passes, for data larger than memory: {@link Network#fit(DataSource, Fit)} reads a
 * source once to count its rows and hold out validation rows, then once an epoch, never holding
 * more than a few chunks of rows at a time.
 * <pre>
 *   CsvSource source = DataSource.csv(Path.of("big.csv"), "label");   // first pass: encoding, scalers
 *   Network net = Network.builder().input(source.numFeatures())
 *           .table(source.table()).scaler(source.scaler())
 *           .dense(64, Activation.RELU).dense(source.numOutputs(), Activation.SOFTMAX).build();
 *   TrainingHistory h = net.fit(source, fit);                            // same Fit, same history
 * </pre>
 * A source is cut into <em>blocks</em> that can each be read on its own, in any order; a seeded
 * shuffle reads the blocks in a random order and shuffles the rows of a few blocks at a time
 * (see docs/data-sources.md for what that guarantees against a full shuffle). A source of one
 * block (one you read start to end) works too; it is then only shuffled within each chunk.
 * <p>
 * To write your own, implement {@link #numFeatures()}, {@link #numOutputs()} and
 * {@link #read(int)} (and {@link #blocks()} when your rows can be read from several places). Rows
 * come as {@link DataSet}s in the form {@link Network#fit(DataSet, Fit)} takes them: unscaled (the
 * network's scalers are applied as they are read), classes one-hot. Every pass must give the same
 * rows in the same order.
 */
public interface DataSource {

    /** Features of each row: the network's {@code nIn}. */
    int numFeatures();

    /** Targets of each row: the network's {@code nOut} (one-hot classes, or values). */
    int numOutputs();

    /** How many blocks a pass reads (1 by default: a source read start to end). */
    default int blocks() {
        return 1;
    }

    /**
     * Opens block {@code block} ({@code 0 … blocks() − 1}) for reading; the rows come in the same
     * order on every pass.
     */
    Rows read(int block) throws IOException;

    /** The rows of one block, a batch at a time. */
    interface Rows extends Closeable {

        /**
         * At most {@code maxRows} of the next rows (at least one), or null at the end of the block.
         *
         * @throws IOException when the data cannot be read
         */
        DataSet next(int maxRows) throws IOException;

        /** Closes the block; by default nothing to close. */
        @Override
        default void close() throws IOException {
        }
    }

    /**
     * A CSV table with a header line, read in passes: text columns one-hot, missing cells filled
     * in, as {@code train --csv} reads tables. The first use reads the whole file once to fit the
     * encoding and the scalers (and writes a binary copy of the cells in the temporary directory,
     * which the later passes read); see {@link CsvSource}.
     *
     * @param file         the table, UTF-8, separator detected from the header
     * @param targetColumn the column to predict
     */
    static CsvSource csv(Path file, String targetColumn) {
        return new CsvSource(file, targetColumn, CsvSource.Options.defaults());
    }

    /** {@link #csv(Path, String)} with options: the file's format, the task, hold-out rows, the cache folder. */
    static CsvSource csv(Path file, String targetColumn, CsvSource.Options options) {
        return new CsvSource(file, targetColumn, options);
    }

    /**
     * Rows in memory seen as a source of blocks of {@code blockRows} rows: what {@code fit} on
     * {@code data} sees, streamed (for tests, and for data made in memory that is to be trained as
     * a large source is).
     */
    static DataSource of(DataSet data, int blockRows) {
        return new InMemorySource(data, blockRows);
    }

    /**
     * Two {@code .npy} files (NumPy's format 1.0, float32 or float64, C order) of the same row
     * count: features {@code [n, nIn]} and targets {@code [n, nOut]} (classes one-hot), read 8192
     * rows a block with positional reads; only their headers are read here.
     *
     * @throws IOException when a file cannot be read or is not such an array
     */
    static DataSource npy(Path features, Path targets) throws IOException {
        return NpySource.open(features, targets);
    }

    /**
     * MNIST's IDX files, uncompressed: images of unsigned bytes (scaled to [0, 1], float32) and their
     * labels (one-hot over {@code numClasses}), the rows {@link dev.scratchnet.data.IdxReader#read}
     * gives, read 8192 images a block with positional reads; only their headers are read here.
     *
     * @throws IOException when a file cannot be read, is gzip-compressed or is not such a file
     */
    static DataSource idx(Path images, Path labels, int numClasses) throws IOException {
        return IdxSource.open(images, labels, numClasses);
    }

}
