package dev.scratchnet.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The smallest table train's refusal asks for ({@link TrainRefusalsTest}: two rows are too few for its
 * three parts) does train: a whole run of the command, so in the integration tier.
 */
class TrainSmallestTableIT {

    @TempDir
    Path dir;

    @Test
    void theSmallestTableTheMessageAsksForTrains() throws IOException {
        // 7 rows of each class train
        Path csv = TrainRefusalsTest.table(dir, "fourteen.csv", 14, -1);

        CommandRun run = CommandRun.of("train", "--csv", csv.toString(), "--target", "y", "--epochs", "1", "--quiet",
                "--output", dir.resolve("out").toString());

        assertEquals(0, run.status(), run.err());
    }
}
