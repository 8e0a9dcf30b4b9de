package dev.scratchnet.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scratchnet.Activation;
import dev.scratchnet.Network;
import dev.scratchnet.Scaler;
import dev.scratchnet.runtime.Model;
import dev.scratchnet.runtime.TableColumns;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Every refusal of a model file, against every loader: the core's {@code Network.load} and the
 * runtime's {@code Model.load} (which {@code serve} loads through) must refuse each crafted file
 * with an {@link IOException} that names the file and the problem, and both in the same words.
 * A file means one model and costs what its header says: entries named twice or unused, duplicate
 * JSON keys, sizes beyond {@code int} and entries that inflate past their declared shape are
 * refused after reading only that much.
 */
class ModelFileRefusalTest {

    @TempDir
    Path directory;

    /** One way of loading a model file. */
    private record Loader(String name, LoadCall call) {
        @Override
        public String toString() {
            return name;
        }
    }

    @FunctionalInterface
    private interface LoadCall {
        void load(Path file) throws Exception;
    }

    /** A bad file made in a folder, and a fragment of the refusal every loader must give. */
    private record Case(String name, Craft craft, String fragment) {
        @Override
        public String toString() {
            return name;
        }
    }

    @FunctionalInterface
    private interface Craft {
        Path make(Path folder) throws IOException;
    }

    @FunctionalInterface
    private interface Save {
        void to(Path file) throws IOException;
    }

    private static final List<Loader> LOADERS = List.of(
            new Loader("Network.load", Network::load),
            new Loader("Model.load", Model::load));

