package dev.scratchnet.runtime.files;

import java.util.List;

/**
 * The rules a model obeys wherever it comes from, with their messages: the core's builder applies
 * them to a network being built and {@link ModelFileReader} to a file being read, so that a file
 * the core would refuse to build is refused by every reader, in the same words. A rule throws
 * {@link IllegalArgumentException}, or {@link IllegalStateException} where the builder always did.
 */
public final class ModelRules {

    /** The kinds of scaler, as model files name them. */
    public static final List<String> SCALER_KINDS = List.of("standardize", "minMax", "factor");

    private ModelRules() {
    }

    /** A scaler: a known kind, shift and scale of one width > 0, every value finite, no scale 0. */
    public static void requireScaler(String kind, double[] shift, double[] scale) {
        if (!SCALER_KINDS.contains(kind)) {
            throw new IllegalArgumentException("scaler kind must be standardize, minMax or factor, was \"" + kind + "\"");
        }
        if (shift.length != scale.length || shift.length == 0) {
            throw new IllegalArgumentException("scaler shift and scale must have the same width > 0, were "
                    + shift.length + " and " + scale.length);
        }
        for (int c = 0; c < shift.length; c++) {
            if (!Double.isFinite(shift[c]) || !Double.isFinite(scale[c]) || scale[c] == 0) {
                throw new IllegalArgumentException("scaler column " + c + " has shift " + shift[c] + " and scale "
                        + scale[c] + "; both must be finite and the scale not 0");
            }
        }
    }

    /**
     * Names that fit a network of {@code nIn} inputs and {@code nOut} outputs: one input name per
     * input, one class name per output (two for one output: class 0 and class 1), or none.
     */
    public static void requireNames(int nIn, int nOut, List<String> inputNames, List<String> classNames) {
        if (!inputNames.isEmpty() && inputNames.size() != nIn) {
            throw new IllegalArgumentException("input names must name the network's " + nIn + " inputs, were "
                    + inputNames.size() + ": " + inputNames);
        }
        int classes = Math.max(nOut, 2);
        if (!classNames.isEmpty() && classNames.size() != classes) {
            throw new IllegalArgumentException("class names must name the network's " + classes + " classes, were "
                    + classNames.size() + ": " + classNames);
        }
    }

    /** A table's encoding ({@code TableColumns}) that gives rows of {@code tableWidth} numbers: the network's {@code nIn}. */
    public static void requireTableWidth(int nIn, int tableWidth) {
        if (tableWidth != nIn) {
            throw new IllegalArgumentException("the table's columns encode " + tableWidth + " inputs but the "
                    + "network's input has nIn = " + nIn);
        }
    }

    /** A dropout rate: {@code 0 < rate < 1}. */
    public static void requireDropoutRate(double rate) {
        if (!(rate > 0 && rate < 1)) {
            throw new IllegalArgumentException("dropout rate must be in (0, 1), was " + rate);
        }
    }

    /** No dropout after the output layer, layer {@code layers} (counting from 1): it would drop predictions. */
    public static void requireNoDropoutAtOutput(double lastRate, int layers) {
        if (lastRate > 0) {
            throw new IllegalStateException("dropout(" + lastRate + ") after the output layer (dense layer "
                    + layers + ") would drop predictions; put dropout between dense layers");
        }
    }
}
