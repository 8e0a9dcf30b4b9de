package dev.scratchnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bad-input promise under the conditions it is made for: each {@link SmallHeapProbe} case runs
 * in a child JVM with a 256 MB heap and must end, within 60 s, in a clear refusal, never in an
 * {@link OutOfMemoryError}. An integration test (it starts JVMs), run by failsafe with {@code *IT}.
 */
class SmallHeapIT {

    @TempDir
    Path directory;

    @ParameterizedTest
    @ValueSource(strings = {"idx-gzip-bomb", "csv-label", "csv-dev-zero", "csv-long-line", "evaluation-classes",
            "one-hot"})
    void aSmallFileAskingForHugeMemoryIsRefusedUnderA256MbHeap(String name) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(List.of(java.toString(), "-Xmx256m",
                "-Dscratchnet.csv.maxLineChars=" + (16 << 20), "-cp", System.getProperty("java.class.path"),
                SmallHeapProbe.class.getName(), name, directory.toString()));
        builder.redirectErrorStream(true);
        Process process = builder.start();
        boolean ended = process.waitFor(60, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(ended, name + " did not end within 60 s:\n" + output);
        assertEquals(0, process.exitValue(), name + ":\n" + output);
        assertTrue(output.contains("refused: "), name + ":\n" + output);
    }
}
