package dev.scratchnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Same seed, data and settings give bit-identical weights: twice in one JVM, and in a fresh JVM. */
class DeterminismTest {

    @Test
    void twoRunsInOneJvmGiveBitIdenticalWeights() {
        assertEquals(DeterminismProbe.run("digits"), DeterminismProbe.run("digits"));
        assertEquals(Engines.with("reference", () -> DeterminismProbe.run("digits")),
                Engines.with("reference", () -> DeterminismProbe.run("digits")));
    }

    @Test
    void aFreshJvmWithOtherThreadCountsGivesTheSameWeights() throws Exception {
        String here = DeterminismProbe.run("digits");

        String fresh = inChildJvm(Map.of());
        String oneThread = inChildJvm(Map.of("OMP_NUM_THREADS", "1", "OPENBLAS_NUM_THREADS", "1"));

        assertEquals(here, fresh, "a fresh JVM trained other weights");
        assertEquals(here, oneThread, "a fresh JVM with one native thread trained other weights");
    }

    /** Runs {@link DeterminismProbe} in a new JVM on this test's class path; its last line of output. */
    private static String inChildJvm(Map<String, String> environment) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(List.of(java.toString(), "-Xmx1g",
                "-cp", System.getProperty("java.class.path"), DeterminismProbe.class.getName(), "digits"));
        builder.environment().putAll(environment);
        builder.redirectErrorStream(true);
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the child JVM did not finish");
        String text = new String(output, StandardCharsets.UTF_8).strip();
        assertEquals(0, process.exitValue(), "the child JVM failed:\n" + text);
        return text.substring(text.lastIndexOf('\n') + 1);
    }
}
