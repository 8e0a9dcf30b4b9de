package dev.scratchnet.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The figures of the README and the guide (docs/) that a cheap, seeded command produces, produced again and compared, so that
 * a change to training that moves them fails the build until the README says the new figure. Only
 * what is deterministic and takes seconds: the default digits run (every line the README shows),
 * the tutorial network's accuracy, {@code mnist} on the MNIST-like files, and the final accuracy of
 * {@code xor} and {@code spiral}.
 */
class ReadmeFiguresIT {

    @TempDir
    Path dir;

    private static String readme() throws IOException {
        return Guide.text();
    }

    /** The first group of {@code pattern} in {@code text}; fails naming {@code what} when absent. */
    private static String find(Pattern pattern, String text, String what) {
        Matcher matcher = pattern.matcher(text);
        assertTrue(matcher.find(), what + " not found by " + pattern);
        return matcher.group(1);
    }

    @Test
    void theDefaultDigitsRunPrintsEveryLineTheReadmeShows() throws IOException {
        String block = find(Pattern.compile("`\\./scratchnet digits` on a 2-core machine.*?\\n```\\n(.*?)```",
                Pattern.DOTALL), readme(), "the README's default digits run");

        assertTrue(block.lines().filter(line -> line.startsWith("epoch ")).count() >= 3, block);
        CommandRun run = CommandRun.of("digits", "--output", dir.toString());

        assertEquals(0, run.status(), run.err());
        Set<String> printed = run.out().lines().map(String::stripTrailing).collect(Collectors.toSet());
        // "…" stands for the epochs left out; "wrote …" names the default folder, the test writes elsewhere
        List<String> missing = block.lines().map(String::stripTrailing)
                .filter(line -> !line.equals("…") && !line.startsWith("wrote ") && !printed.contains(line))
                .toList();
        assertEquals(List.of(), missing, "README lines that ./scratchnet digits no longer prints; it printed:\n"
                + run.out());
    }

    @Test
    void theTutorialNetworksAccuracyIsTheReadmes() throws IOException {
        String figure = find(Pattern.compile("`\\./scratchnet digits --tutorial` ends with `held-out accuracy: (\\d\\.\\d{4})`"),
                readme(), "the tutorial's accuracy");

        CommandRun run = CommandRun.of("digits", "--tutorial", "--quiet", "--output", dir.toString());

        assertEquals(0, run.status(), run.err());
        assertEquals(figure, find(Pattern.compile("held-out accuracy: (\\d\\.\\d{4})"), run.out(), "the accuracy line"),
                run.out());
    }

    @Test
    void mnistOnTheMnistLikeFilesReachesTheReadmesTestAccuracy() throws IOException {
        String figure = find(Pattern.compile("\\./scratchnet mnist --data /tmp/mnist-like +# → test accuracy: (\\d\\.\\d{4}) "),
                readme(), "mnist's accuracy on the MNIST-like files");
        Path data = dir.resolve("mnist-like");

        CommandRun make = CommandRun.of("make-mnist-like", data.toString(), "--copies", "5", "--gzip");
        CommandRun run = CommandRun.of("mnist", "--data", data.toString(), "--quiet", "--output", dir.resolve("out").toString());

        assertEquals(0, make.status(), make.err());
        assertEquals(0, run.status(), run.err());
        assertEquals(figure, find(Pattern.compile("test accuracy: (\\d\\.\\d{4}) "), run.out(), "the accuracy line"),
                run.out());
    }

    @Test
    void xorAndSpiralEndWithTheReadmesTrainingAccuracy() throws IOException {
        String readme = readme();
        String xor = find(Pattern.compile("\\*\\*`\\./scratchnet xor`\\*\\*.*?`training accuracy: (\\d\\.\\d\\d)`",
                Pattern.DOTALL), readme, "xor's accuracy");
        String spiral = find(Pattern.compile("\\*\\*`\\./scratchnet spiral`\\*\\*.*?`training accuracy: (\\d\\.\\d\\d)`",
                Pattern.DOTALL), readme, "spiral's accuracy");
        Pattern accuracy = Pattern.compile("training accuracy: (\\d\\.\\d\\d)");

        CommandRun xorRun = CommandRun.of("xor");
        CommandRun spiralRun = CommandRun.of("spiral", "--output", dir.toString());

        assertEquals(0, xorRun.status(), xorRun.err());
        assertEquals(xor, find(accuracy, xorRun.out(), "xor's accuracy line"), xorRun.out());
        assertEquals(0, spiralRun.status(), spiralRun.err());
        assertEquals(spiral, find(accuracy, spiralRun.out(), "spiral's accuracy line"), spiralRun.out());
    }
}
