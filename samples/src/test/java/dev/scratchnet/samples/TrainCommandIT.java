package dev.scratchnet.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scratchnet.Network;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train --csv} on tables with text classes and with a numeric target, then {@code predict --csv} on raw rows. */
class TrainCommandIT {

    private static final Pattern ACCURACY = Pattern.compile("held-out accuracy: ([01]\\.\\d{4})\\n$");
    private static final Pattern R2 = Pattern.compile("held-out R2: (-?\\d\\.\\d{4})\\n$");

    /** Two noisy clusters per colour name, a constant column and a column of noise; the target in the middle. */
    private static Path colours(Path dir) throws IOException {
        Random random = new Random(4);
        StringBuilder csv = new StringBuilder("x,y,colour,constant,noise\n");
        String[] names = {"red", "green", "blue"};
        for (int i = 0; i < 300; i++) {
            int c = i % 3;
            double x = 10 * Math.cos(2 * Math.PI * c / 3) + random.nextGaussian();
            double y = 10 * Math.sin(2 * Math.PI * c / 3) + random.nextGaussian();
            csv.append(String.format("%.4f,%.4f,%s,7,%.4f%n", x, y, names[c], random.nextGaussian()));
        }
        return Files.writeString(dir.resolve("colours.csv"), csv);
    }

    /** price = 1000 + 300·size − 20·age + noise: a regression in the target's own (large) units. */
    private static Path houses(Path dir) throws IOException {
        Random random = new Random(5);
        StringBuilder csv = new StringBuilder("size,age,price\n");
        for (int i = 0; i < 300; i++) {
            double size = 1 + 4 * random.nextDouble();
            double age = 40 * random.nextDouble();
            csv.append(String.format("%.3f,%.2f,%.2f%n", size, age, 1000 + 300 * size - 20 * age + 10 * random.nextGaussian()));
        }
        return Files.writeString(dir.resolve("houses.csv"), csv);
    }

