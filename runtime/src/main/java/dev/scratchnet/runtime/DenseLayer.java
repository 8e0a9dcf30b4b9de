package dev.scratchnet.runtime;

import dev.scratchnet.kernels.ActivationKernel;

/**
 * One dense layer of a loaded model: {@code z = xW + b}, {@code a = f(z)}, with x [n, nIn],
 * W [nIn, nOut] row-major, b [nOut]. The product is a plain loop; f is the kernel the core's fast
 * backend runs for the same activation name. Immutable, so any number of threads may use it.
 *
 * @param nIn        inputs per row
 * @param nOut       outputs per row
 * @param floats     W then b in float32, or null for a float64 layer
 * @param doubles    W then b in float64, or null for a float32 layer
 * @param activation the activation's name in the model file, e.g. {@code relu}
 * @param kernel     its loops
 */
record DenseLayer(int nIn, int nOut, float[] floats, double[] doubles, String activation, ActivationKernel kernel) {

    /**
     * Writes {@code a = f(xW + b)} for the first {@code n} rows of {@code x} into {@code a}.
     * Allocates nothing.
     */
    void forward(Rows x, Rows a, int n) {
        if (floats != null) {
            affine(x.floats, floats, a.floats, n);
        } else {
            affine(x.doubles, doubles, a.doubles, n);
        }
        kernel.forward(a.values, n);
    }

    /**
     * {@code z = xW + b} in float32. The loop over i runs outside the loop over rows, so each row of
     * W is read from memory once for the whole block of rows; the innermost loop, over the nOut
     * columns of one row of W, is the one the JIT turns into vector instructions. A row of W whose
     * input is 0 (a ReLU that did not fire, a blank pixel) is skipped: adding 0·w to a sum changes
     * nothing, since the weights are finite.
     */
    private void affine(float[] x, float[] weightsAndBias, float[] z, int n) {
        int biasStart = nIn * nOut;
        for (int r = 0; r < n; r++) {
            System.arraycopy(weightsAndBias, biasStart, z, r * nOut, nOut);
        }
        for (int i = 0; i < nIn; i++) {
            int weightRow = i * nOut;
            for (int r = 0; r < n; r++) {
                float xi = x[r * nIn + i];
                if (xi == 0f) {
                    continue;
                }
                int out = r * nOut;
                for (int j = 0; j < nOut; j++) {
                    z[out + j] += xi * weightsAndBias[weightRow + j];
                }
            }
        }
    }

    /** The same loops in float64 (Java has no generics over primitive arrays). */
    private void affine(double[] x, double[] weightsAndBias, double[] z, int n) {
        int biasStart = nIn * nOut;
        for (int r = 0; r < n; r++) {
            System.arraycopy(weightsAndBias, biasStart, z, r * nOut, nOut);
        }
        for (int i = 0; i < nIn; i++) {
            int weightRow = i * nOut;
            for (int r = 0; r < n; r++) {
                double xi = x[r * nIn + i];
                if (xi == 0.0) {
                    continue;
                }
                int out = r * nOut;
                for (int j = 0; j < nOut; j++) {
                    z[out + j] += xi * weightsAndBias[weightRow + j];
                }
            }
        }
    }
}
