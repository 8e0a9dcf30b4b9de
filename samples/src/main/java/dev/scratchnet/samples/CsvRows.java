package dev.scratchnet.samples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows of numbers from a comma-separated file, one model input per row. Blank lines are skipped,
 * and so is a first line that is not all numbers (a header).
 */
final class CsvRows {

    private CsvRows() {
    }

    /** Every row as {@code width} numbers; a row of another width or a non-number fails, naming its line. */
    static double[][] read(Path file, int width) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no such CSV file");
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<double[]> rows = new ArrayList<>();
        for (int index = 0; index < lines.size(); index++) {
            String line = lines.get(index).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            double[] row = new double[cells.length];
            try {
                for (int i = 0; i < cells.length; i++) {
                    row[i] = Double.parseDouble(cells[i].strip());
                }
            } catch (NumberFormatException e) {
                if (rows.isEmpty() && index == firstNonBlank(lines)) {
                    continue;
                }
                throw new IOException(file + " line " + (index + 1) + ": expected numbers separated by commas, was '"
                        + line + "'");
            }
            if (row.length != width) {
                throw new IOException(file + " line " + (index + 1) + ": the model takes " + width
                        + " numbers per row, this row has " + row.length);
            }
            rows.add(row);
        }
        if (rows.isEmpty()) {
            throw new IOException(file + ": no rows of numbers found");
        }
        return rows.toArray(double[][]::new);
    }

    private static int firstNonBlank(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                return i;
            }
        }
        return -1;
    }
}
