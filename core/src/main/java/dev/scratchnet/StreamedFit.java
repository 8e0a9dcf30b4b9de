package dev.scratchnet;

import dev.scratchnet.arithmetic.DropoutMasks;
import dev.scratchnet.internal.Checks;
import dev.scratchnet.internal.Permutation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@code Network.fit} on a {@link DataSource}: the rows read in passes, the same {@link Training}
 * (parts, loop, every {@link Fit} setting) as {@link InMemoryFit}.
 * <pre>
 *   first pass: count the training rows, gather the validation rows a seeded hash holds out
 *               (or take fit.validation()), learn whether the targets are classes
 *   each epoch: a reader thread hands over chunks of whole batches, shuffled (ChunkReader);
 *               the backend trains each chunk as it trains rows in memory (ChunkedTrainer)
 * </pre>
 */
final class StreamedFit {

    /** Rows of a chunk, rounded to whole batches: 64 Ki rows of 20 float32 features are 5 MiB. */
    static final int CHUNK_ROWS = 65_536;

    private final Network network;
    private final Fit fit;
    private final int chunkRows;

    StreamedFit(Network network, Fit fit) {
        this(network, fit, CHUNK_ROWS);
    }

    /** With chunks of about {@code chunkRows} rows (tests use small ones to cross chunk boundaries). */
    StreamedFit(Network network, Fit fit, int chunkRows) {
        this.network = network;
        this.fit = fit;
        this.chunkRows = chunkRows;
    }

    TrainingHistory run(DataSource source) {
        Checks.notNull("source", source);
        Checks.notNull("fit", fit);
        if (source.numFeatures() != network.nIn() || source.numOutputs() != network.nOut()) {
            throw new IllegalArgumentException("the data source has " + source.numFeatures() + " feature and "
                    + source.numOutputs() + " target columns but the network expects nIn = " + network.nIn()
                    + " and outputs " + network.nOut());
        }
        long seed = fit.seed() != null ? fit.seed() : network.seed();
        HoldOut holdOut = fit.validationSplit() > 0 ? new HoldOut(fit.validationSplit(), seed) : HoldOut.NONE;
        Survey survey = survey(source, holdOut, fit.checkpointDirectory() != null || fit.resumeFrom() != null);
        ClassWeights.check(fit.classWeights(), network, survey.classes);
        Training training = Training.start(network, fit, survey.fingerprint);
        DropoutMasks dropout = DropoutStream.masks(network, seed);
        int rowsAChunk = (int) Math.max(fit.batchSize(), (long) chunkRows / fit.batchSize() * fit.batchSize());
        ChunkReader reader = new ChunkReader(source, holdOut, rowsAChunk, survey.rows, network.dataType(),
                chunk -> ClassWeights.apply(scaled(chunk), fit.classWeights()));
        ChunkedTrainer trainer = new ChunkedTrainer(network, fit, reader, rowsAChunk, dropout, survey.classes);
        return training.run(trainer, (int) survey.rows, survey.classes ? new int[0] : null, validation(survey),
                trainer::rows, Permutation.generator(seed));
    }

    /** The rows as training sees them: in the network's type, scaled by its scalers. */
    private DataSet scaled(DataSet rows) {
        return rows.inType(network.dataType()).rescaled(network.scaler().orElse(null),
                network.targetScaler().orElse(null));
    }

    private Validation validation(Survey survey) {
        DataSet rows = survey.heldOut != null ? survey.heldOut : fit.validation().orElse(null);
        if (rows == null) {
            return Validation.none();
        }
        if (rows.numFeatures() != network.nIn() || rows.numOutputs() != network.nOut()) {
            throw new IllegalArgumentException("validation data has " + rows.numFeatures() + " feature and "
                    + rows.numOutputs() + " target columns but the network expects nIn = " + network.nIn()
                    + " and outputs " + network.nOut());
        }
        DataSet ready = scaled(rows);
        if (survey.heldOut != null) {
            // the gathered rows are this fit's own: only their scaled copy is measured from now on
            ChunkReader.free(rows.features(), ready.features());
            ChunkReader.free(rows.targets(), ready.targets());
        }
        return Validation.of(network, fit.loss(), ready, survey.classes);
    }

    /** What the first pass learns. */
    private record Survey(long rows, boolean classes, DataSet heldOut, String fingerprint) {
    }

