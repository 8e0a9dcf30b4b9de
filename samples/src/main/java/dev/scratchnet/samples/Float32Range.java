package dev.scratchnet.samples;

import dev.scratchnet.data.Table;

/**
 * Refuses, before anything trains, a table value beyond the range of the float32 numbers that
 * {@code train}'s network computes in, naming the file's line and column: the network would
 * otherwise find it later in a shuffled split, by the split's row.
 */
final class Float32Range {

    private Float32Range() {
    }

    /**
     * Fails on the first number in {@code table} whose magnitude exceeds {@link Float#MAX_VALUE},
     * in every column but {@code skippedColumn} (the target when it holds classes; null for none).
     *
     * @throws IllegalArgumentException naming the file, line, column and value
     */
    static void check(Table table, String skippedColumn) {
        int skipped = skippedColumn == null ? -1 : table.column(skippedColumn);
        for (int row = 0; row < table.size(); row++) {
            for (int column = 0; column < table.columnNames().size(); column++) {
                if (column == skipped) {
                    continue;
                }
                double value;
                try {
                    value = Double.parseDouble(table.cell(row, column));
                } catch (NumberFormatException e) {
                    continue; // text is the table reader's to refuse
                }
                if (Double.isFinite(value) && Math.abs(value) > Float.MAX_VALUE) {
                    throw new IllegalArgumentException(table.file() + " line " + table.line(row) + " column "
                            + (column + 1) + " (\"" + table.columnNames().get(column) + "\") is " + value
                            + ", beyond the range of the float32 numbers train computes in (±" + Float.MAX_VALUE
                            + "); rescale the column (for example to other units) or fix the row");
                }
            }
        }
    }
}
