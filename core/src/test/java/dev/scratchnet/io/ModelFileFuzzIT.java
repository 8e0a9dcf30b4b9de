package dev.scratchnet.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scratchnet.Activation;
import dev.scratchnet.Fuzz;
import dev.scratchnet.Network;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Random and damaged bytes at {@link Network#load}: every file either loads into a network that
 * predicts, or is refused with an {@link IOException}; never another exception, a crash or a hang.
 */
class ModelFileFuzzIT {

    private static Path directory;
    private static byte[] valid;
    private static Map<String, byte[]> entries;

    @BeforeContainer
    static void saveOneModel() throws IOException {
        Fuzz.quiet();
        directory = Files.createTempDirectory("scratchnet-model-fuzz");
        Path file = directory.resolve("valid.zip");
        Network.builder().seed(3).dense(3, 4, Activation.leakyRelu(0.2)).dense(4, 2, Activation.SOFTMAX).build()
                .save(file);
        valid = Files.readAllBytes(file);
        entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                entries.put(entry.getName(), zip.getInputStream(entry).readAllBytes());
            }
        }
    }

    @AfterContainer
    static void cleanUp() throws IOException {
        Fuzz.report("ModelFileFuzzIT");
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** Loads {@code bytes} as a model file; a network that loads must predict {@code [1, 2]}. */
    private static void loadOrRefuse(String what, byte[] bytes) throws IOException {
        Path file = directory.resolve("fuzzed.zip");
        Files.write(file, bytes);
        Network net = Fuzz.outcome(what, () -> Network.load(file));
        if (net != null) {
            assertArrayEquals(new long[] {1, 2}, net.predict(Nd4j.ones(DataType.FLOAT, 1, net.nIn())).shape());
        }
    }

    @Property
    void randomBytesAreRefused(@ForAll @Size(max = 600) byte[] bytes, @ForAll boolean zipMagic) throws IOException {
        byte[] file = bytes.clone();
        if (zipMagic && file.length >= 4) {
            file[0] = 'P';
            file[1] = 'K';
            file[2] = 3;
            file[3] = 4;
        }
        loadOrRefuse("load random bytes", file);
    }

    @Property
    void damagedModelFilesLoadOrAreRefused(@ForAll @Size(min = 1, max = 8) List<@IntRange(min = 0, max = 100_000) Integer> spots,
                                           @ForAll @Size(min = 1, max = 8) List<Byte> values,
                                           @ForAll @IntRange(min = 0, max = 100) int keepPercent) throws IOException {
        byte[] file = java.util.Arrays.copyOf(valid, Math.max(0, (int) ((long) valid.length * keepPercent / 100)));
        if (file.length == 0) {
            file = valid.clone();
        }
        for (int i = 0; i < spots.size(); i++) {
            file[spots.get(i) % file.length] = values.get(i % values.size());
        }
        loadOrRefuse("load damaged zip", file);
    }

    /** Characters that make JSON and .npy headers say other things: digits, signs, quotes, brackets. */
    @Provide
    Arbitrary<Character> jsonCharacters() {
        return Arbitraries.of('0', '1', '9', '-', '"', '{', '}', '[', ']', ',', ':', 'e', '.', ' ', 'x', '(', ')', '\'');
    }

    @Property
    void damagedEntriesInAnIntactZipLoadOrAreRefused(@ForAll @IntRange(min = 0, max = 4) int entry,
                                                      @ForAll @Size(min = 1, max = 6) List<@IntRange(min = 0, max = 10_000) Integer> spots,
                                                      @ForAll @Size(min = 1, max = 6) List<@net.jqwik.api.From("jsonCharacters") Character> characters)
            throws IOException {
        List<String> names = List.copyOf(entries.keySet());
        String name = names.get(entry % names.size());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                byte[] content = e.getValue().clone();
                if (e.getKey().equals(name)) {
                    // the model.json text anywhere; a .npy file in its header (its first 128 bytes)
                    int span = name.endsWith(".json") ? content.length : Math.min(128, content.length);
                    for (int i = 0; i < spots.size(); i++) {
                        content[spots.get(i) % span] = (byte) characters.get(i % characters.size()).charValue();
                    }
                }
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(content);
                zip.closeEntry();
            }
        }
        loadOrRefuse("load zip with a damaged " + (name.endsWith(".json") ? "model.json" : ".npy"), bytes.toByteArray());
    }

    @Property(tries = 50)
    void modelJsonWithOtherNumbersLoadsOrIsRefused(@ForAll @IntRange(min = -3, max = 6) int nIn,
                                                   @ForAll @IntRange(min = -3, max = 6) int nOut,
                                                   @ForAll @IntRange(min = -1, max = 3) int version) throws IOException {
        String json = new String(entries.get(ModelFile.MODEL_JSON), StandardCharsets.UTF_8)
                .replaceFirst("\"nIn\" : 3", "\"nIn\" : " + nIn)
                .replaceFirst("\"nOut\" : 4", "\"nOut\" : " + nOut)
                .replaceFirst("\"formatVersion\" : 1", "\"formatVersion\" : " + version);
        assertTrue(json.contains("\"nIn\" : " + nIn), json);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getKey().equals(ModelFile.MODEL_JSON) ? json.getBytes(StandardCharsets.UTF_8) : e.getValue());
                zip.closeEntry();
            }
        }
        loadOrRefuse("load model.json with other numbers", bytes.toByteArray());
    }

    /** The entries of the valid model with {@code change} applied, zipped. */
    private static byte[] zipped(java.util.function.Consumer<Map<String, byte[]>> change) throws IOException {
        Map<String, byte[]> changed = new LinkedHashMap<>(entries);
        change.accept(changed);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : changed.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** Loads {@code bytes} as a model file and requires a clear refusal. */
    private static void refuse(String what, byte[] bytes) throws IOException {
        Path file = directory.resolve("refused.zip");
        Files.write(file, bytes);
        assertTrue(Fuzz.outcome(what, () -> Network.load(file)) == null, what + " was loaded");
    }

    /** Sizes from model.json that pass as numbers but cannot be allocated, or do not fit an int. */
    @Provide
    Arbitrary<Long> hugeSize() {
        return Arbitraries.oneOf(Arbitraries.of(500_000_000L, (long) Integer.MAX_VALUE, 1L << 31, (1L << 32) + 3,
                Long.MAX_VALUE), Arbitraries.longs().between(100_000_000L, Long.MAX_VALUE));
    }

    @Property(tries = 50)
    void hugeLayerSizesWithMatchingArrayHeadersAreRefusedWithoutAllocating(@ForAll("hugeSize") long nOut,
                                                                             @ForAll boolean dataFollows)
            throws IOException {
        String json = new String(entries.get(ModelFile.MODEL_JSON), StandardCharsets.UTF_8)
                .replaceFirst("\"nOut\" : 4", "\"nOut\" : " + nOut).replaceFirst("\"nIn\" : 4", "\"nIn\" : " + nOut);
        String npy = new String(entries.get("dense0.W.npy"), StandardCharsets.ISO_8859_1);
        String header = npy.substring(0, npy.indexOf('\n') + 1).replace("(3, 4)", "(3, " + nOut + ")");
        byte[] data = dataFollows ? new byte[1 << 20] : new byte[0];
        refuse("load huge layer sizes", zipped(changed -> {
            changed.put(ModelFile.MODEL_JSON, json.getBytes(StandardCharsets.UTF_8));
            changed.put("dense0.W.npy", concat(header.getBytes(StandardCharsets.ISO_8859_1), data));
        }));
    }

    @Property(tries = 50)
    void bytesBeyondAnArraysShapeAreRefused(@ForAll @IntRange(min = 0, max = 4) int entry,
                                            @ForAll @IntRange(min = 1, max = 4 << 20) int extra) throws IOException {
        List<String> arrays = entries.keySet().stream().filter(name -> name.endsWith(".npy")).toList();
        String name = arrays.get(entry % arrays.size());
        refuse("load an array with bytes beyond its shape",
                zipped(changed -> changed.put(name, concat(entries.get(name), new byte[extra]))));
    }

    @Property(tries = 50)
    void entriesTheModelDoesNotUseAreRefused(@ForAll @net.jqwik.api.constraints.AlphaChars @Size(min = 1, max = 12) String name,
                                             @ForAll @Size(max = 64) byte[] content) throws IOException {
        net.jqwik.api.Assume.that(!entries.containsKey(name));
        refuse("load a zip with an unknown entry", zipped(changed -> changed.put(name, content)));
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
