package dev.scratchnet.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scratchnet.Network;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's two digits samples, run as written: each must reach the held-out accuracy the README
 * promises, and since the DSL builds what the builder builds, both must train the very same weights.
 */
class DigitsSamplesIT {

    private static final Pattern HELD_OUT = Pattern.compile("(?m)^held-out accuracy: (\\d\\.\\d{4}) \\(359 test digits\\)$");

    @TempDir
    Path dir;

    /** Runs a sample's main with standard output captured. */
    private static String run(MainMethod main) throws IOException {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            main.run();
        } finally {
            System.setOut(original);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private interface MainMethod {
        void run() throws IOException;
    }

    private static String heldOut(String out) {
        Matcher heldOut = HELD_OUT.matcher(out);
        assertTrue(heldOut.find(), out);
        assertTrue(Double.parseDouble(heldOut.group(1)) >= 0.98, out);
        return heldOut.group(1);
    }

    @Test
    void javaAndKotlinSamplesReach98PercentWithTheSameWeightsAndSaveTheirFiles() throws IOException {
        Path java = dir.resolve("java");
        Path kotlin = dir.resolve("kotlin");

        String javaOut = run(() -> DigitsJava.main(new String[] {java.toString()}));
        String kotlinOut = run(() -> DigitsKt.main(new String[] {kotlin.toString()}));

        assertTrue(javaOut.contains("epoch  60  loss "), javaOut);
        assertEquals(heldOut(javaOut), heldOut(kotlinOut));
        Network fromJava = Network.load(java.resolve("model.zip"));
        Network fromKotlin = Network.load(kotlin.resolve("model.zip"));
        for (int i = 0; i < fromJava.numLayers(); i++) {
            assertEquals(fromJava.layer(i).weights(), fromKotlin.layer(i).weights());
        }
        DigitsCommandIT.assertPng(java.resolve("history.png"), 900, 400);
        DigitsCommandIT.assertPng(kotlin.resolve("confusion.png"), 600, 550);
    }
}
