package dev.scratchnet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scratchnet.runtime.TableColumns;
import dev.scratchnet.runtime.TableNotes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;

/** A CSV source fits what the in-memory table path fits on the same rows, and reads its rows encoded the same. */
class CsvSourceTest {

    private static final List<String> NAMES = List.of("size", "colour", "weight", "count");
    private static final String[] COLOURS = {"red", "green", "blue", "NA", "teal"};

    /** Rows of: a number, a text with missing cells, a number with missing cells (negative, zeros), whole numbers; a class. */
    private static List<String[]> rows(int n, long seed) {
        Random random = new Random(seed);
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String weight = random.nextInt(10) == 0 ? "" : random.nextInt(7) == 0 ? "-0.0"
                    : Double.toString(Math.round(random.nextGaussian() * 1000) / 100.0);
            rows.add(new String[] {Double.toString(random.nextDouble() * 50), COLOURS[random.nextInt(COLOURS.length)],
                    weight, Integer.toString(random.nextInt(5)), random.nextBoolean() ? "yes" : "no"});
        }
        return rows;
    }

    private static Path write(Path dir, List<String[]> rows) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(String.join(",", NAMES) + ",label");
        rows.forEach(row -> lines.add(String.join(",", row)));
        return Files.write(dir.resolve("table.csv"), lines);
    }

    private static List<String[]> features(List<String[]> rows) {
        return rows.stream().map(row -> java.util.Arrays.copyOf(row, 4)).toList();
    }

    @Test
    void theEncodingScalersAndRowsAreThoseOfTheInMemoryPath(@TempDir Path dir) throws IOException {
        List<String[]> rows = rows(3001, 1);
        try (CsvSource source = DataSource.csv(write(dir, rows), "label",
                CsvSource.Options.defaults().withIndicators(true).withCacheDirectory(dir))) {
            TableColumns expected = TableColumns.fit(NAMES, features(rows), true, TableColumns.Unseen.ZEROS);
            double[][] encoded = features(rows).stream().map(row -> expected.encode(row, TableNotes.NONE))
                    .toArray(double[][]::new);
            Scaler scaler = Scaler.standardize(Nd4j.createFromArray(encoded));

            assertEquals(expected, source.table());
            assertArrayEquals(scaler.shift(), source.scaler().shift(), 0.0);
            assertArrayEquals(scaler.scale(), source.scaler().scale(), 0.0);
            assertEquals(List.of("no", "yes"), source.classNames());
            assertEquals(3001, source.rows());
            assertArrayEquals(encoded, features(source), "rows in file order, encoded the same");
        }
    }

    /** Every row of every block, in order. */
    private static double[][] features(DataSource source) throws IOException {
        List<double[]> all = new ArrayList<>();
        for (int block = 0; block < source.blocks(); block++) {
            try (DataSource.Rows rows = source.read(block)) {
                for (DataSet batch = rows.next(1000); batch != null; batch = rows.next(1000)) {
                    all.addAll(List.of(dev.scratchnet.internal.JavaRows.doubles(batch.features())));
                }
            }
        }
        return all.toArray(double[][]::new);
    }

    @Test
    void heldOutRowsAreLeftOutOfTheFittingAndReadApart(@TempDir Path dir) throws IOException {
        List<String[]> rows = rows(4000, 2);
        try (CsvSource source = DataSource.csv(write(dir, rows), "label",
                CsvSource.Options.defaults().withHoldOut(0.25, 7))) {
            List<String[]> kept = new ArrayList<>();
            List<String[]> held = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                (new HoldOut(0.25, 7).held(-1, i) ? held : kept).add(rows.get(i));
            }
            TableColumns expected = TableColumns.fit(NAMES, features(kept), false, TableColumns.Unseen.ZEROS);

            assertEquals(expected, source.table());
            assertEquals(kept.size(), source.rows());
            assertEquals(held.size(), source.heldOutRows());
            assertEquals(1000, held.size(), 120);
            assertArrayEquals(features(held).stream().map(row -> expected.encode(row, TableNotes.NONE))
                    .toArray(double[][]::new), features(source.heldOut()));

            CsvSource all = source.withoutHoldOut();
            TableColumns refitted = TableColumns.fit(NAMES, features(rows), false, TableColumns.Unseen.ZEROS);
            double[][] encoded = features(rows).stream().map(row -> refitted.encode(row, TableNotes.NONE))
                    .toArray(double[][]::new);
            assertEquals(refitted, all.table(), "the refit on every row, from the same cache");
            assertArrayEquals(Scaler.standardize(Nd4j.createFromArray(encoded)).scale(), all.scaler().scale(), 0.0);
            assertEquals(rows.size(), all.rows());
        }
    }

    @Test
    void aRegressionTargetGetsItsScalerAndNumbersOfFewValuesAreClasses(@TempDir Path dir) throws IOException {
        List<String[]> rows = rows(500, 3);
        List<String> lines = new ArrayList<>(List.of("size,count,price"));
        rows.forEach(row -> lines.add(row[0] + "," + row[3] + "," + row[2].replace("", "")));
        Path file = Files.write(dir.resolve("prices.csv"), lines);
        try (CsvSource byCount = DataSource.csv(file, "count")) {
            assertEquals(List.of("0", "1", "2", "3", "4"), byCount.classNames());
            assertFalse(byCount.targetScaler().isPresent());
        }
        try (CsvSource byPrice = DataSource.csv(file, "price")) {
            double[] prices = rows.stream().map(row -> row[2]).filter(cell -> !cell.isEmpty())
                    .mapToDouble(Double::parseDouble).toArray();
            Scaler expected = Scaler.standardize(Nd4j.createFromArray(prices).reshape(prices.length, 1));
            assertTrue(byPrice.classNames().isEmpty());
            assertEquals(rows.size() - prices.length, byPrice.droppedRows(), "rows without a target left out");
            assertArrayEquals(expected.shift(), byPrice.targetScaler().orElseThrow().shift(), 0.0);
            assertArrayEquals(expected.scale(), byPrice.targetScaler().orElseThrow().scale(), 0.0);
        }
    }

    @Test
    void mediansAreExactForManyValuesEvenAndOddCounts(@TempDir Path dir) throws IOException {
        Random random = new Random(5);
        for (int n : new int[] {1, 2, 9, 10, 4000}) {
            List<String> lines = new ArrayList<>(List.of("x,y"));
            List<String[]> cells = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String x = random.nextInt(5) == 0 ? "NA" : Double.toString(random.nextGaussian() * Math.pow(10,
                        random.nextInt(12) - 6));
                lines.add(x + "," + (i % 2));
                cells.add(new String[] {x});
            }
            Path file = Files.write(dir.resolve("m" + n + ".csv"), lines);
            try (CsvSource source = DataSource.csv(file, "y", CsvSource.Options.defaults().withTask("regression"))) {
                assertEquals(TableColumns.fit(List.of("x"), cells, false, TableColumns.Unseen.ZEROS), source.table(),
                        n + " rows");
            }
        }
    }

    @Test
    void badInputIsRefusedWithWhatWasExpectedAndTheLine(@TempDir Path dir) throws IOException {
        Path noTarget = Files.write(dir.resolve("a.csv"), List.of("x,y", "1,2"));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> DataSource.csv(noTarget, "label"));
        assertTrue(missing.getMessage().contains("has no column \"label\"; its columns are x, y"), missing.getMessage());

        Path ragged = Files.write(dir.resolve("b.csv"), List.of("x,y", "1,0", "2,1", "3,1,4"));
        IllegalArgumentException cells = assertThrows(IllegalArgumentException.class,
                () -> DataSource.csv(ragged, "y"));
        assertTrue(cells.getMessage().contains("line 4"), cells.getMessage());

        Path huge = Files.write(dir.resolve("c.csv"), List.of("x,y", "1,0", "1e300,1"));
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class, () -> DataSource.csv(huge, "y"));
        assertTrue(range.getMessage().contains("line 3 column 1 (\"x\") is 1.0E300, beyond the range of the float32"),
                range.getMessage());

        Path oneClass = Files.write(dir.resolve("d.csv"), List.of("x,y", "1,a", "2,a"));
        IllegalArgumentException classes = assertThrows(IllegalArgumentException.class,
                () -> DataSource.csv(oneClass, "y"));
        assertTrue(classes.getMessage().contains("holds one class only ([a])"), classes.getMessage());

        assertThrows(java.io.UncheckedIOException.class, () -> DataSource.csv(dir.resolve("none.csv"), "y"));
    }
}
