package dev.scratchnet.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train --csv --stream}: a table read in passes, under a 256 MB heap in a child JVM, with a
 * text column and missing cells; the last line and the files are those of an in-memory train, and
 * {@code predict --csv} takes the model's raw rows.
 */
class StreamedTrainIT {

    /** Rows of x0..x3 (numbers, some missing), a colour (text, some missing) and a label that depends on both. */
    private static Path table(Path dir, int rows, boolean regression) throws IOException {
        Random random = new Random(3);
        String[] colours = {"red", "green", "blue"};
        List<String> lines = new ArrayList<>(List.of("x0,x1,x2,x3,colour," + (regression ? "price" : "label")));
        for (int i = 0; i < rows; i++) {
            double[] x = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
            int colour = random.nextInt(3);
            double score = x[0] - x[1] + (colour == 0 ? 1 : colour == 1 ? -1 : 0) + 0.3 * random.nextGaussian();
            String target = regression ? String.format(Locale.ROOT, "%.3f", 100 + 10 * score) : score > 0 ? "yes" : "no";
            lines.add(String.format(Locale.ROOT, "%s,%.3f,%.3f,%.3f,%s,%s", random.nextInt(50) == 0 ? "NA"
                    : String.format(Locale.ROOT, "%.3f", x[0]), x[1], x[2], x[3],
                    random.nextInt(40) == 0 ? "" : colours[colour], target));
        }
        return Files.write(dir.resolve(regression ? "prices.csv" : "labels.csv"), lines);
    }

    @Test
    void aStreamedTrainUnderA256MbHeapEndsWithTheHeldOutLineAndItsModelPredictsRawRows(@TempDir Path dir)
            throws IOException, InterruptedException {
        Path table = table(dir, 30_000, false);
        Path output = dir.resolve("out");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(List.of(java.toString(), "-Xmx256m", "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "train", "--csv", table.toString(),
                "--target", "label", "--stream", "--epochs", "2", "--output", output.toString()));
        builder.redirectErrorStream(true);
        Process process = builder.start();
        boolean ended = process.waitFor(120, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(ended, "did not end within 120 s:\n" + out);
        assertEquals(0, process.exitValue(), out);

        assertTrue(out.contains("streamed: parsed once"), out);
        assertTrue(out.contains("epoch   2  loss"), "per-epoch lines:\n" + out);
        String[] lines = out.strip().split("\n");
        Matcher last = Pattern.compile("held-out accuracy: (0\\.\\d{4})").matcher(lines[lines.length - 1]);
        assertTrue(last.matches(), "last line: " + lines[lines.length - 1]);
        assertTrue(Double.parseDouble(last.group(1)) > 0.85, out);
        for (String file : TrainCommand.FILES) {
            assertTrue(Files.exists(output.resolve(file)), file + "\n" + out);
        }

        Path rows = Files.write(dir.resolve("rows.csv"), List.of("x0,x1,x2,x3,colour", "2.5,-2,0,0,red",
                "-2.5,2,0,0,green", "NA,0,0,0,"));
        CommandRun predict = CommandRun.of("predict", "--model", output.resolve("model.zip").toString(), "--csv",
                rows.toString());
        assertEquals(0, predict.status(), predict.err());
        assertTrue(predict.out().contains("row 1: yes"), predict.out());
        assertTrue(predict.out().contains("row 2: no"), predict.out());
    }

    @Test
    void aStreamedRegressionEndsWithTheR2LineAndCrossValidationIsRefused(@TempDir Path dir) throws IOException {
        Path table = table(dir, 5_000, true);
        CommandRun run = CommandRun.of("train", "--csv", table.toString(), "--target", "price", "--stream",
                "--epochs", "3", "--output", dir.resolve("out").toString(), "--quiet");
        assertEquals(0, run.status(), run.err());
        String[] lines = run.out().strip().split("\n");
        Matcher last = Pattern.compile("held-out R2: (0\\.\\d{4})").matcher(lines[lines.length - 1]);
        assertTrue(last.matches(), run.out());
        assertTrue(Double.parseDouble(last.group(1)) > 0.8, run.out());

        CommandRun cv = CommandRun.of("train", "--csv", table.toString(), "--target", "price", "--stream", "--cv",
                "3", "--output", dir.resolve("cv").toString());
        assertEquals(1, cv.status());
        assertTrue(cv.err().contains("--cv is not offered when train streams the table"), cv.err());
    }
}
