package dev.scratchnet.samples;

import dev.scratchnet.DataSet;
import dev.scratchnet.data.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A table turned into a learning task: every column but the target is a numeric feature; the target
 * holds class names (text), class numbers (few whole numbers) or real values. Numbers count as
 * classes when they are whole and at most {@link #MAX_NUMBERED_CLASSES} distinct values, unless the
 * task is given.
 *
 * @param data           features [n, columns − 1] and targets: one-hot for classes, [n, 1] for regression
 * @param inputNames     the feature columns' names, in order
 * @param classNames     the classes' names (sorted; numbers in numeric order), or empty for regression
 * @param classification whether the target holds classes
 */
record TableTask(DataSet data, List<String> inputNames, List<String> classNames, boolean classification) {

    /** Whole-number targets with more distinct values than this are a regression unless {@code --task} says otherwise. */
    static final int MAX_NUMBERED_CLASSES = 20;

    /** The task in {@code table} with target column {@code target}; {@code task} is null, "classification" or "regression". */
    static TableTask of(Table table, String target, String task) {
        int targetColumn = table.column(target);
        List<String> inputNames = new ArrayList<>(table.columnNames());
        inputNames.remove(targetColumn);
        if (inputNames.isEmpty()) {
            throw new IllegalArgumentException(table.file() + " has only the target column \"" + target
                    + "\"; a model needs at least one feature column");
        }
        double[][] features = new double[table.size()][inputNames.size()];
        for (int row = 0; row < table.size(); row++) {
            for (int column = 0, feature = 0; column < table.columnNames().size(); column++) {
                if (column != targetColumn) {
                    features[row][feature++] = table.number(row, column);
                }
            }
        }
        boolean numeric = allNumbers(table, targetColumn);
        boolean classification = task != null ? task.equals("classification")
                : !numeric || fewWholeNumbers(table, targetColumn);
        if (!classification) {
            if (!numeric) {
                throw new IllegalArgumentException("--task regression needs numbers in \"" + target + "\", but "
                        + table.file() + " line " + firstText(table, targetColumn) + " holds text");
            }
            double[][] values = new double[table.size()][1];
            for (int row = 0; row < table.size(); row++) {
                values[row][0] = table.number(row, targetColumn);
            }
            return new TableTask(DataSet.of(Nd4j.createFromArray(features), Nd4j.createFromArray(values)), inputNames,
                    List.of(), false);
        }
        List<String> classNames = classNames(table, targetColumn, numeric);
        if (classNames.size() < 2) {
            throw new IllegalArgumentException("\"" + target + "\" holds one class only (" + classNames
                    + "); a classifier needs at least two");
        }
        int[] labels = new int[table.size()];
        for (int row = 0; row < table.size(); row++) {
            String cell = table.cell(row, targetColumn);
            if (cell.isEmpty() || cell.equalsIgnoreCase("NA")) {
                throw new IllegalArgumentException(table.file() + " line " + table.line(row) + ": the target \"" + target
                        + "\" is missing");
            }
            labels[row] = classNames.indexOf(numeric ? canonical(cell) : cell);
        }
        DataSet data = DataSet.ofClasses(Nd4j.createFromArray(features), labels, classNames.size())
                .withClassNames(classNames);
        return new TableTask(data, inputNames, classNames, true);
    }

    private static boolean allNumbers(Table table, int column) {
        return firstText(table, column) < 0;
    }

    /** The line of the first target cell that is not a finite number, or −1. */
    private static int firstText(Table table, int column) {
        for (int row = 0; row < table.size(); row++) {
            try {
                if (!Double.isFinite(Double.parseDouble(table.cell(row, column)))) {
                    return table.line(row);
                }
            } catch (NumberFormatException e) {
                return table.line(row);
            }
        }
        return -1;
    }

    private static boolean fewWholeNumbers(Table table, int column) {
        TreeSet<Double> distinct = new TreeSet<>();
        for (int row = 0; row < table.size(); row++) {
            double value = Double.parseDouble(table.cell(row, column));
            if (value != Math.rint(value)) {
                return false;
            }
            distinct.add(value);
        }
        return distinct.size() <= MAX_NUMBERED_CLASSES;
    }

    /** The distinct class names: text sorted, numbers in numeric order and written without ".0". */
    private static List<String> classNames(Table table, int column, boolean numeric) {
        if (numeric) {
            TreeSet<Double> values = new TreeSet<>();
            for (int row = 0; row < table.size(); row++) {
                values.add(Double.parseDouble(table.cell(row, column)));
            }
            return values.stream().map(TableTask::canonical).toList();
        }
        TreeSet<String> names = new TreeSet<>();
        for (int row = 0; row < table.size(); row++) {
            names.add(table.cell(row, column));
        }
        names.remove("");
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