    @Test
    void classesByNameTrainWellAndPredictFromRawRowsWithTheirNames(@TempDir Path dir) throws IOException {
        Path table = colours(dir);
        Path output = dir.resolve("out");
        CommandRun run = CommandRun.of("train", "--csv", table.toString(), "--target", "colour", "--output",
                output.toString(), "--quiet");
        assertEquals(0, run.status(), run.err());
        Matcher accuracy = ACCURACY.matcher(run.out());
        assertTrue(accuracy.find(), run.out());
        assertTrue(Double.parseDouble(accuracy.group(1)) >= 0.95, run.out());
        assertTrue(run.out().contains("ROC AUC"), run.out());
        try (Stream<Path> files = Files.list(output)) {
            assertEquals(List.of("model.zip"), files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".zip"))
                    .toList());
        }
        Network model = Network.load(output.resolve("model.zip"));
        assertEquals(List.of("blue", "green", "red"), model.classNames());
        assertEquals(List.of("x", "y", "constant", "noise"), model.inputNames());

        // the target column is ignored, the columns are found by name in another order
        Path rows = Files.writeString(dir.resolve("rows.csv"), "noise,colour,constant,y,x\n0.1,?,7,0,10\n0.2,?,7,8.66,-5\n");
        CommandRun predict = CommandRun.of("predict", "--model", output.resolve("model.zip").toString(), "--csv",
                rows.toString());
        assertEquals(0, predict.status(), predict.err());
        String[] lines = predict.out().strip().split("\n");
        assertEquals(2, lines.length, predict.out());
        assertTrue(lines[0].startsWith(rows + " row 1: red (p "), predict.out());
        assertTrue(lines[1].startsWith(rows + " row 2: green (p "), predict.out());
    }

    @Test
    void aNumericTargetIsARegressionAnsweredInItsOwnUnits(@TempDir Path dir) throws IOException {
        Path table = houses(dir);
        Path output = dir.resolve("out");
        CommandRun run = CommandRun.of("train", "--csv", table.toString(), "--target", "price", "--output",
                output.toString(), "--quiet");
        assertEquals(0, run.status(), run.err());
        Matcher r2 = R2.matcher(run.out());
        assertTrue(r2.find(), run.out());
        assertTrue(Double.parseDouble(r2.group(1)) >= 0.95, run.out());
        Path rows = Files.writeString(dir.resolve("rows.csv"), "size,age\n3,10\n");
        CommandRun predict = CommandRun.of("predict", "--model", output.resolve("model.zip").toString(), "--csv",
                rows.toString());
        assertEquals(0, predict.status(), predict.err());
        // 1000 + 900 − 200 = 1700
        double value = Double.parseDouble(predict.out().strip().substring((rows + " row 1: ").length()));
        assertEquals(1700, value, 40, predict.out());
    }

    /** Penguin-like rows: the species follows the island (text) and a length; some cells missing, quoted, semicolons. */
    private static Path islands(Path dir) throws IOException {
        Random random = new Random(6);
        StringBuilder csv = new StringBuilder("\uFEFF\"island\";\"length\";\"species\"\r\n");
        String[] islands = {"Biscoe", "Dream", "Torgersen"};
        for (int i = 0; i < 240; i++) {
            int c = i % 3;
            String length = i % 17 == 0 ? "NA" : String.format(java.util.Locale.ROOT, "%.2f", 30 + 10 * c
                    + random.nextGaussian());
            String island = i % 23 == 0 ? "" : islands[c];
            csv.append('"').append(island).append("\";").append(length).append(";\"kind ").append((char) ('A' + c))
                    .append("\"\r\n");
        }
        return Files.writeString(dir.resolve("islands.csv"), csv);
    }

    @Test
    void textColumnsAndMissingCellsAreEncodedInsideTheModelAndPredictedByName(@TempDir Path dir) throws IOException {
        Path table = islands(dir);
        Path output = dir.resolve("out");
        CommandRun run = CommandRun.of("train", "--csv", table.toString(), "--target", "species", "--output",
                output.toString(), "--quiet", "--cv", "3");
        assertEquals(0, run.status(), run.err());
        Matcher accuracy = ACCURACY.matcher(run.out());
        assertTrue(accuracy.find(), run.out());
        assertTrue(Double.parseDouble(accuracy.group(1)) >= 0.95, run.out());
        assertTrue(Pattern.compile("cross-validated accuracy: [01]\\.\\d{4} ± 0\\.\\d{4} \\(3 folds\\)\\nheld-out")
                .matcher(run.out()).find(), run.out());
        assertTrue(run.out().contains("refit on all 240 rows"), run.out());
        Network model = Network.load(output.resolve("model.zip"));
        assertEquals(List.of("island", "length"), model.table().orElseThrow().names());

        Path rows = Files.writeString(dir.resolve("rows.csv"), "length,island\n50.1,Torgersen\nNA,Atlantis\n31,\n");
        CommandRun predict = CommandRun.of("predict", "--model", output.resolve("model.zip").toString(), "--csv",
                rows.toString());
        assertEquals(0, predict.status(), predict.err());
        String[] lines = predict.out().strip().split("\n");
        assertEquals(3, lines.length, predict.out());
        assertTrue(lines[0].startsWith(rows + " row 1: kind C (p "), predict.out());
        assertTrue(lines[2].startsWith(rows + " row 3: kind A (p "), predict.out());
        assertTrue(predict.err().contains("\"island\": \"Atlantis\""), predict.err());
        assertTrue(predict.err().contains("\"length\": missing cells filled with"), predict.err());
        assertTrue(!Pattern.compile("row \\d").matcher(predict.err()).find(), predict.err());

        Path absent = Files.writeString(dir.resolve("absent.csv"), "island\nDream\n");
        CommandRun refused = CommandRun.of("predict", "--model", output.resolve("model.zip").toString(), "--csv",
                absent.toString());
        assertEquals(1, refused.status());
        assertTrue(refused.err().contains("no column \"length\""), refused.err());
    }

    @Test
    void aLatin1FileIsRefusedNamingTheLineAndTheWayOut(@TempDir Path dir) throws IOException {
        Path table = Files.write(dir.resolve("latin1.csv"), "name,x\nab,1\ncaf\u00e9,2\n"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        CommandRun run = CommandRun.of("train", "--csv", table.toString(), "--target", "x", "--output",
                dir.resolve("out").toString());
        assertEquals(1, run.status());
        assertTrue(run.err().contains(table + " line 3 column 4: byte 0xE9 is not UTF-8 text; give the file's encoding "
                + "with --encoding"), run.err());
    }
}
