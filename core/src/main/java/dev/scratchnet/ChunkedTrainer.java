package dev.scratchnet;

import dev.scratchnet.arithmetic.DropoutMasks;
import dev.scratchnet.arithmetic.Trainer;
import dev.scratchnet.internal.Permutation;
import java.util.Arrays;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The loop's {@link Trainer} over a {@link DataSource}: positions {@code [from, to)} of an epoch
 * fall in chunk {@code from / chunkRows} (chunks hold whole batches), which the {@link ChunkReader}
 * hands over in turn; each chunk is trained by the network's own backend, as rows in memory are.
 * The epoch's order the loop draws only seeds the reader's shuffle: the rows' order is the reader's.
 * A row's dropout masks are those of its position in the epoch, from the fit's one stream.
 */
final class ChunkedTrainer implements Trainer {

    private final Network network;
    private final Fit fit;
    private final ChunkReader reader;
    private final int chunkRows;
    private final DropoutMasks dropout;
    private final boolean classes;
    private final boolean fused;
    private int chunk = -1;
    private int epoch;
    private int trainingRows;
    private DataSet rows;
    private int[] labels;
    private Trainer trainer;

    ChunkedTrainer(Network network, Fit fit, ChunkReader reader, int chunkRows, DropoutMasks dropout, boolean classes) {
        this.network = network;
        this.fit = fit;
        this.reader = reader;
        this.chunkRows = chunkRows;
        this.dropout = dropout;
        this.classes = classes;
        // whether the backend fuses plain SGD: asked of a trainer over one row of zeros
        Trainer probe = network.arithmetic().trainer(fit.loss(), DataSet.of(Nd4j.zeros(network.dataType(), 1,
                network.nIn()), Nd4j.zeros(network.dataType(), 1, network.nOut())), 1, null);
        this.fused = probe.offersFusedSgd();
        probe.release();
    }

    /**
     * Starts epoch {@code epoch}; the stream's rows are numbered by their position in the epoch, so
     * a row's dropout masks are those of its position ({@link DropoutMasks}), and {@code maskRows}
     * (the loop's own order) is not used.
     */
    @Override
    public void startEpoch(int epoch, int[] order, int[] maskRows, int rows) {
        releaseChunk();
        chunk = -1;
        this.epoch = epoch;
        this.trainingRows = rows;
        reader.start(fit.shuffle(), StreamedFit.epochSeed(order));
        // the rows come in the reader's order, so position i is row i of the epoch: the parts that
        // look rows up by order[i] (diagnostics) are handed the same array, now the identity
        Arrays.setAll(order, i -> i);
    }

    @Override
    public double gradients(int from, int to) {
        int base = at(from);
        return trainer.gradients(from - base, to - base);
    }

    @Override
    public boolean offersFusedSgd() {
        return fused;
    }

    @Override
    public double sgdStep(int from, int to, double learningRate, double l2) {
        int base = at(from);
        return trainer.sgdStep(from - base, to - base, learningRate, l2);
    }

    /** The chunk's own labels: the loop's are indexed by training row, which a stream does not keep. */
    @Override
    public int lastBatchCorrect(int[] ignored) {
        return labels != null ? trainer.lastBatchCorrect(labels) : 0;
    }

    @Override
    public void release() {
        reader.stop();
        releaseChunk();
    }

    /** The rows at epoch positions {@code positions} (within one batch), for diagnostics. */
    DataSet rows(int[] positions) {
        int base = at(positions[0]);
        int[] local = Arrays.stream(positions).map(position -> position - base).toArray();
        return DataSet.of(Nd4j.pullRows(rows.features(), 1, local), Nd4j.pullRows(rows.targets(), 1, local));
    }

    /** Moves to the chunk holding epoch position {@code position}; returns that chunk's first position. */
    private int at(int position) {
        int wanted = position / chunkRows;
        while (chunk < wanted) {
            releaseChunk();
            rows = reader.take();
            chunk++;
            labels = classes ? InMemoryFit.classLabels(rows.targets()) : null;
            trainer = network.arithmetic().trainer(fit.loss(), rows, Math.min(fit.batchSize(), rows.size()), dropout);
            int base = chunk * chunkRows;
            int[] positions = new int[rows.size()];
            Arrays.setAll(positions, i -> base + i);
            trainer.startEpoch(epoch, Permutation.identity(rows.size()), positions, trainingRows);
        }
        return chunk * chunkRows;
    }

    private void releaseChunk() {
        if (trainer != null) {
            trainer.release();
            trainer = null;
        }
        if (rows != null) {
            // the chunk's arrays are the reader's own: freed now rather than when the collector finds them
            ChunkReader.free(rows.features(), null);
            ChunkReader.free(rows.targets(), null);
        }
        rows = null;
        labels = null;
    }
}
