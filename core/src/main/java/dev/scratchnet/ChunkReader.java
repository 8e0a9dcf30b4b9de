package dev.scratchnet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.UnaryOperator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One epoch of a {@link DataSource}'s training rows, read on a thread of its own into chunks of
 * {@code chunkRows} rows that wait in a queue of {@link #QUEUE_CHUNKS}, so that reading overlaps the
 * training of the chunk before (an epoch then costs about the slower of the two).
 * <pre>
 *   blocks in a seeded random order (shuffling) or in order
 *   rows of each block, those the hold-out keeps out skipped, into a chunk
 *   a full chunk: its rows shuffled (shuffling), made a DataSet of the network's type, prepared, queued
 * </pre>
 * The rows of one chunk come from consecutive blocks of that order, so a chunk is the shuffle
 * buffer: a row can land anywhere within its chunk, and the chunks come in a random order of blocks.
 */
final class ChunkReader {

    /** Chunks read ahead of the one training; 2 keeps the reader busy while a chunk trains. */
    static final int QUEUE_CHUNKS = 2;
    /** Rows asked of a source at a time. */
    private static final int READ_ROWS = 4096;
    private static final DataSet END = DataSet.of(Nd4j.zeros(1, 1), Nd4j.zeros(1, 1));

    private final DataSource source;
    private final HoldOut holdOut;
    private final int chunkRows;
    private final long expectedRows;
    private final DataType type;
    /** What each chunk goes through before it is queued (scaling, class weights), on the reading thread. */
    private final UnaryOperator<DataSet> prepare;
    private BlockingQueue<Object> queue;
    private Thread thread;

    ChunkReader(DataSource source, HoldOut holdOut, int chunkRows, long expectedRows, DataType type,
                UnaryOperator<DataSet> prepare) {
        this.source = source;
        this.holdOut = holdOut;
        this.chunkRows = chunkRows;
        this.expectedRows = expectedRows;
        this.type = type;
        this.prepare = prepare;
    }

    /** Starts reading an epoch: its blocks shuffled with {@code seed}, and its chunks' rows, when {@code shuffle}. */
    void start(boolean shuffle, long seed) {
        stop();
        BlockingQueue<Object> chunks = new ArrayBlockingQueue<>(QUEUE_CHUNKS);
        queue = chunks;
        thread = new Thread(() -> read(chunks, shuffle, seed), "scratchnet-data-source");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * The epoch's next chunk, waiting for the reader when it is behind.
     *
     * @throws IllegalStateException when the source ended before the rows of the first pass
     */
    DataSet take() {
        Object next;
        try {
            next = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the data source's rows", e);
        }
        if (next instanceof RuntimeException failure) {
            throw failure;
        }
        if (next == END) {
            throw new IllegalStateException("the training asked for more rows than the " + expectedRows
                    + " of the data source's first pass");
        }
        return (DataSet) next;
    }

    /** Stops the epoch's reader, if one runs, and waits for it to end. */
    void stop() {
        if (thread == null) {
            return;
        }
        thread.interrupt();
        queue.clear();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
    }

    private void read(BlockingQueue<Object> chunks, boolean shuffle, long seed) {
        try {
            Random random = new Random(seed);
            int[] blocks = order(source.blocks(), shuffle, random);
            Chunk chunk = new Chunk(source.numFeatures(), source.numOutputs());
            long rows = 0;
            for (int block : blocks) {
                try (DataSource.Rows reader = source.read(block)) {
                    long index = 0;
                    double[] copiedX = new double[READ_ROWS * source.numFeatures()];
                    double[] copiedY = new double[READ_ROWS * source.numOutputs()];
                    while (true) {
                        double[] x = copiedX;
                        double[] y = copiedY;
                        int n;
                        if (reader instanceof RowCopier copier) {
                            n = copier.next(READ_ROWS, x, y);
                        } else {
                            DataSet batch = reader.next(READ_ROWS);
                            n = batch == null ? 0 : batch.size();
                            if (n > 0) {
                                x = values(batch.features(), source.numFeatures(), "features", block, index);
                                y = values(batch.targets(), source.numOutputs(), "targets", block, index);
                            }
                        }
                        if (n == 0) {
                            break;
                        }
                        for (int row = 0; row < n; row++, index++) {
                            if (holdOut.held(block, index)) {
                                continue;
                            }
                            chunk.add(x, y, row);
                            if (++rows > expectedRows) {
                                throw new IllegalStateException("the data source gave more training rows this epoch "
                                        + "than the " + expectedRows + " of its first pass; a source must give the "
                                        + "same rows on every pass");
                            }
                            if (chunk.rows == chunkRows) {
                                chunks.put(prepared(chunk.take(shuffle ? random : null, type)));
                            }
                        }
                    }
                }
            }
            if (rows < expectedRows) {
                throw new IllegalStateException("the data source gave fewer training rows this epoch (" + rows
                        + ") than the " + expectedRows + " of its first pass; a source must give the same rows on "
                        + "every pass");
            }
            if (chunk.rows > 0) {
                chunks.put(prepared(chunk.take(shuffle ? random : null, type)));
            }
            chunks.put(END);
        } catch (InterruptedException e) {
            // stopped: the training ended or started another epoch
        } catch (IOException e) {
            offer(chunks, new UncheckedIOException("reading the data source: " + e.getMessage(), e));
        } catch (RuntimeException e) {
            offer(chunks, e);
        }
    }

    /** The chunk prepared; the arrays the preparation replaced are freed now (see {@link RowCopier}). */
    private DataSet prepared(DataSet raw) {
        DataSet ready = prepare.apply(raw);
        free(raw.features(), ready.features());
        free(raw.targets(), ready.targets());
        return ready;
    }

    /** Frees {@code array}, made by this class, unless it lives on in {@code kept}. */
    static void free(INDArray array, INDArray kept) {
        if (array != kept && array.closeable()) {
            array.close();
        }
    }

    private static void offer(BlockingQueue<Object> chunks, RuntimeException failure) {
        try {
            chunks.put(failure);
        } catch (InterruptedException stopped) {
            // nobody waits for it any more
        }
    }

    /** 0 … n − 1, shuffled when asked. */
    private static int[] order(int n, boolean shuffle, Random random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; shuffle && i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    /** A batch's values row by row, checked to be {@code width} wide. */
    private static double[] values(INDArray array, int width, String what, int block, long index) {
        if (array.rank() != 2 || array.columns() != width) {
            throw new IllegalArgumentException("the data source's block " + block + " gave " + what + " of shape "
                    + java.util.Arrays.toString(array.shape()) + " at row " + index + "; expected [n, " + width + "]");
        }
        return array.castTo(DataType.DOUBLE).dup('c').data().asDouble();
    }

    /** The rows gathered for the next chunk. */
    private final class Chunk {
        final int features;
        final int outputs;
        double[] x;
        double[] y;
        int rows;

        Chunk(int features, int outputs) {
            this.features = features;
            this.outputs = outputs;
            this.x = new double[chunkRows * features];
            this.y = new double[chunkRows * outputs];
        }

        void add(double[] batchX, double[] batchY, int row) {
            System.arraycopy(batchX, row * features, x, rows * features, features);
            System.arraycopy(batchY, row * outputs, y, rows * outputs, outputs);
            rows++;
        }

        /** The rows gathered as a DataSet of {@code dataType}, shuffled when {@code random} is given; empties the chunk. */
        DataSet take(Random random, DataType dataType) {
            int[] order = order(rows, random != null, random);
            INDArray features = array(x, order, this.features, dataType);
            INDArray targets = array(y, order, outputs, dataType);
            rows = 0;
            return DataSet.of(features, targets);
        }

        /** The gathered rows of {@code values}, {@code width} each, in {@code order}, as one array of {@code dataType}. */
        private INDArray array(double[] values, int[] order, int width, DataType dataType) {
            if (dataType == DataType.DOUBLE) {
                double[] rowsInOrder = new double[order.length * width];
                for (int i = 0; i < order.length; i++) {
                    System.arraycopy(values, order[i] * width, rowsInOrder, i * width, width);
                }
                return Nd4j.create(rowsInOrder, new long[] {order.length, width}, DataType.DOUBLE);
            }
            float[] rowsInOrder = new float[order.length * width];
            for (int i = 0; i < order.length; i++) {
                for (int k = 0, from = order[i] * width; k < width; k++) {
                    rowsInOrder[i * width + k] = (float) values[from + k];
                }
            }
            INDArray array = Nd4j.create(rowsInOrder, new long[] {order.length, width}, DataType.FLOAT);
            return dataType == DataType.FLOAT ? array : array.castTo(dataType);
        }
    }
}
