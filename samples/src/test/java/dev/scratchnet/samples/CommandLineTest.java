package dev.scratchnet.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line's help and refusals, which train nothing and compile nothing. The runs that do
 * are the integration tests beside this class ({@link DigitsCommandIT}, {@link PredictCommandIT}, …).
 */
class CommandLineTest {

    @TempDir
    Path dir;

    @Test
    void digitsHelpListsTheOptions() {
        CommandRun run = CommandRun.of("digits", "--help");

        assertEquals(0, run.status());
        for (String option : List.of("--hidden", "--activation", "--loss", "--optimizer", "--learning-rate", "--epochs",
                "--batch-size", "--seed", "--output", "--tutorial")) {
            assertTrue(run.out().contains(option), option + " missing from " + run.out());
        }
    }

    @Test
    void digitsRefusesAnUnknownActivationWithTheKnownOnes() {
        CommandRun run = CommandRun.of("digits", "--activation", "swish", "--output", dir.toString());

        assertEquals(1, run.status());
        assertTrue(run.err().contains("--activation must be one of relu, tanh, sigmoid, leaky-relu, gelu, silu, softplus, was swish"), run.err());
    }

    @Test
    void mnistWithoutDataSaysWhichFilesItNeedsAndWhereTheyComeFrom() {
        CommandRun run = CommandRun.of("mnist");
        assertEquals(1, run.status());
        assertTrue(run.err().contains("mnist needs --data DIR") && run.err().contains("train-images-idx3-ubyte")
                && run.err().contains("make-mnist-like"), run.err());
    }

    @Test
    void makeMnistLikeWritesTheFourFilesMnistReads(@org.junit.jupiter.api.io.TempDir java.nio.file.Path folder)
            throws java.io.IOException {
        java.nio.file.Path target = folder.resolve("mnist");
        CommandRun run = CommandRun.of("make-mnist-like", target.toString());
        assertEquals(0, run.status(), run.err());
        for (String name : new String[] {"train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte",
                "t10k-labels-idx1-ubyte"}) {
            assertTrue(java.nio.file.Files.isRegularFile(target.resolve(name)), name);
        }
        dev.scratchnet.Split mnist = dev.scratchnet.Datasets.mnist(target);
        assertEquals(1797, mnist.train().size() + mnist.test().size());
    }

    @Test
    void mnistNamesTheFilesItLookedForInAFolderWithoutThem() {
        CommandRun run = CommandRun.of("mnist", "--data", dir.toString());

        assertEquals(1, run.status());
        assertTrue(run.err().contains("lacks train-images-idx3-ubyte[.gz]"), run.err());
    }

    @Test
    void xorRefusesANonPositivePrintInterval() {
        CommandRun run = CommandRun.of("xor", "--print-every", "0");

        assertEquals(1, run.status());
        assertTrue(run.err().contains("--print-every must be > 0, was 0"), run.err());
    }

    @Test
    void scriptNamesAMissingScriptAndExitsNonZero() {
        CommandRun run = CommandRun.of("script", "--no-cache", "scripts/absent.nn.kts");

        assertEquals(1, run.status());
        assertEquals("scratchnet: scripts/absent.nn.kts: no such script file", run.err().strip());
    }

    @Test
    void predictRefusesACsvRowOfTheWrongWidthWithItsLine() throws IOException {
        Path file = Files.writeString(dir.resolve("short.csv"), "1,2,3\n");

        CommandRun run = CommandRun.of("predict", "--model", untrainedModel().toString(), "--csv", file.toString());

        assertEquals(1, run.status());
        assertTrue(run.err().contains("line 1: the model takes 64 numbers per row, this row has 3"), run.err());
    }

    @Test
    void predictNamesAMissingImage() throws IOException {
        CommandRun run = CommandRun.of("predict", "--model", untrainedModel().toString(), "--image", "nowhere.png");

        assertEquals(1, run.status());
        assertTrue(run.err().contains("nowhere.png: no such image file"), run.err());
    }

    @Test
    void predictRefusesImagesAndCsvTogether() throws IOException {
        CommandRun run = CommandRun.of("predict", "--model", untrainedModel().toString(), "--image", "a.png", "--csv", "b.csv");

        assertEquals(2, run.status());
        assertTrue(run.err().contains("mutually exclusive"), run.err());
    }

    @Test
    void serveHelpNamesTheEndpoints() {
        CommandRun run = CommandRun.of("serve", "--help");

        assertEquals(0, run.status());
        assertTrue(run.out().contains("POST /predict ") && run.out().contains("--port=PORT"), run.out());
    }

    @Test
    void serveGivenTheFolderOfAModelPointsAtItsModelZip() throws IOException {
        untrainedModel();

        CommandRun run = CommandRun.of("serve", "--model", dir.toString(), "--port", "0");

        assertEquals(1, run.status());
        assertTrue(run.err().contains("is a folder; did you mean " + dir.resolve("model.zip") + "?"), run.err());
    }

    @Test
    void serveRefusesAPortOutOfRange() throws IOException {
        CommandRun run = CommandRun.of("serve", "--model", untrainedModel().toString(), "--port", "70000");

        assertEquals(1, run.status());
        assertTrue(run.err().contains("port must be in [0, 65535] (0 picks a free one), was 70000"), run.err());
    }

    @Test
    void serveNamesAHostWithNoAddress() throws IOException {
        CommandRun run = CommandRun.of("serve", "--model", untrainedModel().toString(), "--port", "0",
                "--host", "no-such-host.invalid");

        assertEquals(1, run.status());
        assertTrue(run.err().contains("--host no-such-host.invalid names no address"), run.err());
    }

    // a busy port and an address of another machine reach the server's start: ServeRefusalsIT

    /** A digits-shaped model (64 inputs, 10 classes) saved without training: the refusals come before predicting. */
    /** serve predicts through the runtime, which reads model files with the core's reader: the same refusal. */
    @Test
    @org.junit.jupiter.api.Timeout(60) // a file the runtime wrongly loaded would start serving and never return
    void serveRefusesAModelFileAsNetworkLoadDoesInTheSameWords() throws IOException {
        Path model = dir.resolve("named.zip");
        Network.builder().seed(1).input(4).dense(3, Activation.SOFTMAX).classNames(List.of("a", "b", "c")).build()
                .save(model);
        Path bad = withModelJson(model, dir.resolve("bad.zip"), json -> json.replace("[ \"a\", \"b\", \"c\" ]",
                "[ \"a\", \"b\" ]"));
        IOException refusal = assertThrows(IOException.class, () -> Network.load(bad));
        assertTrue(refusal.getMessage().contains("class names must name the network's 3 classes, were 2"),
                refusal.getMessage());

        CommandRun run = CommandRun.of("serve", "--model", bad.toString(), "--port", "0");

        assertEquals(1, run.status());
        assertTrue(run.err().contains(refusal.getMessage()), run.err());
    }

    /** A copy of the model file {@code from} at {@code to}, its model.json changed by {@code change}. */
    private static Path withModelJson(Path from, Path to, java.util.function.UnaryOperator<String> change)
            throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(from); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        entries.put("model.json", change.apply(new String(entries.get("model.json"), StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8));
        try (OutputStream out = Files.newOutputStream(to); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return to;
    }

    private Path untrainedModel() throws IOException {
        Path model = dir.resolve("model.zip");
        Network.builder().seed(1).input(64).dense(10, Activation.SOFTMAX).build().save(model);
        return model;
    }
}
