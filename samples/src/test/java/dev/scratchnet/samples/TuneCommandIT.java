package dev.scratchnet.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scratchnet.Network;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tune} on a small table with a text column: the ranked table, the last line, the saved model, repeatability. */
class TuneCommandIT {

    private static final Pattern BEST = Pattern.compile(
            "\\nbest: (hidden=\\S+ learning-rate=\\S+ l2=\\S+ dropout=\\S+ batch=\\d+), cross-validated accuracy ([01]\\.\\d{4})\\n$");
    private static final Pattern SCORE = Pattern.compile("^\\s+\\d+\\s+\\d+\\s+([01]\\.\\d{4}) ± ", Pattern.MULTILINE);

    /** 90 rows: three clusters named by colour, a text column that hints at them, a column of noise. */
    private static Path colours(Path dir) throws IOException {
        Random random = new Random(4);
        StringBuilder csv = new StringBuilder("x,shade,y,noise,colour\n");
        String[] names = {"red", "green", "blue"};
        for (int i = 0; i < 90; i++) {
            int c = i % 3;
            csv.append(String.format(Locale.ROOT, "%.4f,%s,%.4f,%.4f,%s%n", 3 * Math.cos(2 * Math.PI * c / 3)
                    + random.nextGaussian(), i % 7 == 0 ? "" : (c == 0 ? "warm" : "cool"),
                    3 * Math.sin(2 * Math.PI * c / 3) + random.nextGaussian(), random.nextGaussian(), names[c]));
        }
        return Files.writeString(dir.resolve("colours.csv"), csv);
    }

    private static CommandRun tune(Path table, Path output, String parallel) {
        return CommandRun.of("tune", "--csv", table.toString(), "--target", "colour", "--trials", "3", "--cv", "3",
                "--epochs", "40", "--parallel", parallel, "--seed", "3", "--output", output.toString());
    }

    @Test
    void tuneRanksItsTrialsSavesTheBestAndRepeatsItselfWhateverThePool(@TempDir Path dir) throws IOException {
        Path table = colours(dir);
        CommandRun run = tune(table, dir.resolve("a"), "2");
        assertEquals(0, run.status(), run.err());
        Matcher best = BEST.matcher(run.out());
        assertTrue(best.find(), run.out());
        double bestScore = Double.parseDouble(best.group(2));
        assertTrue(bestScore >= 0.8, run.out());

        Matcher scores = SCORE.matcher(run.out());
        double previous = 1;
        int rows = 0;
        while (scores.find()) {
            double score = Double.parseDouble(scores.group(1));
            assertTrue(score <= previous, run.out());
            assertTrue(rows > 0 || score == bestScore, run.out());
            previous = score;
            rows++;
        }
        assertEquals(3, rows, run.out());
        assertEquals(4, Files.readAllLines(dir.resolve("a").resolve("trials.csv")).size());
        assertTrue(run.err().contains("trial 1 done"), run.err());

        Network model = Network.load(dir.resolve("a").resolve("model.zip"));
        assertEquals(List.of("blue", "green", "red"), model.classNames());
        CommandRun again = tune(table, dir.resolve("b"), "1");
        assertEquals(0, again.status(), again.err());
        assertTrue(again.out().endsWith(best.group(0).substring(1)), again.out());
        Network same = Network.load(dir.resolve("b").resolve("model.zip"));
        for (int layer = 0; layer < model.layers().size(); layer++) {
            assertArrayEquals(model.layer(layer).weights().data().asFloat(), same.layer(layer).weights().data().asFloat());
        }
    }

    @Test
    void badOptionsAreRefusedBeforeAnyTraining(@TempDir Path dir) throws IOException {
        CommandRun run = CommandRun.of("tune", "--csv", colours(dir).toString(), "--target", "colour", "--trials", "0");
        assertEquals(1, run.status());
        assertTrue(run.err().contains("--trials must be 1 or more, was 0"), run.err());
    }
}
