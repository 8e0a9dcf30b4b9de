package dev.scratchnet;

import dev.scratchnet.runtime.TableColumns;
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
        if (!inputNames.isEmpty() && inputNames.size() != nIn) {
            throw new IllegalArgumentException("input names must name the network's " + nIn + " inputs, were "
                    + inputNames.size() + ": " + inputNames);
        }
        if (table != null && table.width() != nIn) {
            throw new IllegalArgumentException("the table's columns encode " + table.width() + " inputs but the "
                    + "network's input has nIn = " + nIn);
        }
        int classes = Math.max(nOut, 2);
        if (!classNames.isEmpty() && classNames.size() != classes) {
            throw new IllegalArgumentException("class names must name the network's " + classes + " classes, were "
                    + classNames.size() + ": " + classNames);
        }
    }
}
