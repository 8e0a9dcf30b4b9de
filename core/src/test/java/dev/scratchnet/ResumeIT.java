package dev.scratchnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The resume promise across processes: 5 epochs and a checkpoint here, the resume to 10 in a fresh
 * JVM, equal bit for bit (weights and history) to 10 epochs straight here.
 */
class ResumeIT {

    @Test
    void aResumeInAFreshJvmEqualsTenEpochsStraight(@TempDir Path dir) throws IOException, InterruptedException {
        Network straight = CheckpointTest.network();
        TrainingHistory all = straight.fit(CheckpointTest.data(), CheckpointTest.fit(10).build());
        CheckpointTest.network().fit(CheckpointTest.data(), CheckpointTest.fit(5).checkpoints(dir, 5).build());

        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(List.of(java.toString(), "-Xmx1g", "-cp",
                System.getProperty("java.class.path"), ResumeProbe.class.getName(),
                dir.resolve("checkpoint-0000000005.zip").toString()));
        builder.redirectErrorStream(true);
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the child JVM did not finish");
        String text = new String(output, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), "the child JVM failed:\n" + text);

        String weights = text.lines().filter(line -> line.startsWith("weights ")).findFirst().orElseThrow();
        assertEquals("weights " + ResumeProbe.hex(CheckpointTest.bits(straight)), weights);
        assertTrue(text.endsWith(all.toCsv()), "history:\n" + text + "\nexpected to end with\n" + all.toCsv());
    }
}
