package dev.scratchnet.samples;

import dev.scratchnet.data.Lines;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows of numbers from a comma-separated file, one model input per row. Blank lines are skipped,
 * and so is a first line that is not all numbers (a header). Lines are numbered as the file
 * numbers them (see {@link Lines}, which also caps their length and reads only regular files).
 *
 * @param values one array of numbers per row
 * @param lines  the line each row came from, counting from 1
 */
record CsvRows(double[][] values, int[] lines) {

    /** Every row as {@code width} finite numbers; a row of another width or a non-number fails, naming its line. */
    static CsvRows read(Path file, int width) throws IOException {
        List<double[]> rows = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        boolean seenText = false;
        try (Lines lines = open(file)) {
            for (String text = lines.next(); text != null; text = lines.next()) {
                String line = text.strip();
                if (line.isEmpty()) {
                    continue;
                }
                boolean first = !seenText;
                seenText = true;
                double[] row = parse(file, lines.number(), line, first);
                if (row == null) {
                    continue; // a header
                }
                if (row.length != width) {
                    throw new IOException(file + " line " + lines.number() + ": the model takes " + width
                            + " numbers per row, this row has " + row.length);
                }
                rows.add(row);
                lineNumbers.add(lines.number());
            }
        }
        if (rows.isEmpty()) {
            throw new IOException(file + ": no rows of numbers found");
        }
        return new CsvRows(rows.toArray(double[][]::new), lineNumbers.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The line {@code number} of a row, for a row index counted from 0 in file order. */
    int line(int row) {
        return lines[row];
    }

    private static Lines open(Path file) throws IOException {
        try {
            return Lines.open(file, "CSV file");
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": no such CSV file", e);
        }
    }

    /** The numbers of {@code line}, or null when it is the first line and not all numbers (a header). */
    private static double[] parse(Path file, int number, String line, boolean first) throws IOException {
        String[] cells = line.split(",", -1);
        double[] row = new double[cells.length];
        for (int i = 0; i < cells.length; i++) {
            try {
                row[i] = Double.parseDouble(cells[i].strip());
            } catch (NumberFormatException e) {
                if (first) {
                    return null;
                }
                throw new IOException(file + " line " + number + ": expected numbers separated by commas, was '"
                        + abbreviated(line) + "'");
            }
            if (!Double.isFinite(row[i])) {
                throw new IOException(file + " line " + number + " column " + i + ": expected a finite number, found "
                        + cells[i].strip());
            }
        }
        return row;
    }

    /** The line itself when short, else its start: a message should not repeat a megabyte of numbers. */
    private static String abbreviated(String line) {
        return line.length() <= 200 ? line : line.substring(0, 200) + "…";
    }
}
