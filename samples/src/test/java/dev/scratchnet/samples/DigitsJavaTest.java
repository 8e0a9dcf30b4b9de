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

/** The README's Java sample, run as written: it must reach the held-out accuracy the README promises. */
class DigitsJavaTest {

    private static final Pattern HELD_OUT = Pattern.compile("(?m)^held-out accuracy: (\\d\\.\\d{4}) \\(359 test digits\\)$");

    @TempDir
    Path dir;

    @Test
    void reachesAtLeast98PercentOnTheHeldOutDigitsAndSavesTheModel() throws IOException {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            DigitsJava.main(new String[] {dir.toString()});
        } finally {
            System.setOut(original);
        }
        String out = bytes.toString(StandardCharsets.UTF_8);

        assertTrue(out.contains("epoch  60  loss "), out);
        Matcher heldOut = HELD_OUT.matcher(out);
        assertTrue(heldOut.find(), out);
        assertTrue(Double.parseDouble(heldOut.group(1)) >= 0.98, out);
        assertEquals(10, Network.load(dir.resolve("model.zip")).nOut());
        DigitsCommandTest.assertPng(dir.resolve("history.png"), 900, 400);
        DigitsCommandTest.assertPng(dir.resolve("confusion.png"), 600, 550);
    }
}
