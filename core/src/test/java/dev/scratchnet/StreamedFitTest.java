package dev.scratchnet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;

/** {@code net.fit(source, fit)}: the loop of {@code fit} over rows read in passes, chunk by chunk. */
class StreamedFitTest {

    private static DataSet data() {
        return Datasets.spiral(50, 3, 2);
    }

    private static Network network(long seed) {
        return Network.builder().seed(seed).dense(2, 16, Activation.TANH).dense(16, 3, Activation.SOFTMAX).build();
    }

    private static Fit.Builder fit(int epochs) {
        return Fit.builder().loss(Loss.CROSS_ENTROPY).optimizer(Optimizer.adam(0.02)).epochs(epochs).batchSize(16)
                .seed(3);
    }

    private static TrainingHistory streamed(Network net, DataSource source, Fit fit, int chunkRows) {
        return new StreamedFit(net, fit, chunkRows).run(source);
    }

    @Test
    void withoutShufflingAStreamOfOneChunkTrainsAsFitInMemoryBitForBit() {
        Network inMemory = network(1);
        TrainingHistory expected = inMemory.fit(data(), fit(4).shuffle(false).build());
        Network stream = network(1);
        TrainingHistory actual = stream.fit(DataSource.of(data(), 40), fit(4).shuffle(false).build());

        assertArrayEquals(CheckpointTest.bits(inMemory), CheckpointTest.bits(stream));
        assertEquals(expected.toCsv(), actual.toCsv());
    }

    @Test
    void chunksOfWholeBatchesGiveTheSameStepsAsOneChunk() {
        Network one = network(1);
        streamed(one, DataSource.of(data(), 7), fit(3).shuffle(false).build(), 10_000);
        Network many = network(1);
        // 40 rows a chunk (rounded down to whole batches of 16: 32), blocks of 7 rows: batches cross blocks
        streamed(many, DataSource.of(data(), 7), fit(3).shuffle(false).build(), 40);

        assertArrayEquals(CheckpointTest.bits(one), CheckpointTest.bits(many));
    }

    @Test
    void theShuffleIsSeededAndEveryRowComesOnceAnEpoch() {
        Network a = network(1);
        Network b = network(1);
        Network c = network(1);
        TrainingHistory ha = streamed(a, DataSource.of(data(), 10), fit(3).build(), 48);
        streamed(b, DataSource.of(data(), 10), fit(3).build(), 48);
        streamed(c, DataSource.of(data(), 10), fit(3).seed(4).build(), 48);

        assertArrayEquals(CheckpointTest.bits(a), CheckpointTest.bits(b));
        assertFalse(Arrays.equals(CheckpointTest.bits(a), CheckpointTest.bits(c)), "another seed, another order");
        assertEquals(3, ha.epochs());
        assertTrue(ha.trainLoss()[2] < ha.trainLoss()[0], "the loss falls: " + Arrays.toString(ha.trainLoss()));
    }

    @Test
    void theReaderGivesEachRowOnceAnEpochInASeededOrder() {
        DataSet rows = DataSet.of(Nd4j.arange(0, 100).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT)
                .reshape(100, 1), Nd4j.zeros(100, 1));
        List<Double> first = epoch(rows, 5);
        List<Double> again = epoch(rows, 5);
        List<Double> other = epoch(rows, 6);

