package dev.scratchnet.samples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scratchnet.samples.CommandRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench} on generated IDX files, two workloads, without numpy and without start-up timing; it cleans up after itself. */
class BenchCommandIT {

    private static final Pattern ROW = Pattern.compile("(?m)^W3 inference, one image per call +(\\d+\\.\\d) us \\(");

    @Test
    void timesTheRuntimeAndSaysWhyOnnxRuntimeIsSkippedWithoutIt() {
        CommandRun run = CommandRun.of("bench", "--only", "W3R,W3RB,W3O,W3OB", "--repeats", "1", "--samples", "20",
                "--no-numpy", "--no-startup");

        assertEquals(0, run.status(), run.err());
        for (String title : new String[] {"W3 scratchnet-runtime, one image per call", "W3 scratchnet-runtime, all in one call"}) {
            assertTrue(Pattern.compile("(?m)^" + title + " +\\d+\\.\\d us \\(").matcher(run.out()).find(), run.out());
        }
        assertTrue(run.out().contains("W3O skipped: ONNX Runtime is not on the class path"), run.out());
    }

    @Test
    void timesInferenceOnGeneratedIdxFilesAndLeavesNothingInTheTemporaryFolder(@TempDir Path temporary) throws IOException {
        CommandRun run = withTemporaryFolder(temporary, () -> CommandRun.of("bench", "--only", "W3,W3B", "--repeats", "2",
                "--samples", "30", "--no-numpy", "--no-startup"));

        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("data: random MNIST-shaped IDX files (10000 train, 30 test)"), run.out());
        Matcher single = ROW.matcher(run.out());
        assertTrue(single.find(), run.out());
        assertTrue(Double.parseDouble(single.group(1)) > 0, run.out());
        assertTrue(run.out().contains("W3 inference, all images in one call"), run.out());
        try (Stream<Path> left = Files.list(temporary)) {
            assertEquals(List.of(), left.toList());
        }
    }

    @Test
    void theScalingTableTimesACellWithTheDefaultTrainingThreadsAndWithOne() {
        CommandRun run = CommandRun.of("bench", "--scale", "--scale-cells", "64x64", "--scale-repeats", "1", "--no-numpy");

        assertEquals(0, run.status(), run.err());
        assertTrue(Pattern.compile("(?m)^scratchnet bench: .*, training threads .+, training plan .+, OMP_NUM_THREADS=")
                .matcher(run.out()).find(), run.out());
        // the last column: the cell's plan and where it came from (the tests run on the rule)
        assertTrue(Pattern.compile("(?m)^64 +64 +\\d+\\.\\d{3} s +\\d+\\.\\d{3} s +- +- +- +- +(one-thread|split-rows \\d+)"
                + " \\(rule, scratchnet\\.plan=rule\\)$").matcher(run.out()).find(), run.out());
        assertTrue(run.out().contains("numpy reference skipped: --no-numpy"), run.out());
    }

    /** Runs {@code body} with {@code java.io.tmpdir} pointing at {@code folder}. */
    private static CommandRun withTemporaryFolder(Path folder, Supplier<CommandRun> body) {
        String previous = System.getProperty("java.io.tmpdir");
        System.setProperty("java.io.tmpdir", folder.toString());
        try {
            return body.get();
        } finally {
            System.setProperty("java.io.tmpdir", previous);
        }
    }
}
