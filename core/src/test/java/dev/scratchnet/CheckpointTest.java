package dev.scratchnet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 10 epochs straight equal 5 epochs, a checkpoint and a resume to 10, bit for bit. */
class CheckpointTest {

    static Network network() {
        return Network.builder().seed(8).dense(2, 16, Activation.RELU).dropout(0.1).dense(16, 3, Activation.SOFTMAX)
                .build();
    }

    static DataSet data() {
        return Datasets.spiral(30, 3, 2);
    }

    /** Adam, shuffling, a validation split, a schedule with warm-up, dropout and early stopping's state. */
    static Fit.Builder fit(int epochs) {
        return Fit.builder().loss(Loss.CROSS_ENTROPY).optimizer(Optimizer.adam(0.02)).epochs(epochs).batchSize(16)
                .validationSplit(0.2).schedule(Schedule.cosine(12, 0.001).withWarmUp(2)).earlyStopping(50);
    }

    /** Every parameter's bits, in order. */
    static long[] bits(Network net) {
        return net.layers().stream().flatMap(layer -> layer.parameters().stream())
                .flatMapToDouble(p -> java.util.Arrays.stream(p.value().ravel().toDoubleVector()))
                .mapToLong(Double::doubleToRawLongBits).toArray();
    }

    @Test
    void fiveEpochsACheckpointAndAResumeEqualTenEpochsStraight(@TempDir Path dir) throws IOException {
        Network straight = network();
        TrainingHistory all = straight.fit(data(), fit(10).checkpoints(dir.resolve("straight"), 5).build());

        Network first = network();
        first.fit(data(), fit(5).checkpoints(dir.resolve("half"), 5).build());
        Path checkpoint = dir.resolve("half").resolve("checkpoint-0000000005.zip");
        Network resumed = network();
        TrainingHistory rest = resumed.fit(data(), fit(10).resumeFrom(checkpoint).build());

        assertArrayEquals(bits(straight), bits(resumed));
        assertEquals(all.toCsv(), rest.toCsv());
        assertEquals(all.stopReason(), rest.stopReason());
        try (Stream<Path> files = Files.list(dir.resolve("straight"))) {
            assertEquals(List.of("checkpoint-0000000005.zip", "checkpoint-0000000010.zip"),
                    files.map(f -> f.getFileName().toString()).sorted().toList(), "nothing else in the folder");
        }
        // the straight run's own checkpoint of epoch 5 resumes the same way
        Network again = network();
        again.fit(data(), fit(10).resumeFrom(dir.resolve("straight").resolve("checkpoint-0000000005.zip")).build());
        assertArrayEquals(bits(straight), bits(again));
    }

    /**
     * A checkpoint records the plan its epochs trained with, and a resume on a network that would
     * choose another (here the rule's one thread) trains with the checkpoint's: the bits of a straight
     * run on that plan.
     */
    @Test
    void aCheckpointRecordsItsPlanAndAResumeTrainsWithIt(@TempDir Path dir) throws IOException {
        Network straight = Network.builder().seed(8).plan(Plan.SPLIT_ROWS).threads(2).dense(2, 16, Activation.RELU)
                .dropout(0.1).dense(16, 3, Activation.SOFTMAX).build();
        straight.fit(data(), fit(10).build());
        Network first = Network.builder().seed(8).plan(Plan.SPLIT_ROWS).threads(2).dense(2, 16, Activation.RELU)
                .dropout(0.1).dense(16, 3, Activation.SOFTMAX).build();
        first.fit(data(), fit(5).checkpoints(dir, 5).build());
        Path checkpoint = dir.resolve("checkpoint-0000000005.zip");
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(checkpoint.toFile())) {
            String json = new String(zip.getInputStream(zip.getEntry("checkpoint.json")).readAllBytes());
            assertTrue(json.contains("\"plan\" : \"split-rows 2\""), json);
        }
        Network resumed = network();
        resumed.fit(data(), fit(10).resumeFrom(checkpoint).build());
        assertTrue(resumed.summary().endsWith("training plan: split-rows 2 (checkpoint) for batches of 16\n"),
                resumed.summary());
        assertArrayEquals(bits(straight), bits(resumed));
        Network oneThread = network();
        oneThread.fit(data(), fit(10).build());
        assertTrue(!java.util.Arrays.equals(bits(straight), bits(oneThread)),
                "one thread trained the same bits: the test cannot tell the plans apart");
    }

    @Test
    void aDifferentSettingOrNetworkIsRefusedByName(@TempDir Path dir) {
        network().fit(data(), fit(2).checkpoints(dir, 2).build());
        Path checkpoint = dir.resolve("checkpoint-0000000002.zip");

        IllegalArgumentException batch = assertThrows(IllegalArgumentException.class,
                () -> network().fit(data(), fit(4).batchSize(8).resumeFrom(checkpoint).build()));
        assertTrue(batch.getMessage().contains("batchSize: the checkpoint has 16, this fit has 8"), batch.getMessage());

        Network other = Network.builder().seed(8).dense(2, 12, Activation.RELU).dense(12, 3, Activation.SOFTMAX).build();
        IllegalArgumentException network = assertThrows(IllegalArgumentException.class,
                () -> other.fit(data(), fit(4).resumeFrom(checkpoint).build()));
        assertTrue(network.getMessage().contains("network: the checkpoint has [2-16 relu dropout 0.1, 16-3 softmax]"),
                network.getMessage());

        IllegalArgumentException done = assertThrows(IllegalArgumentException.class,
                () -> network().fit(data(), fit(2).resumeFrom(checkpoint).build()));
        assertTrue(done.getMessage().contains("is at epoch 2 and this fit asks for 2 epochs"), done.getMessage());
    }

    @Test
    void aCheckpointWithTheOldDropoutGeneratorStateResumesWithTodaysMasks(@TempDir Path dir) throws IOException {
        Network straight = network();
        straight.fit(data(), fit(10).checkpoints(dir, 5).build());
        // checkpoints written before the masks were drawn by position held the generator's state
        Path checkpoint = dir.resolve("checkpoint-0000000005.zip");
        Path old = dir.resolve("old.zip");
        java.util.Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(checkpoint.toFile())) {
            for (java.util.zip.ZipEntry entry : java.util.Collections.list(zip.entries())) {
                entries.put(entry.getName(), zip.getInputStream(entry).readAllBytes());
            }
        }
        String json = new String(entries.get("checkpoint.json"), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(!json.contains("dropoutGenerator"), json);
        entries.put("checkpoint.json", json.replaceFirst("\\{", "{\"dropoutGenerator\": \"-4181785445226150823\",")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        dev.scratchnet.io.ModelFile.write(entries, old);

        Network resumed = network();
        resumed.fit(data(), fit(10).resumeFrom(old).build());

        assertArrayEquals(bits(straight), bits(resumed));
    }
}
