package dev.scratchnet.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./scratchnet script}: the example scripts in {@code samples/scripts} run and learn (with
 * fewer epochs where they take an epoch count), and failures exit non-zero with a located message.
 * Output is captured, so the tests stay quiet.
 */
class ScriptCommandIT {

    private static double number(String output, String pattern) {
        Matcher matcher = Pattern.compile(pattern).matcher(output);
        assertTrue(matcher.find(), "no match for " + pattern + " in:\n" + output);
        return Double.parseDouble(matcher.group(1));
    }

    @Test
    void xorScriptLearnsAllFourRows() {
        CommandRun run = CommandRun.of("script", "--no-cache", "scripts/xor.nn.kts");
        assertEquals(0, run.status(), run.err());
        assertTrue(number(run.out(), "0 xor 0 -> ([0-9.]+)") < 0.5, run.out());
        assertTrue(number(run.out(), "0 xor 1 -> ([0-9.]+)") > 0.5, run.out());
        assertTrue(number(run.out(), "1 xor 0 -> ([0-9.]+)") > 0.5, run.out());
        assertTrue(number(run.out(), "1 xor 1 -> ([0-9.]+)") < 0.5, run.out());
    }

    @Test
    void spiralScriptLearnsTheSpiralInAShortRun() {
        CommandRun run = CommandRun.of("script", "--no-cache", "scripts/spiral.nn.kts", "300");
        assertEquals(0, run.status(), run.err());
        assertTrue(number(run.out(), "training accuracy: ([0-9.]+)") >= 0.85, run.out());
    }

    @Test
    void digitsScriptReachesNinetyPercentHeldOutInAShortRun() {
        CommandRun run = CommandRun.of("script", "--no-cache", "scripts/digits.nn.kts", "5");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("epoch   5  loss"), run.out());
        assertTrue(number(run.out(), "held-out accuracy: ([0-9.]+)") >= 0.9, run.out());
    }

    @Test
    void compileErrorsArePrintedWithFileLineAndColumnAndExitNonZero(@TempDir Path dir) throws IOException {
        Path script = Files.writeString(dir.resolve("typo.nn.kts"), "val net = network {\n    dense(2, 3, rellu)\n}\n");
        CommandRun run = CommandRun.of("script", "--no-cache", script.toString());
        assertEquals(1, run.status());
        assertEquals(script + ":2:17: Unresolved reference: rellu", run.err().strip());
    }

    @Test
    void aScriptsOwnExceptionExitsNonZeroWithItsMessage(@TempDir Path dir) throws IOException {
        Path script = Files.writeString(dir.resolve("bad.nn.kts"), "println(\"start\")\nrequire(args.isNotEmpty()) { \"give an epoch count\" }\n");
        CommandRun run = CommandRun.of("script", "--no-cache", script.toString());
        assertEquals(1, run.status());
        assertEquals("start", run.out().strip());
        assertEquals("scratchnet: " + script + ":2: give an epoch count", run.err().strip());
    }
}
