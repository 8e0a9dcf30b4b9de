package dev.scratchnet;

import dev.scratchnet.data.CachedCell;
import dev.scratchnet.runtime.TableColumns;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Cached CSV rows encoded as {@link TableColumns#encode} encodes their text: a number column's
 * value (its fill when missing), a text column one-hot (its fill category when missing; an unseen
 * category all zeros or refused), a missing indicator where the column has one; the target one-hot
 * over the class names, or its value.
 */
final class CachedRows {

    private final TableColumns table;
    private final ColumnSurvey[] features;
    private final double[][] textValues;
    /** For each text column, each dictionary id's category index (−1: unseen). */
    private final int[][] categories;
    private final ColumnSurvey target;
    private final double[] targetValues;
    /** Classes: each target text id's class, or each number's; null for a regression. */
    private final int[] classOfText;
    private final Map<Double, Integer> classOfNumber;
    private final int outputs;
    private final boolean textClasses;

    CachedRows(TableColumns table, ColumnSurvey[] features, ColumnSurvey target, List<String> classNames) {
        this.table = table;
        this.features = features;
        this.target = target;
        this.textValues = new double[features.length][];
        this.categories = new int[features.length][];
        for (int c = 0; c < features.length; c++) {
            textValues[c] = features[c].textValues();
            List<String> known = table.columns().get(c).categories();
            categories[c] = features[c].texts.stream().mapToInt(known::indexOf).toArray();
        }
        this.targetValues = target.textValues();
        this.textClasses = target.firstTextLine >= 0;
        if (classNames.isEmpty()) {
            classOfText = null;
            classOfNumber = null;
            outputs = 1;
        } else {
            classOfText = target.texts.stream().mapToInt(classNames::indexOf).toArray();
            classOfNumber = new HashMap<>();
            for (int k = 0; k < classNames.size(); k++) {
                double value = ColumnSurvey.number(classNames.get(k));
                if (!Double.isNaN(value)) {
                    classOfNumber.put(value, k);
                }
            }
            outputs = classNames.size();
        }
    }

    int outputs() {
        return outputs;
    }

    /** Encodes the features of the row at {@code cells[at …]} into {@code x[xAt …]} ({@code table.width()} of them). */
    void features(long[] cells, int at, double[] x, int xAt) {
        for (int c = 0; c < features.length; c++) {
            TableColumns.Column column = table.columns().get(c);
            long cell = cells[at + c];
            boolean missing = cell == CachedCell.MISSING;
            if (!column.text()) {
                double value = missing ? column.fill() : features[c].value(cell, textValues[c]);
                if (Double.isNaN(value)) {
                    throw new IllegalArgumentException("column \"" + column.name() + "\" holds numbers in this model, "
                            + "was \"" + text(c, cell) + "\"");
                }
                x[xAt++] = value;
            } else {
                int index = missing ? (column.fillText() == null ? -1 : column.categories().indexOf(column.fillText()))
                        : CachedCell.isText(cell) ? categories[c][CachedCell.id(cell)] : -1;
                if (index < 0 && !missing && table.unseen() == TableColumns.Unseen.REFUSE) {
                    throw new IllegalArgumentException("column \"" + column.name() + "\" holds \"" + text(c, cell)
                            + "\", a category the training rows did not hold; the model knows " + column.categories());
                }
                for (int k = 0; k < column.categories().size(); k++) {
                    x[xAt + k] = k == index ? 1 : 0;
                }
                xAt += column.categories().size();
            }
            if (column.indicator()) {
                x[xAt++] = missing ? 1 : 0;
            }
        }
    }

    /** Encodes the target cell into {@code y[yAt …]} ({@link #outputs()} values). */
    void target(long cell, double[] y, int yAt) {
        if (classOfText == null) {
            y[yAt] = target.value(cell, targetValues);
            return;
        }
        // text classes go by their text ("3.0" is not "3"), numbered classes by their value
        int k = textClasses ? classOfText[CachedCell.id(cell)]
                : classOfNumber.getOrDefault(target.value(cell, targetValues), -1);
        for (int i = 0; i < outputs; i++) {
            y[yAt + i] = i == k ? 1 : 0;
        }
    }

    private String text(int column, long cell) {
        return CachedCell.isText(cell) ? features[column].texts.get(CachedCell.id(cell))
                : CachedCell.isNumber(cell) ? Double.toString(CachedCell.value(cell)) : "a text";
    }
}
