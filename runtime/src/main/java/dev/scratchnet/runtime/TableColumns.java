package dev.scratchnet.runtime;

import dev.scratchnet.runtime.files.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How a model turns a table's cells into its numeric input row, fitted on the training rows and
 * saved in the model file (model.json's {@code "table"}, format version 3):
 * <ul>
 *   <li>a number column gives one input; a missing cell gets the training rows' median;</li>
 *   <li>a text column gives one input per category the training rows held (one-hot, categories in
 *       sorted order); a missing cell gets the most frequent category; a category never seen is all
 *       zeros with a note, or refused, as {@link #unseen()} says;</li>
 *   <li>with a missing indicator, a column also gives one input that is 1 where the cell was missing.</li>
 * </ul>
 * A cell is missing when it is empty or one of {@link #MISSING} (any case). The encoded row is laid
 * out column by column: the value or the one-hot block, then the indicator. Plain arrays only, so
 * the core, the runtime and the server apply the same encoding. Immutable and thread-safe.
 */
public final class TableColumns {

    /** The cells that count as missing, compared without case; the empty cell too. */
    public static final List<String> MISSING = List.of("", "NA", "N/A", "NaN", "?", "null");

    /** The most categories one text column may have: each becomes an input. */
    public static final int MAX_CATEGORIES = 1000;

    /** What an encoding does with a category the training rows never held. */
    public enum Unseen {
        /** All of the column's one-hot inputs 0, with a note once per column. */
        ZEROS,
        /** Refuse the row, naming the column and the categories there are. */
        REFUSE;

        /** The name model.json and the options use: {@code zeros} or {@code refuse}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The value of {@code label}; fails naming the choices. */
        public static Unseen of(String label) {
            for (Unseen unseen : values()) {
                if (unseen.label().equals(label)) {
                    return unseen;
                }
            }
            throw new IllegalArgumentException("unseen categories must be handled as \"zeros\" or \"refuse\", was \""
                    + label + "\"");
        }
    }

    /**
     * One feature column.
     *
     * @param name       its name in the table's header
     * @param text       whether it holds text (one-hot) rather than numbers
     * @param fill       a number column's value for a missing cell (the training median)
     * @param fillText   a text column's category for a missing cell (the most frequent), or null when it has none
     * @param categories a text column's categories, sorted; empty for a number column
     * @param indicator  whether an input says that the cell was missing
     */
    public record Column(String name, boolean text, double fill, String fillText, List<String> categories,
                         boolean indicator) {

        /** Checks the parts; copies the categories. */
        public Column {
            Objects.requireNonNull(name, "a column needs a name");
            categories = List.copyOf(categories);
            if (!text && !categories.isEmpty()) {
                throw new IllegalArgumentException("number column \"" + name + "\" cannot have categories");
            }
            if (!Double.isFinite(fill)) {
                throw new IllegalArgumentException("column \"" + name + "\" fills missing cells with " + fill
                        + "; expected a finite number");
            }
            if (categories.size() > MAX_CATEGORIES) {
                throw new IllegalArgumentException("column \"" + name + "\" holds " + categories.size()
                        + " distinct texts; one-hot encoding makes one input of each, at most " + MAX_CATEGORIES
                        + " (drop the column from the file, or make it a number)");
            }
            if (text && fillText != null && !categories.contains(fillText)) {
                throw new IllegalArgumentException("column \"" + name + "\" fills missing cells with \"" + fillText
                        + "\", which is not one of its categories " + categories);
            }
        }

        /** How many inputs it gives. */
        public int width() {
            return (text ? categories.size() : 1) + (indicator ? 1 : 0);
        }
    }

    private final List<Column> columns;
    private final Unseen unseen;
    private final int width;
    private final Map<String, Integer> positions = new HashMap<>();

    /** Columns in table order, and what to do with an unseen category. */
    public TableColumns(List<Column> columns, Unseen unseen) {
        this.columns = List.copyOf(columns);
        this.unseen = Objects.requireNonNull(unseen, "unseen must not be null");
        if (this.columns.isEmpty()) {
            throw new IllegalArgumentException("a table needs at least one feature column");
        }
        int total = 0;
        for (int i = 0; i < this.columns.size(); i++) {
            if (positions.put(this.columns.get(i).name(), i) != null) {
                throw new IllegalArgumentException("column \"" + this.columns.get(i).name() + "\" is named twice");
            }
            total += this.columns.get(i).width();
        }
        if (total == 0) {
            throw new IllegalArgumentException("the columns " + names() + " give no input: every cell is missing");
        }
        this.width = total;
    }

    /**
     * Fits the encoding on training rows: a column is text when one of its present cells is not a
     * finite number. {@code rows} hold one cell per name, in the same order.
     *
     * @param indicators whether a column with a missing cell among {@code rows} gets a missing indicator
     */
    public static TableColumns fit(List<String> names, List<String[]> rows, boolean indicators, Unseen unseen) {
        List<Column> columns = new ArrayList<>();
        for (int c = 0; c < names.size(); c++) {
            List<String> present = new ArrayList<>();
            for (String[] row : rows) {
                if (!isMissing(row[c])) {
                    present.add(row[c].strip());
                }
            }
            boolean missing = present.size() < rows.size();
            boolean text = present.stream().anyMatch(cell -> !Double.isFinite(number(cell)));
            if (text) {
                TreeMap<String, Integer> counts = new TreeMap<>();
                present.forEach(cell -> counts.merge(cell, 1, Integer::sum));
                String most = null;
                for (Map.Entry<String, Integer> entry : counts.entrySet()) {
                    most = most == null || entry.getValue() > counts.get(most) ? entry.getKey() : most;
                }
                columns.add(new Column(names.get(c), true, 0, most, List.copyOf(counts.keySet()),
                        indicators && missing));
            } else {
                double[] values = present.stream().mapToDouble(TableColumns::number).sorted().toArray();
                columns.add(new Column(names.get(c), false, median(values), null, List.of(), indicators && missing));
            }
        }
        return new TableColumns(columns, unseen);
    }

    /** Whether {@code cell} counts as missing: null, empty, or one of {@link #MISSING} in any case. */
    public static boolean isMissing(String cell) {
        if (cell == null) {
            return true;
        }
        String stripped = cell.strip();
        for (String token : MISSING) {
            if (token.equalsIgnoreCase(stripped)) {
                return true;
            }
        }
        return false;
    }

    /** Whether every column is a number column without an indicator: the encoding only fills in cells. */
    public boolean numbersOnly() {
        return columns.stream().noneMatch(column -> column.text() || column.indicator());
    }

    /** The feature columns, in table order. */
    public List<Column> columns() {
        return columns;
    }

    /** The feature columns' names, in table order. */
    public List<String> names() {
        return columns.stream().map(Column::name).toList();
    }

    /** What happens to a category the training rows never held. */
    public Unseen unseen() {
        return unseen;
    }

    /** How many numbers an encoded row holds: the network's input width. */
    public int width() {
        return width;
    }

    /**
     * One name per encoded input: a number column's name, {@code name=category} for each one-hot
     * input, {@code name missing} for an indicator.
     */
    public List<String> encodedNames() {
        List<String> names = new ArrayList<>();
        for (Column column : columns) {
            if (column.text()) {
                column.categories().forEach(category -> names.add(column.name() + "=" + category));
            } else {
                names.add(column.name());
            }
            if (column.indicator()) {
                names.add(column.name() + " missing");
            }
        }
        return List.copyOf(names);
    }

    /**
     * The encoded row for {@code cells}, one per column in table order (null or a {@link #MISSING}
     * token for a missing cell); a new array of {@link #width()} numbers.
     *
     * @throws IllegalArgumentException when a number column holds text, or an unseen category is refused
     */
    public double[] encode(String[] cells, TableNotes notes) {
        Objects.requireNonNull(cells, "cells must not be null");
        if (cells.length != columns.size()) {
            throw new IllegalArgumentException("a row needs " + columns.size() + " cells, one for each of " + names()
                    + ", was " + cells.length);
        }
        double[] row = new double[width];
        int at = 0;
        for (int c = 0; c < columns.size(); c++) {
            at = encode(columns.get(c), cells[c], row, at, notes);
        }
        return row;
    }

    /**
     * The encoded row for a row given by column name: a value is a number, a text, or null for a
     * missing cell; names the model does not use are ignored.
     *
     * @throws IllegalArgumentException when a column is absent (only cells are filled in, never a
     *                                  whole column), or as {@link #encode(String[], TableNotes)}
     */
    public double[] encode(Map<String, ?> values, TableNotes notes) {
        Objects.requireNonNull(values, "row must not be null");
        String[] cells = new String[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            String name = columns.get(c).name();
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("the row has no column \"" + name + "\"; the model takes "
                        + names() + " (a missing value is null or \"\", but the column must be there)");
            }
            Object value = values.get(name);
            if (value != null && !(value instanceof String || value instanceof Number)) {
                throw new IllegalArgumentException("column \"" + name + "\" must be a number, a text or null, was "
                        + value);
            }
            cells[c] = value == null ? null : value instanceof Double || value instanceof Float
                    ? Double.toString(((Number) value).doubleValue()) : value.toString();
        }
        return encode(cells, notes);
    }

    /**
     * A row given by column name read as the numbers of {@code names}, in order, for a model without
     * a table encoding: every column must be there and hold a finite number (nothing is filled in).
     */
    public static double[] numbers(List<String> names, Map<String, ?> values) {
        Objects.requireNonNull(values, "row must not be null");
        double[] row = new double[names.size()];
        for (int c = 0; c < names.size(); c++) {
            String name = names.get(c);
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("the row has no column \"" + name + "\"; the model takes " + names);
            }
            Object value = values.get(name);
            row[c] = value instanceof Number number ? number.doubleValue()
                    : value instanceof String text ? number(text.strip()) : Double.NaN;
            if (!Double.isFinite(row[c])) {
                throw new IllegalArgumentException("column \"" + name + "\" must be a finite number, was " + value
                        + (isMissing(value == null ? null : value.toString()) ? "; this model was trained without "
                        + "missing cells and fills none in" : ""));
            }
        }
        return row;
    }

    private int encode(Column column, String cell, double[] row, int at, TableNotes notes) {
        boolean missing = isMissing(cell);
        if (!column.text()) {
            double value = missing ? column.fill() : number(cell.strip());
            if (!missing && !Double.isFinite(value)) {
                throw new IllegalArgumentException("column \"" + column.name() + "\" holds numbers in this model, "
                        + "was \"" + cell.strip() + "\"");
            }
            if (missing) {
                notes.once("missing", column.name(), "column \"" + column.name() + "\": missing cells filled with "
                        + format(column.fill()) + ", the training rows' median");
            }
            row[at++] = value;
        } else {
            String category = missing ? column.fillText() : cell.strip();
            if (missing) {
                notes.once("missing", column.name(), "column \"" + column.name() + "\": missing cells filled with \""
                        + column.fillText() + "\", the training rows' most frequent category");
            }
            int index = category == null ? -1 : column.categories().indexOf(category);
            if (index < 0 && !missing) {
                if (unseen == Unseen.REFUSE) {
                    throw new IllegalArgumentException("column \"" + column.name() + "\" holds \"" + category
                            + "\", a category the training rows did not hold; the model knows "
                            + column.categories());
                }
                notes.once("unseen", column.name(), "column \"" + column.name() + "\": \"" + category + "\" (and any "
                        + "other category the training rows did not hold) is encoded as all zeros; the model knows "
                        + column.categories());
            }
            if (index >= 0) {
                row[at + index] = 1;
            }
            at += column.categories().size();
        }
        if (column.indicator()) {
            row[at++] = missing ? 1 : 0;
        }
        return at;
    }

    /** The median of sorted {@code values} (the mean of the middle two for an even count), 0 for none. */
    private static double median(double[] values) {
        if (values.length == 0) {
            return 0;
        }
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    /** {@code cell} as a finite number, or NaN when it is not one. */
    private static double number(String cell) {
        try {
            double value = Double.parseDouble(cell);
            return Double.isFinite(value) ? value : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** A fill value as people write it: {@code 3} rather than {@code 3.0}. */
    static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : Double.toString(value);
    }

    /** Lines for a summary: one per column, its kind, fill and categories. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        for (Column column : columns) {
            text.append("  ").append(column.name()).append(": ");
            if (column.text()) {
                text.append("text, one-hot over ").append(column.categories()).append(", missing → \"")
                        .append(column.fillText()).append('"');
            } else {
                text.append("number, missing → ").append(format(column.fill())).append(" (median)");
            }
            text.append(column.indicator() ? ", with a missing indicator" : "").append('\n');
        }
        text.append("  unseen categories: ").append(unseen.label()).append('\n');
        return text.toString();
    }

    /** The JSON object model.json stores under {@code "table"}. */
    public String toJson() {
        StringBuilder json = new StringBuilder("{\"unseenCategories\": ").append(quote(unseen.label()))
                .append(", \"columns\": [");
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            json.append(i == 0 ? "" : ", ").append("{\"name\": ").append(quote(column.name()))
                    .append(", \"kind\": ").append(quote(column.text() ? "text" : "number"));
            if (column.text()) {
                json.append(", \"categories\": [");
                for (int k = 0; k < column.categories().size(); k++) {
                    json.append(k == 0 ? "" : ", ").append(quote(column.categories().get(k)));
                }
                json.append("], \"fill\": ").append(column.fillText() == null ? "null" : quote(column.fillText()));
            } else {
                json.append(", \"fill\": ").append(column.fill());
            }
            json.append(", \"missingIndicator\": ").append(column.indicator()).append('}');
        }
        return json.append("]}").toString();
    }

    /** The columns {@link #toJson()} wrote; fails naming what is wrong. */
    public static TableColumns parse(String json) throws IOException {
        return fromJson(Json.parse(json));
    }

    /** The columns in model.json's parsed {@code "table"} object (maps, lists, strings, numbers, booleans). */
    public static TableColumns fromJson(Object json) throws IOException {
        if (!(json instanceof Map<?, ?> table) || !(table.get("columns") instanceof List<?> list)
                || !(table.get("unseenCategories") instanceof String unseen)) {
            throw new IOException("model.json \"table\" must be an object with \"unseenCategories\" and a \"columns\" "
                    + "array, was " + json);
        }
        try {
            List<Column> columns = new ArrayList<>();
            for (Object item : list) {
                columns.add(column(item));
            }
            return new TableColumns(columns, Unseen.of(unseen));
        } catch (IllegalArgumentException e) {
            throw new IOException("model.json \"table\": " + e.getMessage(), e);
        }
    }

    private static Column column(Object item) throws IOException {
        if (!(item instanceof Map<?, ?> column) || !(column.get("name") instanceof String name)
                || !(column.get("missingIndicator") instanceof Boolean indicator)) {
            throw new IOException("model.json \"table\" columns need a \"name\" and a \"missingIndicator\", found "
                    + item);
        }
        Object kind = column.get("kind");
        Object fill = column.get("fill");
        if ("number".equals(kind) && fill instanceof Number value) {
            return new Column(name, false, value.doubleValue(), null, List.of(), indicator);
        }
        if ("text".equals(kind) && column.get("categories") instanceof List<?> categories
                && (fill == null || fill instanceof String)) {
            List<String> names = new ArrayList<>();
            for (Object category : categories) {
                if (!(category instanceof String text)) {
                    throw new IOException("model.json \"table\" column \"" + name + "\" categories must be strings, "
                            + "found " + category);
                }
                names.add(text);
            }
            return new Column(name, true, 0, (String) fill, names, indicator);
        }
        throw new IOException("model.json \"table\" column \"" + name + "\" must be of kind \"number\" with a numeric "
                + "\"fill\", or \"text\" with \"categories\", was " + item);
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> quoted.append(c < 0x20 ? String.format(Locale.ROOT, "\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return quoted.append('"').toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TableColumns that && columns.equals(that.columns) && unseen == that.unseen;
    }

    @Override
    public int hashCode() {
        return Objects.hash(columns, unseen);
    }

    @Override
    public String toString() {
        return "TableColumns" + Arrays.toString(names().toArray()) + " → " + width + " inputs";
    }
}
