package dev.scratchnet;

import dev.scratchnet.runtime.TableColumns;
import dev.scratchnet.runtime.files.ModelRules;
import java.util.List;

/**
 * What a network knows of raw data around its layers: a scaler of the inputs, a scaler of the
 * targets (for regression), the classes' names and the input columns' names; each may be absent
 * (null, or an empty list). A table's encoding ({@link TableColumns}: text columns one-hot, missing
 * cells filled in) turns rows by column name into the raw input row, before the input scaler.
 */
record Preprocessing(Scaler scaler, Scaler targetScaler, List<String> classNames, List<String> inputNames,
                     TableColumns table) {

    /** Checks the widths against the layers' ({@code nIn} inputs, {@code nOut} outputs). */
    void requireFits(int nIn, int nOut) {
        if (scaler != null && scaler.width() != nIn) {
            throw new IllegalArgumentException("the scaler takes " + scaler.width() + " columns but the network's input"
                    + " has nIn = " + nIn);
        }
        if (targetScaler != null && targetScaler.width() != nOut) {
            throw new IllegalArgumentException("the target scaler takes " + targetScaler.width() + " columns but the"
                    + " network outputs " + nOut);
        }
        ModelRules.requireNames(nIn, nOut, inputNames, classNames);
        if (table != null) {
            ModelRules.requireTableWidth(nIn, table.width());
        }
    }
}
