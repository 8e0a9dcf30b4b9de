package dev.scratchnet.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scratchnet.Activation;
import dev.scratchnet.DataSet;
import dev.scratchnet.Datasets;
import dev.scratchnet.Fit;
import dev.scratchnet.Loss;
import dev.scratchnet.Network;
import dev.scratchnet.Optimizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class ModelFileTest {

    @TempDir
    Path directory;

    private static Network trained(DataType dataType) {
        DataSet digits = Datasets.digits().scale(1 / 16.0).split(0.2, 3).train();
        Network net = Network.builder().seed(7).dataType(dataType)
                .dense(64, 15, Activation.leakyRelu(0.05))
                .dense(15, 12, Activation.TANH)
                .dense(12, 10, Activation.SOFTMAX)
                .build();
        net.fit(digits, Fit.builder().loss(Loss.CROSS_ENTROPY).optimizer(Optimizer.sgd(0.5)).epochs(2).batchSize(32)
                .build());
        return net;
    }

    private void assertRoundTripIsExact(DataType dataType) throws IOException {
        Network net = trained(dataType);
        Path file = directory.resolve("model.zip");
        net.save(file);
        Network loaded = Network.load(file);

        INDArray x = Datasets.digits().scale(1 / 16.0).features();
        assertEquals(dataType, loaded.dataType());
        assertEquals(net.seed(), loaded.seed());
        assertEquals(net.summary(), loaded.summary());
        assertSame(Activation.SOFTMAX, loaded.layer(2).activation());
        assertEquals(Activation.leakyRelu(0.05), loaded.layer(0).activation());
        for (int i = 0; i < net.numLayers(); i++) {
            assertEquals(net.layer(i).weights(), loaded.layer(i).weights());
            assertEquals(net.layer(i).bias(), loaded.layer(i).bias());
        }
        // bit for bit: equal as arrays of raw values, not only within a tolerance
        assertArrayEquals(net.predict(x).ravel().toDoubleVector(), loaded.predict(x).ravel().toDoubleVector(), 0.0);
    }

    @Test
    void float32RoundTripPredictsIdentically() throws IOException {
        assertRoundTripIsExact(DataType.FLOAT);
    }

    @Test
    void float64RoundTripPredictsIdentically() throws IOException {
        assertRoundTripIsExact(DataType.DOUBLE);
    }

    @Test
    void zipHoldsModelJsonAndOneNpyPerWeightAndBias() throws IOException {
        Path file = directory.resolve("sub/dir/model.zip");
        Network.builder().dense(4, 3, Activation.RELU).dense(3, 2, Activation.SIGMOID).build().save(file);

        Map<String, byte[]> entries = entries(file);
        assertEquals(java.util.List.of("model.json", "dense0.W.npy", "dense0.b.npy", "dense1.W.npy", "dense1.b.npy"),
                java.util.List.copyOf(entries.keySet()));
        String json = new String(entries.get("model.json"), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"formatVersion\" : 1") && json.contains("\"dataType\" : \"float32\""), json);
        assertTrue(json.contains("\"initializer\" : \"xavier\""), json);
        try (var files = Files.list(file.getParent())) {
            assertEquals(1, files.count(), "no temporary file is left beside the model");
        }
    }

    @Test
    void savingTheSameNetworkTwiceGivesTheSameBytes() throws IOException {
        Network net = Network.builder().seed(3).dense(5, 4, Activation.TANH).build();
        net.save(directory.resolve("a.zip"));
        net.save(directory.resolve("b.zip"));
        assertArrayEquals(Files.readAllBytes(directory.resolve("a.zip")), Files.readAllBytes(directory.resolve("b.zip")));
    }

    @Test
    void aFailedSaveLeavesTheOldFileAlone() throws IOException {
        Path file = directory.resolve("model.zip");
        Network.builder().dense(2, 2, Activation.RELU).build().save(file);
        byte[] before = Files.readAllBytes(file);
        Activation custom = new Activation() {
            public INDArray forward(INDArray z) {
                return z.dup();
            }

            public INDArray backward(INDArray z, INDArray a, INDArray gradA) {
                return gradA.dup();
            }

            public String name() {
                return "custom";
            }
        };
        Network odd = Network.builder().dense(2, 2, custom).build();

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> odd.save(file));
        assertTrue(e.getMessage().contains("activation 'custom'"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
        try (var files = Files.list(directory)) {
            assertEquals(1, files.count());
        }
    }

    // ---- bad files: every one fails with an IOException naming the file and the problem

    private Path saved() throws IOException {
        Path file = directory.resolve("good.zip");
        Network.builder().seed(2).dense(3, 4, Activation.leakyRelu(0.1)).dense(4, 2, Activation.SOFTMAX).build()
                .save(file);
        return file;
    }

    private void assertRefused(Path file, String fragment) {
        IOException e = assertThrows(IOException.class, () -> Network.load(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    @Test
    void missingFileIsRefused() {
        assertRefused(directory.resolve("none.zip"), "no model file");
    }

    @Test
    void emptyFileIsRefused() throws IOException {
        assertRefused(Files.write(directory.resolve("empty.zip"), new byte[0]), "the file is empty");
    }

    @Test
    void foreignFileIsRefused() throws IOException {
        assertRefused(Files.writeString(directory.resolve("notes.zip"), "hello"), "not a zip file");
    }

    @Test
    void zipWithoutModelJsonIsRefused() throws IOException {
        Path file = rewrite(saved(), entries -> {
            entries.remove("model.json");
            return entries;
        });
        assertRefused(file, "the zip has no model.json (not a scratchnet model)");
    }

    @Test
    void truncatedFileIsRefused() throws IOException {
        Path good = saved();
        byte[] bytes = Files.readAllBytes(good);
        for (int length : new int[] {10, bytes.length / 2, bytes.length - 1}) {
            Path cut = Files.write(directory.resolve("cut" + length + ".zip"), java.util.Arrays.copyOf(bytes, length));
            assertRefused(cut, "damaged or truncated");
        }
    }

    @Test
    void flippedByteIsCaught() throws IOException {
        Path good = saved();
        byte[] bytes = Files.readAllBytes(good);
        // the local header of model.json is 30 bytes plus its name; flip a byte of its compressed data
        bytes[30 + "model.json".length() + 20] ^= 0x5A;
        Path flipped = Files.write(directory.resolve("flipped.zip"), bytes);
        assertRefused(flipped, "model.json");
    }

    @Test
    void newerFormatIsRefused() throws IOException {
        assertRefused(rewriteJson(saved(), json -> json.replace("\"formatVersion\" : 1", "\"formatVersion\" : 4")),
                "format version 4 was written by a newer scratchnet");
    }

    @Test
    void foreignJsonIsRefused() throws IOException {
        assertRefused(rewriteJson(saved(), json -> json.replace("scratchnet-model", "keras")),
                "not a scratchnet model");
    }

    @Test
    void invalidJsonIsRefused() throws IOException {
        assertRefused(rewriteJson(saved(), json -> json.substring(0, json.length() / 2)), "not valid JSON");
    }

    @Test
    void unknownActivationIsRefused() throws IOException {
        assertRefused(rewriteJson(saved(), json -> json.replace("\"softmax\"", "\"swish\"")),
                "dense layer 2 has unknown activation \"swish\"");
    }

    @Test
    void shapeMismatchIsRefused() throws IOException {
        assertRefused(rewriteJson(saved(), json -> json.replaceFirst("\"nOut\" : 4", "\"nOut\" : 5")),
                "dense layer 1 weights have shape [3, 4] but model.json says [3, 5]");
    }

    @Test
    void corruptNpyIsRefused() throws IOException {
        Path file = rewrite(saved(), entries -> {
            byte[] npy = entries.get("dense1.W.npy");
            entries.put("dense1.W.npy", java.util.Arrays.copyOf(npy, npy.length - 4));
            return entries;
        });
        assertRefused(file, "dense layer 2 weights (dense1.W.npy): .npy data has 28 bytes but shape [4, 2] of <f4 needs 32");
        Path garbage = rewrite(saved(), entries -> {
            entries.put("dense0.b.npy", "not numpy".getBytes(StandardCharsets.UTF_8));
            return entries;
        });
        assertRefused(garbage, "dense layer 1 bias (dense0.b.npy): not a .npy array");
    }

    @Test
    void wrongDataTypeIsRefused() throws IOException {
        assertRefused(rewriteJson(saved(), json -> json.replace("float32", "float64")),
                "dense layer 1 weights (dense0.W.npy) are float32 but the model's data type is float64");
    }

    @Test
    void nonFiniteWeightsAreRefusedThroughTheBuilder() throws IOException {
        Path file = rewrite(saved(), entries -> {
            entries.put("dense0.W.npy", Npy.write(org.nd4j.linalg.factory.Nd4j.valueArrayOf(new long[] {3, 4},
                    Float.NaN, DataType.FLOAT)));
            return entries;
        });
        assertRefused(file, "all values must be finite");
    }

    private static Map<String, byte[]> entries(Path file) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        return entries;
    }

    private Path rewrite(Path file, UnaryOperator<Map<String, byte[]>> change) throws IOException {
        Map<String, byte[]> entries = change.apply(entries(file));
        Path changed = directory.resolve("changed.zip");
        try (OutputStream out = Files.newOutputStream(changed); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return changed;
    }

    private Path rewriteJson(Path file, UnaryOperator<String> change) throws IOException {
        return rewrite(file, entries -> {
            String json = new String(entries.get("model.json"), StandardCharsets.UTF_8);
            entries.put("model.json", change.apply(json).getBytes(StandardCharsets.UTF_8));
            return entries;
        });
    }
}