        assertEquals(first, again);
        assertTrue(!first.equals(other));
        List<Double> sorted = new ArrayList<>(first);
        sorted.sort(null);
        List<Double> all = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            all.add((double) i);
        }
        assertEquals(all, sorted, "every row exactly once");
        assertTrue(!first.subList(0, 20).equals(all.subList(0, 20)), "shuffled: " + first);
    }

    private static List<Double> epoch(DataSet rows, long seed) {
        ChunkReader reader = new ChunkReader(DataSource.of(rows, 8), HoldOut.NONE, 30, 100,
                org.nd4j.linalg.api.buffer.DataType.DOUBLE, chunk -> chunk);
        reader.start(true, seed);
        List<Double> values = new ArrayList<>();
        while (values.size() < 100) {
            for (double value : reader.take().features().toDoubleVector()) {
                values.add(value);
            }
        }
        reader.stop();
        return values;
    }

    @Test
    void theHeldOutRowsAreTheSameWhateverTheOrderOfReading() {
        HoldOut holdOut = new HoldOut(0.2, 9);
        int held = 0;
        for (int block = 0; block < 10; block++) {
            for (long row = 0; row < 1000; row++) {
                assertEquals(holdOut.held(block, row), new HoldOut(0.2, 9).held(block, row));
                held += holdOut.held(block, row) ? 1 : 0;
            }
        }
        assertEquals(2000, held, 150, "about a fifth of 10000 rows");
    }

    @Test
    void everyFitSettingWorksAndAResumeEqualsARunStraight(@TempDir Path dir) {
        DataSource source = DataSource.of(data(), 10);
        Fit.Builder settings = fit(6).validationSplit(0.2).earlyStopping(50).clipNorm(1.0).l2(1e-4)
                .classWeights(1.0, 2.0, 1.0).diagnostics(true).schedule(Schedule.cosine(6, 0.001));
        Network straight = network(2);
        TrainingHistory all = streamed(straight, source, settings.checkpoints(dir.resolve("a"), 3).build(), 48);
        Network resumed = network(2);
        TrainingHistory rest = streamed(resumed, source, fit(6).validationSplit(0.2).earlyStopping(50).clipNorm(1.0)
                .l2(1e-4).classWeights(1.0, 2.0, 1.0).diagnostics(true).schedule(Schedule.cosine(6, 0.001))
                .resumeFrom(dir.resolve("a").resolve("checkpoint-0000000003.zip")).build(), 48);

        assertArrayEquals(CheckpointTest.bits(straight), CheckpointTest.bits(resumed));
        assertEquals(6, all.epochs());
        assertTrue(Double.isFinite(all.validationLoss()[5]), "validation measured");
        assertFalse(all.diagnostics().isEmpty(), "diagnostics recorded");
        assertEquals(all.validationLoss()[5], rest.validationLoss()[5]);
    }

    @Test
    void dropoutTrainsAndIsSeeded() {
        Network a = Network.builder().seed(1).dense(2, 16, Activation.RELU).dropout(0.2).dense(16, 3,
                Activation.SOFTMAX).build();
        Network b = Network.builder().seed(1).dense(2, 16, Activation.RELU).dropout(0.2).dense(16, 3,
                Activation.SOFTMAX).build();
        streamed(a, DataSource.of(data(), 10), fit(2).build(), 48);
        streamed(b, DataSource.of(data(), 10), fit(2).build(), 48);
        assertArrayEquals(CheckpointTest.bits(a), CheckpointTest.bits(b));
    }

    @Test
    void npyFilesAreReadBlockByBlockAsTheArraysTheyHold(@TempDir Path dir) throws IOException {
        DataSet data = Datasets.spiral(3000, 3, 2);
        java.nio.file.Files.write(dir.resolve("x.npy"), dev.scratchnet.io.Npy.write(data.features()));
        java.nio.file.Files.write(dir.resolve("y.npy"), dev.scratchnet.io.Npy.write(data.targets()
                .castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE)));
        DataSource source = DataSource.npy(dir.resolve("x.npy"), dir.resolve("y.npy"));

        assertEquals(2, source.blocks(), "9000 rows in blocks of 8192");
        List<double[]> rows = new ArrayList<>();
        for (int block = 0; block < source.blocks(); block++) {
            try (DataSource.Rows reader = source.read(block)) {
                for (DataSet batch = reader.next(1000); batch != null; batch = reader.next(1000)) {
                    rows.addAll(List.of(dev.scratchnet.internal.JavaRows.doubles(batch.features())));
                }
            }
        }
        assertArrayEquals(dev.scratchnet.internal.JavaRows.doubles(data.features()), rows.toArray(double[][]::new));

        java.nio.file.Files.write(dir.resolve("short.npy"), dev.scratchnet.io.Npy.write(Nd4j.zeros(5, 3)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DataSource.npy(dir.resolve("x.npy"), dir.resolve("short.npy")));
        assertTrue(e.getMessage().contains("hold 9000 rows but targets"), e.getMessage());
    }

    @Test
    void aSourceOfTheWrongWidthIsRefusedNamingBoth() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> network(1).fit(
                DataSource.of(DataSet.of(Nd4j.zeros(4, 3), Nd4j.zeros(4, 3)), 2), fit(1).build()));
        assertTrue(e.getMessage().contains("3 feature and 3 target columns but the network expects nIn = 2"),
                e.getMessage());
    }

    @Test
    void aSourceThatChangesBetweenPassesIsRefused() {
        DataSource shrinking = new DataSource() {
            private int passes;

            @Override
            public int numFeatures() {
                return 2;
            }

            @Override
            public int numOutputs() {
                return 3;
            }

            @Override
            public Rows read(int block) throws IOException {
                DataSet rows = passes++ == 0 ? data() : data().split(0.5, 1).train();
                return DataSource.of(rows, rows.size()).read(0);
            }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> network(1).fit(shrinking, fit(1).build()));
        assertTrue(e.getMessage().contains("fewer training rows this epoch (") && e.getMessage().contains("than the 150 of its first pass"),
                e.getMessage());
    }
}
