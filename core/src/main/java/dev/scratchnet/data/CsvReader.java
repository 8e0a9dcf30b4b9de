package dev.scratchnet.data;

import dev.scratchnet.DataSet;
import dev.scratchnet.internal.Limits;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Reads a CSV file of numbers, one example per line, one column holding the class label.
 * <ul>
 *   <li>Fields are separated by commas; spaces around a field are ignored; blank lines are skipped.</li>
 *   <li>The first line is a header, and skipped, when one of its fields is not a number.</li>
 *   <li>Every other field must be a finite number, and every line must have as many fields as the first.</li>
 *   <li>The label column ({@code 0}-based; negative counts from the end, {@code -1} being the last)
 *       must hold whole numbers ≥ 0 ({@code 3} or {@code 3.0}); they become one-hot targets over
 *       {@code max(label) + 1} classes (at least 2). The other columns become float32 features, in file order.</li>
 * </ul>
 * Problems with the file are {@link IOException}s naming the file, the line (counting from 1, as
 * {@link Lines} does) and the column (counting from 0, as {@code labelColumn} does). Lines are at
 * most {@link Limits#maxCsvLineChars()} characters, labels below {@link Limits#maxClasses()}, and
 * only regular files are read.
 */
public final class CsvReader {

    private CsvReader() {
    }

    /** The examples of {@code file}, features {@code [n, columns - 1]} and one-hot targets. */
    public static DataSet read(Path file, int labelColumn) throws IOException {
        Lines lines;
        try {
            lines = Lines.open(file, "CSV file");
        } catch (NoSuchFileException e) {
            throw new IOException("CSV file " + file + " does not exist", e);
        }
        try (lines) {
            return parse(file, lines, labelColumn);
        }
    }

    private static DataSet parse(Path file, Lines reader, int labelColumn) throws IOException {
        int columns = -1;
        int label = -1;
        float[] features = new float[1024];
        int[] labels = new int[64];
        int rows = 0;
        int lineNumber;
        int firstLine = 0;
        String line;
        while ((line = reader.next()) != null) {
            lineNumber = reader.number();
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split(",", -1);
            if (columns < 0) {
                columns = fields.length;
                firstLine = lineNumber;
                label = labelIndex(file, labelColumn, columns);
                if (!allNumbers(fields)) {
                    continue; // a header
                }
            } else if (fields.length != columns) {
                throw new IOException(file + " line " + lineNumber + " has " + fields.length
                        + " fields; expected " + columns + " as on line " + firstLine);
            }
            if ((long) (rows + 1) * (columns - 1) > Integer.MAX_VALUE - 8) {
                throw new IOException(file + " holds more values than fit in one array (line " + lineNumber + ")");
            }
            features = grow(features, (rows + 1) * (columns - 1));
            labels = grow(labels, rows + 1);
            int at = rows * (columns - 1);
            for (int column = 0; column < columns; column++) {
                double value = number(file, lineNumber, column, fields[column]);
                if (column == label) {
                    labels[rows] = classOf(file, lineNumber, column, value, fields[column].trim());
                } else {
                    features[at++] = (float) value;
                }
            }
            rows++;
        }
        if (rows == 0) {
            throw new IOException(file + " holds no rows of numbers; expected at least one after the optional header");
        }
        // at least two classes, so that a file holding only label 0 still gives two-column one-hot targets
        int numClasses = Math.max(2, Arrays.stream(labels, 0, rows).max().orElseThrow() + 1);
        if ((long) rows * numClasses > Integer.MAX_VALUE - 8) {
            throw new IOException(file + ": the largest label, " + (numClasses - 1) + ", asks for " + numClasses
                    + " classes, too many one-hot targets for " + rows + " rows");
        }
        float[] matrix = Arrays.copyOf(features, rows * (columns - 1));
        return DataSet.ofClasses(Nd4j.create(matrix, new long[] {rows, columns - 1}, 'c'),
                Arrays.copyOf(labels, rows), numClasses);
    }

    /** The 0-based index of the label column among {@code columns}, with negative indexes counted from the end. */
    private static int labelIndex(Path file, int labelColumn, int columns) throws IOException {
        if (columns < 2) {
            throw new IOException(file + " has " + columns + " column per line; expected at least 2 (features and a label)");
        }
        int index = labelColumn < 0 ? columns + labelColumn : labelColumn;
        if (index < 0 || index >= columns) {
            throw new IllegalArgumentException("labelColumn must be in [" + -columns + ", " + (columns - 1)
                    + "] for the " + columns + " columns of " + file + ", was " + labelColumn);
        }
        return index;
    }

    private static boolean allNumbers(String[] fields) {
        for (String field : fields) {
            try {
                Double.parseDouble(field.trim());
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return true;
    }

    private static double number(Path file, int lineNumber, int column, String field) throws IOException {
        double value;
        try {
            value = Double.parseDouble(field.trim());
        } catch (NumberFormatException e) {
            throw new IOException(file + " line " + lineNumber + " column " + column + ": expected a number, found \""
                    + field.trim() + "\"", e);
        }
        if (!Double.isFinite(value)) {
            throw new IOException(file + " line " + lineNumber + " column " + column
                    + ": expected a finite number, found " + field.trim());
        }
        return value;
    }

    private static int classOf(Path file, int lineNumber, int column, double value, String field) throws IOException {
        if (value < 0 || value != Math.rint(value) || value > Integer.MAX_VALUE - 1) {
            throw new IOException(file + " line " + lineNumber + " column " + column
                    + " (the label): expected a whole number >= 0, found " + field);
        }
        try {
            Limits.requireClasses("label " + field, (long) value + 1);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + " line " + lineNumber + " column " + column + " (the label): "
                    + e.getMessage(), e);
        }
        return (int) value;
    }

    private static float[] grow(float[] array, int needed) {
        return needed <= array.length ? array : Arrays.copyOf(array, Math.max(needed, array.length * 2));
    }

    private static int[] grow(int[] array, int needed) {
        return needed <= array.length ? array : Arrays.copyOf(array, Math.max(needed, array.length * 2));
    }
}
