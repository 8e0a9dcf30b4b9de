package dev.scratchnet.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train's refusals of tables it cannot use, in the command's words: file lines and options, before anything trains. */
class TrainRefusalsTest {

    @TempDir
    Path dir;

    private Path table(String name, int rows, int hugeRow) throws IOException {
        return table(dir, name, rows, hugeRow);
    }

    /** A table of {@code rows} rows (columns a, b and a 0/1 target y), row {@code hugeRow} holding 1e300 in a. */
    static Path table(Path dir, String name, int rows, int hugeRow) throws IOException {
        StringBuilder csv = new StringBuilder("a,b,y\n");
        for (int i = 0; i < rows; i++) {
            csv.append(i == hugeRow ? "1e300" : Double.toString(i / 7.0)).append(',').append(i % 3).append(',').append(i % 2)
                    .append('\n');
        }
        return Files.writeString(dir.resolve(name), csv, StandardCharsets.UTF_8);
    }

    @Test
    void aValueBeyondFloat32IsNamedByItsLineWithoutAdviceTheCommandCannotFollow() throws IOException {
        Path csv = table("huge.csv", 200, 57);

        CommandRun run = CommandRun.of("train", "--csv", csv.toString(), "--target", "y", "--output", dir.resolve("out").toString());

        assertEquals(1, run.status());
        assertTrue(run.err().contains(csv + " line 59 column 1 (\"a\") is 1.0E300, beyond the range of the float32 numbers"),
                run.err());
        assertFalse(run.err().contains("dataType(DOUBLE)") || run.err().contains("row 38"), run.err());
    }

    @Test
    void aTableTooSmallForTheThreePartsSaysHowManyRowsItNeeds() throws IOException {
        // the splits keep a row in each part whenever they can: two rows cannot make three parts
        Path csv = table("small.csv", 2, -1);

        CommandRun run = CommandRun.of("train", "--csv", csv.toString(), "--target", "y", "--output", dir.resolve("out").toString());

        assertEquals(1, run.status());
        assertTrue(run.err().contains(csv + " has 2 rows, too few for train's three parts"), run.err());
        assertFalse(run.err().contains("0.0999"), run.err());
    }
}
