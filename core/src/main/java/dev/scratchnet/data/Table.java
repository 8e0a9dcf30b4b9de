package dev.scratchnet.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A CSV table with a header line that names its columns, read whole as text cells through
 * {@link TableReader} (RFC 4180 quotes, a byte-order mark, the separator detected or given, the
 * encoding given): each data row must have as many cells as the header, and blank lines are
 * skipped. Lines are numbered as the file numbers them (from 1, the header included), so messages
 * point at the line a person sees. Cells are trimmed.
 */
public final class Table {

    private final Path file;
    private final List<String> columnNames;
    private final List<String[]> rows;
    private final int[] lines;

    private Table(Path file, List<String> columnNames, List<String[]> rows, int[] lines) {
        this.file = file;
        this.columnNames = columnNames;
        this.rows = rows;
        this.lines = lines;
    }

    /** Reads {@code file} in the {@link CsvFormat#DEFAULT} format: the header, then every data row. */
    public static Table read(Path file) throws IOException {
        return read(file, CsvFormat.DEFAULT);
    }

    /** Reads {@code file}, written in {@code format}: the header, then every data row. */
    public static Table read(Path file, CsvFormat format) throws IOException {
        List<String[]> rows = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        List<String> header;
        try (TableReader reader = TableReader.open(file, format)) {
            header = reader.columnNames();
            for (String[] cells = reader.next(); cells != null; cells = reader.next()) {
                rows.add(cells);
                lineNumbers.add((int) Math.min(Integer.MAX_VALUE, reader.line()));
            }
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(file + " needs a header line naming the columns and at least one data"
                    + " row; it has no data row");
        }
        return new Table(file, header, Collections.unmodifiableList(rows),
                lineNumbers.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The file it was read from. */
    public Path file() {
        return file;
    }

    /** The header's names, in column order. */
    public List<String> columnNames() {
        return columnNames;
    }

    /** How many data rows it has. */
    public int size() {
        return rows.size();
    }

    /** The index of column {@code name}; fails naming the columns there are. */
    public int column(String name) {
        int index = columnNames.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException(file + " has no column \"" + name + "\"; its columns are "
                    + String.join(", ", columnNames));
        }
        return index;
    }

    /** The text of data row {@code row} (from 0), column {@code column}. */
    public String cell(int row, int column) {
        return rows.get(row)[column];
    }

    /** The file's line number of data row {@code row} (from 0). */
    public int line(int row) {
        return lines[row];
    }

    /**
     * Data row {@code row}, column {@code column}, as a finite number; an empty cell, {@code NA} or
     * text is refused naming the file, line and column.
     */
    public double number(int row, int column) {
        String text = cell(row, column);
        String where = file + " line " + line(row) + " column " + (column + 1) + " (\"" + columnNames.get(column) + "\")";
        if (text.isEmpty() || text.equalsIgnoreCase("NA") || text.equalsIgnoreCase("NaN")) {
            throw new IllegalArgumentException(where + " is missing (\"" + text + "\"); fill it in or drop the row");
        }
        try {
            double value = Double.parseDouble(text);
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException(where + " is \"" + text + "\" but a feature must be a finite number");
    }
}
