package dev.scratchnet.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelTest {

    private static final String RELU = "{\"name\": \"relu\"}";
    private static final String IDENTITY = "{\"name\": \"identity\"}";

    @TempDir
    Path folder;

    @Test
    void predictsWhatTheFormulaGivesByHand() throws IOException {
        Model model = load(ModelFiles.twoLayers(RELU, IDENTITY));

        // z0 = [1, 2]·W0 + b0 = [5.5, -1], relu → [5.5, 0]; z1 = [5.5, 0]·W1 + b1 = [5.75, -5]
        assertArrayEquals(new float[] {5.75f, -5f}, model.predict(new float[] {1, 2}));
        assertEquals(0, model.predictClass(new float[] {1, 2}));
        // relu → [0, 0]; z1 = b1 = [0.25, 0.5]
        assertEquals(1, model.predictClass(new float[] {-1, -1}));
        assertEquals(2, model.inputWidth());
        assertEquals(2, model.outputWidth());
        assertEquals(List.of("relu", "identity"), model.activations());
    }

    @Test
    void describesItsLayersNamesAndScalers() throws IOException {
        Map<String, byte[]> entries = ModelFiles.twoLayers(RELU, "{\"name\": \"softmax\"}");
        entries.put("model.json", ModelFiles.json("{\"format\": \"scratchnet-model\", \"formatVersion\": 2, "
                + "\"dataType\": \"float32\", \"seed\": 1, \"layers\": [" + ModelFiles.layer(0, 2, 2, RELU) + ", "
                + ModelFiles.layer(1, 2, 2, "{\"name\": \"softmax\"}") + "], \"preprocessing\": {\"inputs\": "
                + "{\"kind\": \"standardize\", \"shift\": \"s.npy\", \"scale\": \"c.npy\"}}, "
                + "\"classNames\": [\"no\", \"yes\"], \"inputNames\": [\"height\", \"weight\"]}"));
        entries.put("s.npy", ModelFiles.npy(new float[] {0, 0}, 1, 2));
        entries.put("c.npy", ModelFiles.npy(new float[] {1, 1}, 1, 2));

        Model scaled = load(entries);
        Model plain = load(ModelFiles.twoLayers(RELU, IDENTITY));

        assertEquals(List.of(2, 2, 2), scaled.layerWidths());
        assertEquals(List.of("height", "weight"), scaled.inputNames());
        assertEquals(List.of("no", "yes"), scaled.classNames());
        assertEquals(java.util.Optional.of("standardize"), scaled.inputScaling());
        assertTrue(scaled.targetScaling().isEmpty());
        assertEquals(List.of(), plain.inputNames());
        assertTrue(plain.inputScaling().isEmpty());
    }

    @Test
    void leakyReluTakesItsAlphaFromTheFile() throws IOException {
        Model model = load(ModelFiles.twoLayers("{\"name\": \"leakyRelu\", \"alpha\": 0.1}", IDENTITY));

        // z0 = [5.5, -1] → [5.5, -0.1]; z1 = [5.5 + 0.2 + 0.25, -5.5 - 0.1 + 0.5]
        float[] output = model.predict(new float[] {1, 2});
        assertEquals(5.95f, output[0], 1e-6f);
        assertEquals(-5.1f, output[1], 1e-6f);
    }

    @Test
    void aBatchGivesWhatEachRowGivesAlone() throws IOException {
        Model model = load(ModelFiles.twoLayers(RELU, "{\"name\": \"softmax\"}"));
        float[][] rows = randomRows(Model.BLOCK_ROWS * 2 + 5, 2, 1);

        float[][] batch = model.predict(rows);

        for (int r = 0; r < rows.length; r++) {
            assertArrayEquals(model.predict(rows[r]), batch[r], "row " + r);
        }
        int[] classes = model.predictClasses(rows);
        for (int r = 0; r < rows.length; r++) {
            assertEquals(model.predictClass(rows[r]), classes[r], "row " + r);
        }
    }

    @Test
    void rowsOfTheWrongWidthOrWithNaNAreRefusedByName() throws IOException {
        Model model = load(ModelFiles.twoLayers(RELU, IDENTITY));

        assertEquals("row has 3 values but the model expects 2",
                assertThrows(IllegalArgumentException.class, () -> model.predict(new float[3])).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> model.predict(new float[] {1, Float.NaN}))
                .getMessage().startsWith("row holds NaN in column 1"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> model.predict(new float[][] {{1, 2}, {Float.POSITIVE_INFINITY, 0}})).getMessage()
                .startsWith("row 1 holds Infinity in column 0"));
        assertEquals("row 0 is null",
                assertThrows(IllegalArgumentException.class, () -> model.predict(new float[][] {null})).getMessage());
    }

    @Test
    void manyThreadsGetWhatOneThreadGets() throws Exception {
        Model model = load(ModelFiles.twoLayers("{\"name\": \"tanh\"}", "{\"name\": \"sigmoid\"}"));
        float[][] rows = randomRows(500, 2, 2);
        float[][] expected = model.predict(rows);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(threads.submit(() -> {
                    for (int r = 0; r < rows.length; r++) {
                        if (!java.util.Arrays.equals(expected[r], model.predict(rows[r]))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertTrue(result.get());
            }
        } finally {
            threads.shutdown();
        }
    }

    @Test
    void aSingleRowAllocatesOnlyItsResult() throws IOException {
        Model model = load(ModelFiles.twoLayers(RELU, "{\"name\": \"softmax\"}"));
        float[] row = {1, 2};
        for (int i = 0; i < 20_000; i++) {
            model.predict(row); // warm up: scratch arrays, JIT
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

        long before = threads.getCurrentThreadAllocatedBytes();
        int calls = 1000;
        for (int i = 0; i < calls; i++) {
            model.predict(row);
        }
        long perCall = (threads.getCurrentThreadAllocatedBytes() - before) / calls;

        // a float[2] is 24 bytes with its header
        assertTrue(perCall <= 32, "allocated " + perCall + " bytes per call");
    }

    @Test
    void aNewerFormatVersionIsRefusedAndSaysWhy() throws IOException {
        Map<String, byte[]> entries = ModelFiles.twoLayers(RELU, IDENTITY);
        entries.put("model.json", ModelFiles.json(new String(entries.get("model.json")).replace("\"formatVersion\": 1",
                "\"formatVersion\": 4")));

        IOException error = assertThrows(IOException.class, () -> load(entries));

        assertTrue(error.getMessage().contains("format version 4 was written by a newer scratchnet; this version reads "
                + "format version 3 and older"), error.getMessage());
    }

    @Test
    void brokenFilesAreRefusedNamingTheProblem() throws IOException {
        Map<String, byte[]> unknown = ModelFiles.twoLayers("{\"name\": \"cube\"}", IDENTITY);
        assertRefused(unknown, "dense layer 1 has unknown activation \"cube\"");

        Map<String, byte[]> shape = ModelFiles.twoLayers(RELU, IDENTITY);
        shape.put("dense1.W.npy", ModelFiles.npy(new float[] {1, 2, 3}, 3, 1));
        assertRefused(shape, "dense layer 2 weights have shape [3, 1] but model.json says [2, 2]");

        Map<String, byte[]> extra = ModelFiles.twoLayers(RELU, IDENTITY);
        extra.put("notes.txt", new byte[] {1});
        assertRefused(extra, "the zip holds entry \"notes.txt\", which no part of the model uses");

        Map<String, byte[]> nan = ModelFiles.twoLayers(RELU, IDENTITY);
        nan.put("dense0.b.npy", ModelFiles.npy(new float[] {Float.NaN, 0}, 1, 2));
        assertRefused(nan, "dense layer 1: dense layer 1 bias row 0 column 0 contains NaN; all values must be finite");

        Map<String, byte[]> chain = ModelFiles.twoLayers(RELU, IDENTITY);
        chain.put("model.json", ModelFiles.json(new String(chain.get("model.json")).replace(
                "\"nIn\": 2, \"nOut\": 2, \"activation\": {\"name\": \"identity\"}",
                "\"nIn\": 3, \"nOut\": 2, \"activation\": {\"name\": \"identity\"}")));
        chain.put("dense1.W.npy", ModelFiles.npy(new float[] {1, 2, 3, 4, 5, 6}, 3, 2));
        assertRefused(chain, "the layers do not make a network: dense layer 2 expects nIn = 3 but layer 1 has nOut = 2");
    }

    @Test
    void truncatedForeignAndMissingFilesAreRefused() throws IOException {
        Path good = ModelFiles.write(folder.resolve("good.zip"), ModelFiles.twoLayers(RELU, IDENTITY));
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = Files.write(folder.resolve("truncated.zip"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Path text = Files.writeString(folder.resolve("text.zip"), "hello");

        assertTrue(assertThrows(IOException.class, () -> Model.load(truncated)).getMessage().contains("truncated.zip"));
        assertTrue(assertThrows(IOException.class, () -> Model.load(text)).getMessage().contains("not a zip file"));
        assertThrows(java.nio.file.NoSuchFileException.class, () -> Model.load(folder.resolve("missing.zip")));
    }

    private void assertRefused(Map<String, byte[]> entries, String expected) {
        IOException error = assertThrows(IOException.class, () -> load(entries));
        assertTrue(error.getMessage().contains(expected), error.getMessage());
    }

    private Model load(Map<String, byte[]> entries) throws IOException {
        return Model.load(ModelFiles.write(Files.createTempFile(folder, "model", ".zip"), entries));
    }

    private static float[][] randomRows(int n, int width, long seed) {
        Random random = new Random(seed);
        float[][] rows = new float[n][width];
        for (float[] row : rows) {
            for (int c = 0; c < width; c++) {
                row[c] = random.nextFloat() * 6 - 3;
            }
        }
        return rows;
    }
}
