package dev.scratchnet.onnxcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scratchnet.samples.CommandRun;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** With this module on the class path, the bench times ONNX Runtime beside the network and the runtime. */
class BenchWithOnnxRuntimeIT {

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
}
