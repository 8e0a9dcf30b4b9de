package dev.scratchnet.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code xor} and {@code spiral}: the tutorials' loss lines, the final accuracy, the decision-region PNG. */
class ToyCommandsIT {

    private static final Pattern ITERATION = Pattern.compile("(?m)^iteration +(\\d+): loss (\\d+\\.\\d{6})$");
    private static final Pattern ACCURACY = Pattern.compile("(?m)^training accuracy: (\\d\\.\\d{2})$");

    @TempDir
    Path dir;

    @Test
    void xorIsLearnedAndEveryRowIsPrinted() {
        CommandRun run = CommandRun.of("xor", "--iterations", "1000", "--print-every", "250");

        assertEquals(0, run.status(), run.err());
        List<Integer> iterations = ITERATION.matcher(run.out()).results().map(m -> Integer.parseInt(m.group(1))).toList();
        assertEquals(List.of(1, 250, 500, 750, 1000), iterations, run.out());
        List<Double> losses = ITERATION.matcher(run.out()).results().map(m -> Double.parseDouble(m.group(2))).toList();
        assertTrue(losses.get(4) < losses.get(0) / 10, run.out());
        for (String row : List.of("0 xor 0 = 0", "0 xor 1 = 1", "1 xor 0 = 1", "1 xor 1 = 0")) {
            assertTrue(run.out().contains(row + "   network says "), row + " missing from " + run.out());
        }
        assertEquals("1.00", accuracy(run));
    }

    @Test
    void spiralIsSeparatedAndItsDecisionRegionsDrawn() throws IOException {
        CommandRun run = CommandRun.of("spiral", "--points", "50", "--iterations", "1500", "--print-every", "500",
                "--output", dir.toString());

        assertEquals(0, run.status(), run.err());
        List<Double> losses = ITERATION.matcher(run.out()).results().map(m -> Double.parseDouble(m.group(2))).toList();
        assertEquals(4, losses.size(), run.out());
        assertTrue(losses.get(3) < losses.get(0) / 2, run.out());
        assertTrue(Double.parseDouble(accuracy(run)) >= 0.9, run.out());
        DigitsCommandIT.assertPng(dir.resolve("spiral.png"), 600, 600);
        assertTrue(run.out().contains("wrote " + dir.resolve("spiral.png")), run.out());
    }

    private static String accuracy(CommandRun run) {
        Matcher accuracy = ACCURACY.matcher(run.out());
        assertTrue(accuracy.find(), run.out());
        return accuracy.group(1);
    }
}