    static Stream<Case> cases() {
        return allCases().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyLoaderRefusesNamingTheFileAndTheProblemInTheSameWords(Case c) throws IOException {
        Path file = c.craft().make(directory);
        List<String> messages = new ArrayList<>();
        for (Loader loader : LOADERS) {
            IOException e = assertThrows(IOException.class, () -> loader.call().load(file), loader.name());
            assertTrue(e.getMessage().contains(file.toString()), loader.name() + ": " + e.getMessage());
            assertTrue(e.getMessage().contains(c.fragment()), loader.name() + ": " + e.getMessage());
            // the heap that is free changes from one call to the next; the rest of the message must not
            messages.add(e.getMessage().replaceAll("only \\d+ bytes( \\([^)]*\\))? is free", "only … is free"));
        }
        for (int i = 1; i < messages.size(); i++) {
            assertEquals(messages.get(0), messages.get(i), LOADERS.get(0) + " and " + LOADERS.get(i));
        }
    }

    private static List<Case> allCases() {
        List<Case> cases = new ArrayList<>();
        // the file as a whole
        cases.add(new Case("missing file", folder -> folder.resolve("none.zip"), "no model file"));
        cases.add(new Case("empty file", folder -> Files.write(folder.resolve("empty.zip"), new byte[0]),
                "the file is empty"));
        cases.add(new Case("foreign file", folder -> Files.writeString(folder.resolve("notes.zip"), "hello"),
                "not a zip file"));
        cases.add(new Case("no model.json", folder -> rewrite(folder, small(folder), entries -> {
            entries.remove("model.json");
            return entries;
        }), "the zip has no model.json (not a scratchnet model)"));
        for (int cut : new int[] {10, 2, 1}) {
            cases.add(new Case("truncated to " + (cut == 10 ? "10 bytes" : cut == 2 ? "half" : "all but one"), folder -> {
                byte[] bytes = Files.readAllBytes(small(folder));
                int length = cut == 10 ? 10 : cut == 2 ? bytes.length / 2 : bytes.length - 1;
                return Files.write(folder.resolve("cut.zip"), Arrays.copyOf(bytes, length));
            }, "damaged or truncated"));
        }
        cases.add(new Case("flipped byte", folder -> {
            byte[] bytes = Files.readAllBytes(small(folder));
            // the local header of model.json is 30 bytes plus its name; flip a byte of its compressed data
            bytes[30 + "model.json".length() + 20] ^= 0x5A;
            return Files.write(folder.resolve("flipped.zip"), bytes);
        }, "model.json"));
        cases.add(new Case("entry named twice", ModelFileRefusalTest::entryTwice,
                "the zip holds entry \"dense0.W.npy\" more than once"));
        cases.add(new Case("entry no layer uses", folder -> rewrite(folder, small(folder), entries -> {
            entries.put("notes.txt", "hello".getBytes(StandardCharsets.UTF_8));
            return entries;
        }), "the zip holds entry \"notes.txt\", which no part of the model uses"));
        cases.add(new Case("an entry with an empty name", folder -> rewrite(folder, small(folder), entries -> {
            entries.put("", new byte[0]);
            return entries;
        }), "the zip holds entry \"\", which no part of the model uses"));
        cases.add(new Case("model.json over its limit", folder -> rewriteJson(folder, small(folder),
                json -> json.replaceFirst("\\{", "{" + " ".repeat(2 * 1024 * 1024))),
                "model.json is larger than 1048576 bytes, the most this version reads "
                        + "(raise the limit with -Dscratchnet.model.maxJsonBytes=N)"));
        // model.json's header
        cases.add(new Case("newer format", folder -> rewriteJson(folder, small(folder),
                json -> json.replace("\"formatVersion\" : 1", "\"formatVersion\" : 4")),
                "format version 4 was written by a newer scratchnet; this version reads format version 3 and older"));
        cases.add(new Case("format version as text", folder -> rewriteJson(folder, small(folder),
                json -> json.replace("\"formatVersion\" : 1", "\"formatVersion\" : \"1\"")),
                "model.json has no valid \"formatVersion\" (a positive integer), found \"1\""));
        cases.add(new Case("foreign JSON", folder -> rewriteJson(folder, small(folder),
                json -> json.replace("scratchnet-model", "keras")), "not a scratchnet model"));
        cases.add(new Case("invalid JSON", folder -> rewriteJson(folder, small(folder),
                json -> json.substring(0, json.length() / 2)), "model.json is not valid JSON"));
        cases.add(new Case("duplicate key", folder -> rewriteJson(folder, small(folder),
                json -> json.replaceFirst("\\{", "{ \"seed\" : 7,")), "Duplicate field 'seed'"));
        cases.add(new Case("unknown data type", folder -> rewriteJson(folder, small(folder),
                json -> json.replace("\"float32\"", "\"int8\"")),
                "model.json \"dataType\" must be \"float32\" or \"float64\", was \"int8\""));
        cases.add(new Case("no seed", folder -> rewriteJson(folder, small(folder),
                json -> json.replace("\"seed\" : 2,", "")), "model.json needs an integer \"seed\", found null"));
        // layers
        cases.add(new Case("unknown activation", folder -> rewriteJson(folder, small(folder),
                json -> json.replace("\"softmax\"", "\"swish\"")), "dense layer 2 has unknown activation \"swish\""));
        cases.add(new Case("negative alpha", folder -> rewriteJson(folder, small(folder),
                json -> json.replace("\"alpha\" : 0.1", "\"alpha\" : -1")),
                "dense layer 1 activation leakyRelu needs a finite \"alpha\" >= 0, was -1"));
        cases.add(new Case("shape mismatch", folder -> rewriteJson(folder, small(folder),
                json -> json.replaceFirst("\"nOut\" : 4", "\"nOut\" : 5")),
                "dense layer 1 weights have shape [3, 4] but model.json says [3, 5]"));
        cases.add(new Case("layer size beyond int", folder -> rewriteJson(folder, small(folder),
                // 2^32 + 3 would read as 3 through an (int) cast and load as if nothing were wrong
                json -> json.replaceFirst("\"nIn\" : 3", "\"nIn\" : 4294967299")),
                "dense layer 1 \"nIn\" is 4294967299; a layer size must be in [1, 2147483647]"));
        cases.add(new Case("layers that do not chain", folder -> rewrite(folder, rewriteJson(folder, small(folder),
                json -> json.replace("\"nIn\" : 4", "\"nIn\" : 5")), entries -> {
                    entries.put("dense1.W.npy", Npy.write(Nd4j.zeros(DataType.FLOAT, 5, 2)));
                    return entries;
                }), "the layers do not make a network: dense layer 2 expects nIn = 5 but layer 1 has nOut = 4"));
        cases.add(new Case("truncated array", folder -> rewrite(folder, small(folder), entries -> {
            byte[] npy = entries.get("dense1.W.npy");
            entries.put("dense1.W.npy", Arrays.copyOf(npy, npy.length - 4));
            return entries;
        }), "dense layer 2 weights (dense1.W.npy): .npy data has 28 bytes but shape [4, 2] of <f4 needs 32"));
        cases.add(new Case("not an array", folder -> rewrite(folder, small(folder), entries -> {
            entries.put("dense0.b.npy", "not numpy".getBytes(StandardCharsets.UTF_8));
            return entries;
        }), "dense layer 1 bias (dense0.b.npy): not a .npy array"));
        cases.add(new Case("wrong data type", folder -> rewriteJson(folder, small(folder),
                json -> json.replace("float32", "float64")),
                "dense layer 1 weights (dense0.W.npy) are float32 but the model's data type is float64"));
        cases.add(new Case("non-finite weights", folder -> rewrite(folder, small(folder), entries -> {
            entries.put("dense0.W.npy", Npy.write(Nd4j.valueArrayOf(new long[] {3, 4}, Float.NaN, DataType.FLOAT)));
            return entries;
        }), "dense layer 1: dense layer 1 weights row 0 column 0 contains NaN; all values must be finite"));
        cases.add(new Case("an array inflating past its shape", folder -> rewrite(folder, small(folder), entries -> {
            byte[] npy = entries.get("dense0.W.npy");
            entries.put("dense0.W.npy", Arrays.copyOf(npy, npy.length + 64 * 1024 * 1024)); // zeros deflate ~1000:1
            return entries;
        }), "dense layer 1 weights (dense0.W.npy): .npy data has more than 48 bytes but shape [3, 4] of <f4 needs 48"));
        cases.add(new Case("a shape model.json does not declare", folder -> rewrite(folder, small(folder), entries -> {
            entries.put("dense0.W.npy", headerOnly(3, 100_000_000));
            return entries;
        }), "dense layer 1 weights have shape [3, 100000000] but model.json says [3, 4]"));
        cases.add(new Case("a huge declared shape", folder -> rewrite(folder, rewriteJson(folder, small(folder),
                json -> json.replaceFirst("\"nOut\" : 4", "\"nOut\" : 100000000")
                        .replaceFirst("\"nIn\" : 4", "\"nIn\" : 100000000")), entries -> {
                    entries.put("dense0.W.npy", headerOnly(3, 100_000_000));
                    return entries;
                }),
                // the test JVM has 2 GB; 1.2 GB of floats, read as bytes and then as values, needs 2.4 GB
                "needs 2400000000 bytes (2.2 GiB) of Java heap but only"));
        cases.add(new Case("dropout 1.5", folder -> rewriteJson(folder, full(folder),
                json -> json.replace("\"dropout\" : 0.5", "\"dropout\" : 1.5")),
                "dense layer 1: dropout rate must be in (0, 1), was 1.5"));
        cases.add(new Case("dropout as text", folder -> rewriteJson(folder, full(folder),
                json -> json.replace("\"dropout\" : 0.5", "\"dropout\" : \"0.5\"")),
                "dense layer 1 \"dropout\" must be a number in (0, 1), was \"0.5\""));
        cases.add(new Case("dropout after the output layer", folder -> rewriteJson(folder, full(folder),
                json -> json.replace("\"bias\" : \"dense1.b.npy\"", "\"bias\" : \"dense1.b.npy\", \"dropout\" : 0.25")),
                "the layers do not make a network: dropout(0.25) after the output layer (dense layer 2) would drop "
                        + "predictions; put dropout between dense layers"));
        // format 2's names and scalers
        cases.add(new Case("two class names for three outputs", folder -> rewriteJson(folder, full(folder),
                json -> json.replace("[ \"setosa\", \"versicolor\", \"virginica\" ]", "[ \"setosa\", \"versicolor\" ]")),
                "the layers do not make a network: class names must name the network's 3 classes, were 2: "
                        + "[setosa, versicolor]"));
        cases.add(new Case("four class names for three outputs", folder -> rewriteJson(folder, full(folder),
                json -> json.replace("\"virginica\" ]", "\"virginica\", \"other\" ]")),
                "class names must name the network's 3 classes, were 4: [setosa, versicolor, virginica, other]"));
        cases.add(new Case("class names not an array", folder -> rewriteJson(folder, full(folder),
                json -> json.replace("[ \"setosa\", \"versicolor\", \"virginica\" ]", "\"setosa\"")),
                "model.json \"classNames\" must be an array of strings, was \"setosa\""));
        cases.add(new Case("a class name not a string", folder -> rewriteJson(folder, full(folder),
                json -> json.replace("\"versicolor\"", "7")), "model.json \"classNames\" must hold strings, found 7"));
        cases.add(new Case("wrong number of input names", folder -> rewriteJson(folder, full(folder),
                json -> json.replace("[ \"a\", \"b\", \"c\" ]", "[ \"a\", \"b\" ]")),
                "the layers do not make a network: input names must name the network's 3 inputs, were 2: [a, b]"));
        cases.add(new Case("scaler kind quantile", folder -> rewriteJson(folder, full(folder),
                json -> json.replace("\"standardize\"", "\"quantile\"")),
                "preprocessing inputs: scaler kind must be standardize, minMax or factor, was \"quantile\""));
        cases.add(new Case("scaler without a kind", folder -> rewriteJson(folder, full(folder),
                json -> json.replace("\"kind\" : \"standardize\",", "")),
                "preprocessing inputs must be an object with a \"kind\", was {\"shift\":"));
        cases.add(new Case("preprocessing not an object", folder -> rewrite(folder, rewriteJson(folder, full(folder),
                json -> json.substring(0, json.indexOf("\"preprocessing\"")) + "\"preprocessing\" : 3, "
                        + json.substring(json.indexOf("\"classNames\""))), entries -> {
                    entries.keySet().removeIf(name -> name.startsWith("preprocessing."));
                    return entries;
                }), "model.json \"preprocessing\" must be an object, was 3"));
        cases.add(new Case("a scaler of another shape", folder -> rewrite(folder, full(folder), entries -> {
            entries.put("preprocessing.inputs.shift.npy", Npy.write(Nd4j.zeros(DataType.FLOAT, 3)));
            return entries;
        }), "preprocessing inputs arrays have shape [3] but the network's inputs are 3 wide: expected [1, 3]"));
        cases.add(new Case("a scale of 0", folder -> rewrite(folder, full(folder), entries -> {
            entries.put("preprocessing.inputs.scale.npy", Npy.write(Nd4j.zeros(DataType.FLOAT, 1, 3)));
            return entries;
        }), "preprocessing inputs: scaler column 0 has shift"));
        // format 3: a table's columns
        cases.add(new Case("table not an object", folder -> rewriteJson(folder, tabled(folder),
                json -> json.replaceFirst("\"table\" : \\{", "\"table\" : 3, \"was\" : {")),
                "model.json \"table\" must be an object with \"unseenCategories\" and a \"columns\" array, was 3"));
        cases.add(new Case("table column of kind date", folder -> rewriteJson(folder, tabled(folder),
                json -> json.replace("\"kind\" : \"number\"", "\"kind\" : \"date\"")),
                "model.json \"table\" column \"length\" must be of kind \"number\" with a numeric \"fill\""));
        cases.add(new Case("table unseen categories unknown", folder -> rewriteJson(folder, tabled(folder),
                json -> json.replace("\"unseenCategories\" : \"zeros\"", "\"unseenCategories\" : \"guess\"")),
                "model.json \"table\": "));
        cases.add(new Case("table category not a string", folder -> rewriteJson(folder, tabled(folder),
                json -> json.replace("\"Biscoe\"", "7")),
                "model.json \"table\" column \"island\" categories must be strings, found 7"));
        cases.add(new Case("table of another width", folder -> rewriteJson(folder, tabled(folder),
                json -> json.replaceFirst("\"missingIndicator\" : false", "\"missingIndicator\" : true")),
                "the layers do not make a network: the table's columns encode 5 inputs but the network's input has "
                        + "nIn = 4"));
        return cases;
    }

    /** A version-3 model: a table of a text column (island) and a number column with missing cells (length). */
    private static Path tabled(Path folder) throws IOException {
        return saved(folder, "tabled.zip", file -> {
            TableColumns table = TableColumns.fit(List.of("island", "length"), List.of(new String[] {"Dream", "40"},
                    new String[] {"Biscoe", "NA"}, new String[] {"Dream", "30"}), true, TableColumns.Unseen.ZEROS);
            Network.builder().seed(2).input(table.width()).table(table).inputNames(table.encodedNames())
                    .dense(3, Activation.TANH).dense(2, Activation.SOFTMAX).build().save(file);
        });
    }

    /** The bytes of each good model file the cases start from, saved once for all of them. */
    private static final java.util.Map<String, byte[]> SAVED = new java.util.concurrent.ConcurrentHashMap<>();

    /** {@code name} in {@code folder}: what {@code save} writes, saved by it the first time and copied after. */
    private static Path saved(Path folder, String name, Save save) throws IOException {
        Path file = folder.resolve(name);
        byte[] bytes = SAVED.get(name);
        if (bytes == null) {
            save.to(file);
            SAVED.put(name, Files.readAllBytes(file));
        } else {
            Files.write(file, bytes);
        }
        return file;
    }

    /** A version-1 model: dense 3 → 4 (leakyRelu 0.1), dense 4 → 2 (softmax). */
    private static Path small(Path folder) throws IOException {
        return saved(folder, "small.zip", file -> Network.builder().seed(2).dense(3, 4, Activation.leakyRelu(0.1))
                .dense(4, 2, Activation.SOFTMAX).build().save(file));
    }

    /** A version-2 model: 3 named inputs, standardized, dropout 0.5 after layer 1, 3 named classes. */
    private static Path full(Path folder) throws IOException {
        return saved(folder, "full.zip", file -> Network.builder().seed(2).input(3).dense(4, Activation.RELU)
                .dropout(0.5).dense(3, Activation.SOFTMAX)
                .scaler(Scaler.standardize(Nd4j.createFromArray(new float[][] {{1, 2, 3}, {2, 4, 9}})))
                .classNames(List.of("setosa", "versicolor", "virginica")).inputNames(List.of("a", "b", "c"))
                .build().save(file));
    }

    /** The header of a float32 {@code .npy} array of {@code rows × columns}, without its data. */
    private static byte[] headerOnly(int rows, int columns) {
        String header = new String(Npy.write(Nd4j.zeros(DataType.FLOAT, 3, 4)), StandardCharsets.ISO_8859_1)
                .replace("(3, 4)", "(" + rows + ", " + columns + ")");
        return header.substring(0, header.indexOf('\n') + 1).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static Path entryTwice(Path folder) throws IOException {
        Path file = rewrite(folder, small(folder), entries -> {
            entries.put("dense0.W.npx", entries.get("dense0.W.npy"));
            return entries;
        });
        // rename the extra entry in its local and central headers: ZipOutputStream refuses to write a duplicate
        byte[] bytes = Files.readAllBytes(file);
        byte[] from = "dense0.W.npx".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i + from.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + from.length, from, 0, from.length)) {
                bytes[i + from.length - 1] = 'y';
            }
        }
        return Files.write(file, bytes);
    }

    /** The entries of the zip at {@code file}, by name, in zip order. */
    static Map<String, byte[]> entries(Path file) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        return entries;
    }

    /** {@code file}'s entries changed by {@code change}, zipped again as {@code changed.zip}. */
    private static Path rewrite(Path folder, Path file, UnaryOperator<Map<String, byte[]>> change) throws IOException {
        Map<String, byte[]> entries = change.apply(entries(file));
        Path changed = folder.resolve("changed-" + System.nanoTime() + ".zip");
        try (OutputStream out = Files.newOutputStream(changed); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return changed;
    }

    private static Path rewriteJson(Path folder, Path file, UnaryOperator<String> change) throws IOException {
        return rewrite(folder, file, entries -> {
            String json = new String(entries.get("model.json"), StandardCharsets.UTF_8);
            String changed = change.apply(json);
            assertTrue(!changed.equals(json), "the change must change model.json:\n" + json);
            entries.put("model.json", changed.getBytes(StandardCharsets.UTF_8));
            return entries;
        });
    }
}
