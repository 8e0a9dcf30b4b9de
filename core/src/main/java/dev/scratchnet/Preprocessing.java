package dev.scratchnet;

import dev.scratchnet.runtime.files.ModelRules;
import java.util.List;

/**
 * What a network knows of raw data around its layers: a scaler of the inputs, a scaler of the
 * targets (for regression), the classes' names and the input columns' names; each may be absent
 * (null, or an empty list).
 */
record Preprocessing(Scaler scaler, Scaler targetScaler, List<String> classNames, List<String> inputNames) {

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
    }
}