    /**
     * The first pass: the training rows counted (at most {@link Integer#MAX_VALUE}), the held-out
     * rows gathered, the targets checked to be classes; the rows' sums for a checkpoint's fingerprint.
     */
    private Survey survey(DataSource source, HoldOut holdOut, boolean sums) {
        long rows = 0;
        boolean classes = true;
        double featureSum = 0;
        double targetSum = 0;
        List<DataSet> held = new ArrayList<>();
        try {
            for (int block = 0; block < source.blocks(); block++) {
                try (DataSource.Rows reader = source.read(block)) {
                    long index = 0;
                    for (DataSet batch = reader.next(4096); batch != null; batch = reader.next(4096)) {
                        requireWidths(source, batch, block, index);
                        classes &= InMemoryFit.classLabels(batch.targets()) != null;
                        List<Integer> keep = new ArrayList<>();
                        List<Integer> hold = new ArrayList<>();
                        for (int row = 0; row < batch.size(); row++, index++) {
                            (holdOut.held(block, index) ? hold : keep).add(row);
                        }
                        rows += keep.size();
                        if (!hold.isEmpty()) {
                            // kept in the network's type: for float32 half the memory of a source's doubles
                            held.add(rowsOf(batch, hold).inType(network.dataType()));
                        }
                        if (sums && !keep.isEmpty()) {
                            DataSet kept = rowsOf(batch, keep);
                            featureSum += kept.features().sumNumber().doubleValue();
                            targetSum += kept.targets().sumNumber().doubleValue();
                        }
                        if (reader instanceof RowCopier) {
                            // the library's own source made these arrays for this pass alone
                            ChunkReader.free(batch.features(), null);
                            ChunkReader.free(batch.targets(), null);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the data source: " + e.getMessage(), e);
        }
        if (rows == 0) {
            throw new IllegalArgumentException("the data source has no training rows"
                    + (holdOut.fraction() > 0 ? " once the validation split " + holdOut.fraction() + " is held out" : ""));
        }
        if (rows > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("the data source has " + rows + " training rows; an epoch takes at most "
                    + Integer.MAX_VALUE);
        }
        if (holdOut.fraction() > 0 && held.isEmpty()) {
            throw new IllegalArgumentException("validationSplit " + holdOut.fraction() + " held out none of the "
                    + rows + " rows; give a larger split or more rows");
        }
        DataSet heldOut = held.isEmpty() ? null : DataSet.of(
                Nd4j.concat(0, held.stream().map(DataSet::features).toArray(INDArray[]::new)),
                Nd4j.concat(0, held.stream().map(DataSet::targets).toArray(INDArray[]::new)));
        for (DataSet piece : held) {
            // the pieces were copied for this pass alone (pullRows): freed now rather than when collected
            ChunkReader.free(piece.features(), heldOut.features());
            ChunkReader.free(piece.targets(), heldOut.targets());
        }
        return new Survey(rows, classes, heldOut, Fingerprint.data((int) rows, source.numFeatures(),
                source.numOutputs(), featureSum, targetSum, null));
    }

    private static void requireWidths(DataSource source, DataSet batch, int block, long index) {
        if (batch.size() == 0) {
            throw new IllegalArgumentException("the data source's block " + block + " gave an empty batch at row "
                    + index + "; Rows.next returns at least one row, or null at the end");
        }
        if (batch.numFeatures() != source.numFeatures() || batch.numOutputs() != source.numOutputs()) {
            throw new IllegalArgumentException("the data source's block " + block + " gave rows of "
                    + batch.numFeatures() + " features and " + batch.numOutputs() + " targets at row " + index
                    + "; it declares " + source.numFeatures() + " and " + source.numOutputs());
        }
    }

    private static DataSet rowsOf(DataSet batch, List<Integer> rows) {
        int[] indexes = rows.stream().mapToInt(Integer::intValue).toArray();
        return DataSet.of(Nd4j.pullRows(batch.features(), 1, indexes), Nd4j.pullRows(batch.targets(), 1, indexes));
    }

    /** Random's seed for an epoch, from the loop's order: the loop's generator already resumes and reseeds right. */
    static long epochSeed(int[] order) {
        long seed = order.length;
        for (int i = 0; i < Math.min(order.length, 4); i++) {
            seed = HoldOut.mix(seed * 31 + order[i]);
        }
        return seed;
    }
}
