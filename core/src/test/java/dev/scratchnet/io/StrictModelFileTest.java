package dev.scratchnet.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scratchnet.Activation;
import dev.scratchnet.Network;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model file means one model and costs what its header says: entries named twice, entries no
 * layer uses, duplicate JSON keys and sizes beyond {@code int} are refused, and entries that would
 * inflate beyond what model.json and the {@code .npy} headers imply are refused after reading only
 * that much.
 */
class StrictModelFileTest {

    @TempDir
    Path directory;

    private Map<String, byte[]> good() throws IOException {
        Path file = directory.resolve("good.zip");
        Network.builder().seed(2).dense(3, 4, Activation.TANH).dense(4, 2, Activation.SOFTMAX).build().save(file);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        return entries;
    }

    private Path zip(String name, Map<String, byte[]> entries) throws IOException {
        Path file = directory.resolve(name);
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }

    private static String json(Map<String, byte[]> entries) {
        return new String(entries.get("model.json"), StandardCharsets.UTF_8);
    }

    private static IOException refused(Path file, String fragment) {
        IOException e = assertThrows(IOException.class, () -> Network.load(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
        return e;
    }

    @Test
    void anEntryNamedTwiceIsRefused() throws IOException {
        Map<String, byte[]> entries = good();
        entries.put("dense0.W.npx", entries.get("dense0.W.npy"));
        Path file = zip("twice.zip", entries);
        // rename the extra entry in its local and central headers: ZipOutputStream refuses to write a duplicate
        byte[] bytes = Files.readAllBytes(file);
        byte[] from = "dense0.W.npx".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i + from.length <= bytes.length; i++) {
            if (java.util.Arrays.equals(bytes, i, i + from.length, from, 0, from.length)) {
                bytes[i + from.length - 1] = 'y';
            }
        }
        refused(Files.write(file, bytes), "the zip holds entry \"dense0.W.npy\" more than once");
    }

    @Test
    void anEntryNoLayerUsesIsRefused() throws IOException {
        Map<String, byte[]> entries = good();
        entries.put("notes.txt", "hello".getBytes(StandardCharsets.UTF_8));
        refused(zip("extra.zip", entries), "the zip holds entry \"notes.txt\", which no part of the model uses");
    }

    @Test
    void aDuplicateKeyInModelJsonIsRefused() throws IOException {
        Map<String, byte[]> entries = good();
        entries.put("model.json", json(entries).replaceFirst("\\{", "{ \"seed\" : 7,").getBytes(StandardCharsets.UTF_8));
        refused(zip("key.zip", entries), "Duplicate field 'seed'");
    }

    @Test
    void aLayerSizeBeyondIntIsRefusedNotTruncated() throws IOException {
        Map<String, byte[]> entries = good();
        // 2^32 + 3 would read as 3 through an (int) cast and load as if nothing were wrong
        entries.put("model.json", json(entries).replaceFirst("\"nIn\" : 3", "\"nIn\" : 4294967299")
                .getBytes(StandardCharsets.UTF_8));
        refused(zip("wide.zip", entries), "dense layer 1 \"nIn\" is 4294967299; a layer size must be in [1, 2147483647]");
    }

    @Test
    void anArrayEntryThatInflatesPastItsShapeIsRefusedAfterOneByteMore() throws IOException {
        Map<String, byte[]> entries = good();
        byte[] npy = entries.get("dense0.W.npy");
        byte[] bomb = java.util.Arrays.copyOf(npy, npy.length + 64 * 1024 * 1024); // zeros deflate ~1000:1
        entries.put("dense0.W.npy", bomb);
        Path file = zip("bomb.zip", entries);
        assertTrue(Files.size(file) < 1024 * 1024, "the zip is small: " + Files.size(file));
        refused(file, "dense layer 1 weights (dense0.W.npy): .npy data has more than 48 bytes but shape [3, 4] of <f4 needs 48");
    }

    @Test
    void aShapeModelJsonDoesNotDeclareIsRefusedBeforeItsDataIsRead() throws IOException {
        Map<String, byte[]> entries = good();
        byte[] header = Npy.write(org.nd4j.linalg.factory.Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.FLOAT, 3, 4));
        String huge = new String(header, StandardCharsets.ISO_8859_1).replace("(3, 4)", "(3, 100000000)");
        entries.put("dense0.W.npy", huge.substring(0, huge.indexOf('\n') + 1).getBytes(StandardCharsets.ISO_8859_1));
        refused(zip("shape.zip", entries), "dense layer 1 weights have shape [3, 100000000] but model.json says [3, 4]");
    }

    @Test
    void aHugeDeclaredShapeIsCheckedAgainstMemoryBeforeReading() throws IOException {
        Map<String, byte[]> entries = good();
        String json = json(entries).replaceFirst("\"nOut\" : 4", "\"nOut\" : 100000000")
                .replaceFirst("\"nIn\" : 4", "\"nIn\" : 100000000");
        entries.put("model.json", json.getBytes(StandardCharsets.UTF_8));
        byte[] header = Npy.write(org.nd4j.linalg.factory.Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.FLOAT, 3, 4));
        String huge = new String(header, StandardCharsets.ISO_8859_1).replace("(3, 4)", "(3, 100000000)");
        entries.put("dense0.W.npy", huge.substring(0, huge.indexOf('\n') + 1).getBytes(StandardCharsets.ISO_8859_1));
        // the test JVM has 2 GB; 1.2 GB of floats, read as bytes and then as values, needs 2.4 GB
        refused(zip("memory.zip", entries), "needs 2400000000 bytes (2.2 GiB) of Java heap but only");
    }

    @Test
    void anOversizedModelJsonIsRefusedWithTheLimit() throws IOException {
        Map<String, byte[]> entries = good();
        String padded = json(entries).replaceFirst("\\{", "{" + " ".repeat(2 * 1024 * 1024));
        entries.put("model.json", padded.getBytes(StandardCharsets.UTF_8));
        refused(zip("long.zip", entries), "model.json is larger than 1048576 bytes, the most this version reads "
                + "(raise the limit with -Dscratchnet.model.maxJsonBytes=N)");
    }

    @Test
    void aGoodFileStillLoadsEveryBit() throws IOException {
        Network net = Network.builder().seed(4).dense(5, 3, Activation.RELU).dense(3, 2, Activation.SIGMOID).build();
        Path file = directory.resolve("net.zip");
        net.save(file);
        assertArrayEquals(net.layer(0).weights().toFloatMatrix(), Network.load(file).layer(0).weights().toFloatMatrix());
    }
}
