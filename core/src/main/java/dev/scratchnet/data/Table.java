package dev.scratchnet.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A comma-separated table with a header line that names its columns, read as text cells: each data
 * row must have as many cells as the header, and blank lines are skipped. Lines are numbered as the
 * file numbers them (from 1, the header included), so messages point at the line a person sees;
 * {@link Lines} caps their length and reads only regular files. Cells are trimmed; quotes are not
 * interpreted (a cell holding a comma is not supported).
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

    /** Reads {@code file}: the header, then every data row. */
    public static Table read(Path file) throws IOException {
        List<String[]> rows = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        List<String> header = null;
        try (Lines lines = Lines.open(file, "CSV table")) {
            for (String text = lines.next(); text != null; text = lines.next()) {
                if (text.isBlank()) {
                    continue;
                }
                String[] cells = text.split(",", -1);
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = cells[i].strip();
                }
                if (header == null) {
                    header = List.of(cells);
                    requireNamedColumns(file, header, lines.number());
                    continue;
                }
                if (cells.length != header.size()) {
                    throw new IllegalArgumentException(file + " line " + lines.number() + " has " + cells.length
                            + " cells but the header names " + header.size() + " columns");
                }
                rows.add(cells);
                lineNumbers.add(lines.number());
            }
        }
        if (header == null || rows.isEmpty()) {
            throw new IllegalArgumentException(file + " needs a header line naming the columns and at least one data"
                    + " row; it has " + (header == null ? "neither" : "no data row"));
        }
        return new Table(file, header, Collections.unmodifiableList(rows),
                lineNumbers.stream().mapToInt(Integer::intValue).toArray());
    }

    private static void requireNamedColumns(Path file, List<String> header, int line) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).isEmpty()) {
                throw new IllegalArgumentException(file + " line " + line + " (the header) leaves column " + (i + 1)
                        + " without a name");
            }
            if (header.indexOf(header.get(i)) != i) {
                throw new IllegalArgumentException(file + " line " + line + " (the header) names column \""
                        + header.get(i) + "\" twice");
            }
        }
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
