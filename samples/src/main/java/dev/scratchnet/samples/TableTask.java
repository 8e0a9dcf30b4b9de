package dev.scratchnet.samples;

import dev.scratchnet.DataSet;
import dev.scratchnet.data.Table;
import dev.scratchnet.runtime.TableColumns;
import dev.scratchnet.runtime.TableNotes;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A table turned into a learning task: every column but the target is a feature (numbers, or text
 * that the model encodes one-hot; missing cells are filled in by the model); the target holds class
 * names (text), class numbers (few whole numbers) or real values. Numbers count as classes when they
 * are whole and at most {@link #MAX_NUMBERED_CLASSES} distinct values, unless the task is given.
 * Rows whose target is missing are left out. The feature cells stay text until a
 * {@link TableColumns} fitted on some rows encodes them ({@link #data}), so that nothing of the
 * held-out rows leaks into the encoding.
 *
 * @param cells          the feature cells of each kept row, in {@code featureNames} order
 * @param featureNames   the feature columns' names, in file order
 * @param labels         each kept row's class index, or null for regression
 * @param values         each kept row's target value, or null for classification
 * @param classNames     the classes' names (sorted; numbers in numeric order), or empty for regression
 * @param needsTable     whether a feature column holds text or a cell is missing, so that the model
 *                       must carry its {@link TableColumns}; otherwise it is saved as before
 * @param droppedRows    how many rows were left out for a missing target
 */
record TableTask(List<String[]> cells, List<String> featureNames, int[] labels, double[] values,
                 List<String> classNames, boolean needsTable, int droppedRows) {

    /** Whole-number targets with more distinct values than this are a regression unless {@code --task} says otherwise. */
    static final int MAX_NUMBERED_CLASSES = 20;

    /** The task in {@code table} with target column {@code target}; {@code task} is null, "classification" or "regression". */
    static TableTask of(Table table, String target, String task) {
        int targetColumn = table.column(target);
        List<String> featureNames = new ArrayList<>(table.columnNames());
        featureNames.remove(targetColumn);
        if (featureNames.isEmpty()) {
            throw new IllegalArgumentException(table.file() + " has only the target column \"" + target
                    + "\"; a model needs at least one feature column");
        }
        List<Integer> kept = new ArrayList<>();
        for (int row = 0; row < table.size(); row++) {
            if (!TableColumns.isMissing(table.cell(row, targetColumn))) {
                kept.add(row);
            }
        }
        if (kept.isEmpty()) {
            throw new IllegalArgumentException(table.file() + ": every row's target \"" + target + "\" is missing");
        }
        List<String[]> cells = new ArrayList<>();
        boolean needsTable = false;
        for (int row : kept) {
            String[] features = new String[featureNames.size()];
            for (int column = 0, feature = 0; column < table.columnNames().size(); column++) {
                if (column != targetColumn) {
                    features[feature] = table.cell(row, column);
                    needsTable |= !isNumber(features[feature]);
                    feature++;
                }
            }
            cells.add(features);
        }
        int dropped = table.size() - kept.size();
        boolean numeric = firstText(table, targetColumn, kept) < 0;
        boolean classification = task != null ? task.equals("classification")
                : !numeric || fewWholeNumbers(table, targetColumn, kept);
        if (!classification) {
            if (!numeric) {
                throw new IllegalArgumentException("--task regression needs numbers in \"" + target + "\", but "
                        + table.file() + " line " + firstText(table, targetColumn, kept) + " holds text");
            }
            double[] values = kept.stream().mapToDouble(row -> Double.parseDouble(table.cell(row, targetColumn)))
                    .toArray();
            return new TableTask(List.copyOf(cells), List.copyOf(featureNames), null, values, List.of(), needsTable,
                    dropped);
        }
        List<String> classNames = classNames(table, targetColumn, numeric, kept);
        if (classNames.size() < 2) {
            throw new IllegalArgumentException("\"" + target + "\" holds one class only (" + classNames
                    + "); a classifier needs at least two");
        }
        int[] labels = kept.stream().mapToInt(row -> classNames.indexOf(numeric
                ? canonical(table.cell(row, targetColumn)) : table.cell(row, targetColumn))).toArray();
        return new TableTask(List.copyOf(cells), List.copyOf(featureNames), labels, null, classNames, needsTable,
                dropped);
    }

    /** Whether the target holds classes. */
    boolean classification() {
        return labels != null;
    }

    /** How many rows the task has (rows with a target). */
    int size() {
        return cells.size();
    }

    /** Every row's index, 0 to {@code size() − 1}. */
    int[] allRows() {
        return java.util.stream.IntStream.range(0, size()).toArray();
    }

    /** The encoding of the feature columns fitted on {@code rows}. */
    TableColumns fitColumns(int[] rows, boolean indicators, TableColumns.Unseen unseen) {
        List<String[]> training = new ArrayList<>();
        for (int row : rows) {
            training.add(cells.get(row));
        }
        return TableColumns.fit(featureNames, training, indicators, unseen);
    }

    /** The examples of {@code rows}, features encoded by {@code columns}, targets one-hot or [n, 1]. */
    DataSet data(TableColumns columns, int[] rows) {
        double[][] features = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            features[i] = columns.encode(cells.get(rows[i]), TableNotes.NONE);
        }
        if (classification()) {
            int[] subset = new int[rows.length];
            for (int i = 0; i < rows.length; i++) {
                subset[i] = labels[rows[i]];
            }
            return DataSet.ofClasses(Nd4j.createFromArray(features), subset, classNames.size())
                    .withClassNames(classNames);
        }
        double[][] targets = new double[rows.length][1];
        for (int i = 0; i < rows.length; i++) {
            targets[i][0] = values[rows[i]];
        }
        return DataSet.of(Nd4j.createFromArray(features), Nd4j.createFromArray(targets));
    }

    private static boolean isNumber(String cell) {
        try {
            return Double.isFinite(Double.parseDouble(cell));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The line of the first target cell that is not a finite number, or −1. */
    private static int firstText(Table table, int column, List<Integer> rows) {
        for (int row : rows) {
            if (!isNumber(table.cell(row, column))) {
                return table.line(row);
            }
        }
        return -1;
    }

    private static boolean fewWholeNumbers(Table table, int column, List<Integer> rows) {
        TreeSet<Double> distinct = new TreeSet<>();
        for (int row : rows) {
            double value = Double.parseDouble(table.cell(row, column));
            if (value != Math.rint(value)) {
                return false;
            }
            distinct.add(value);
        }
        return distinct.size() <= MAX_NUMBERED_CLASSES;
    }

    /** The distinct class names: text sorted, numbers in numeric order and written without ".0". */
    private static List<String> classNames(Table table, int column, boolean numeric, List<Integer> rows) {
        if (numeric) {
            TreeSet<Double> values = new TreeSet<>();
            rows.forEach(row -> values.add(Double.parseDouble(table.cell(row, column))));
            return values.stream().map(TableTask::canonical).toList();
        }
        TreeSet<String> names = new TreeSet<>();
        rows.forEach(row -> names.add(table.cell(row, column)));
        return List.copyOf(names);
    }

    private static String canonical(String number) {
        return canonical(Double.parseDouble(number));
    }

    private static String canonical(double number) {
        return number == Math.rint(number) && Math.abs(number) < 1e15 ? Long.toString((long) number)
                : Double.toString(number);
    }
}
