package dev.scratchnet.runtime;

/**
 * A saved scaler of format 2 (the core's {@code Scaler}): inputs become {@code (x − shift) / scale}
 * before the first layer; a target scaler turns outputs back with {@code y · scale + shift}.
 *
 * @param kind  what model.json calls it, e.g. {@code standardize}, or {@code scale} when it names none
 * @param shift per column
 * @param scale per column, none 0
 */
record Scaling(String kind, double[] shift, double[] scale) {

    /** {@code (row − shift) / scale} into {@code into}, rounded to float32. */
    void apply(float[] row, float[] into) {
        for (int c = 0; c < row.length; c++) {
            into[c] = (float) ((row[c] - shift[c]) / scale[c]);
        }
    }

    /** {@code output · scale + shift}, in place. */
    void invert(float[] output) {
        for (int c = 0; c < output.length; c++) {
            output[c] = (float) (output[c] * scale[c] + shift[c]);
        }
    }
}
