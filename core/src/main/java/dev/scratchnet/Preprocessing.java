package dev.scratchnet;

import java.util.List;

/**
 * What a network does to raw data around its layers: a scaler of the inputs, a scaler of the targets
 * (for regression) and the classes' names; each may be absent (null, or an empty list).
 */
record Preprocessing(Scaler scaler, Scaler targetScaler, List<String> classNames) {

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
        int classes = Math.max(nOut, 2);
        if (!classNames.isEmpty() && classNames.size() != classes) {
            throw new IllegalArgumentException("class names must name the network's " + classes + " classes, were "
                    + classNames.size() + ": " + classNames);
        }
    }
}
