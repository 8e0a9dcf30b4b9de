package dev.scratchnet.samples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scratchnet.samples.CommandRun;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BenchCommandTest {

    private static final Pattern ROW = Pattern.compile("(?m)^W3 inference, one image per call +(\\d+\\.\\d) us \\(");

    @Test
    void timesInferenceOnGeneratedIdxFiles() {
        CommandRun run = CommandRun.of("bench", "--only", "W3,W3B", "--repeats", "2", "--samples", "30",
                "--no-numpy", "--no-startup");

        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("data: random MNIST-shaped IDX files (10000 train, 30 test)"), run.out());
        Matcher single = ROW.matcher(run.out());
        assertTrue(single.find(), run.out());
        assertTrue(Double.parseDouble(single.group(1)) > 0, run.out());
        assertTrue(run.out().contains("W3 inference, all images in one call"), run.out());
    }

    @Test
    void timesTheRuntimeAndOnnxRuntimeOnTheSameModel() {
        CommandRun run = CommandRun.of("bench", "--only", "W3R,W3RB,W3O,W3OB", "--repeats", "1", "--samples", "20",
                "--no-numpy", "--no-startup");

        assertEquals(0, run.status(), run.err());
        for (String title : new String[] {"W3 scratchnet-runtime, one image per call", "W3 scratchnet-runtime, all in one call",
                "W3 ONNX Runtime, one image per call", "W3 ONNX Runtime, all in one call"}) {
            assertTrue(Pattern.compile("(?m)^" + title + " +\\d+\\.\\d us \\(").matcher(run.out()).find(), run.out());
        }
    }

    @Test
    void numpyOutputIsReadAsOneLinePerWorkload() {
        Map<String, Timings> timings = NumpyReference.parse("W1 0.5 0.7 0.6\nW3 8.4e-05 9e-05\n");

        assertEquals(List.of("W1", "W3"), List.copyOf(timings.keySet()));
        assertEquals(0.6, timings.get("W1").median(), 1e-12);
        assertEquals(8.7e-05, timings.get("W3").median(), 1e-12);
    }
}
