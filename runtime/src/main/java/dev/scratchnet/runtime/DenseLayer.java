package dev.scratchnet.runtime;

import dev.scratchnet.kernels.ActivationKernel;
import dev.scratchnet.runtime.files.NpyArray;
import java.util.Arrays;

/**
 * One dense layer of a loaded model: {@code z = xW + b}, {@code a = f(z)}, with x [n, nIn],
 * W [nIn, nOut], b [nOut]. The product is a plain loop; f is the kernel the core's fast backend
 * runs for the same activation name. W is kept as one array per row (see {@link Rows} for why).
 * Immutable, so any number of threads may use it.
 *
 * @param nIn           inputs per row
 * @param nOut          outputs per row
 * @param floatWeights  W in float32, {@code floatWeights[i][j]}, or null for a float64 layer
 * @param floatBias     b in float32, or null
 * @param doubleWeights W in float64, or null for a float32 layer
 * @param doubleBias    b in float64, or null
 * @param activation    the activation's name in the model file, e.g. {@code relu}
 * @param kernel        its loops
 */
record DenseLayer(int nIn, int nOut, float[][] floatWeights, float[] floatBias, double[][] doubleWeights,
                  double[] doubleBias, String activation, ActivationKernel kernel) {

    /** The layer of W [nIn, nOut] and b ([1, nOut] or [nOut]), both float32 or both float64, as a file holds them. */
    static DenseLayer of(NpyArray weights, NpyArray bias, String activation, ActivationKernel kernel) {
        int nIn = (int) weights.shape()[0];
        int nOut = (int) weights.shape()[1];
        if (weights.isDouble()) {
            double[][] rows = new double[nIn][];
            for (int i = 0; i < nIn; i++) {
                rows[i] = Arrays.copyOfRange(weights.doubles(), i * nOut, (i + 1) * nOut);
            }
            return new DenseLayer(nIn, nOut, null, null, rows, bias.doubles(), activation, kernel);
        }
        float[][] rows = new float[nIn][];
        for (int i = 0; i < nIn; i++) {
            rows[i] = Arrays.copyOfRange(weights.floats(), i * nOut, (i + 1) * nOut);
        }
        return new DenseLayer(nIn, nOut, rows, bias.floats(), null, null, activation, kernel);
    }

    /** Writes {@code a = f(xW + b)} for the first {@code n} rows of {@code x} into {@code a}; allocates nothing. */
    void forward(Rows x, Rows a, int n) {
        if (floatWeights != null) {
            affine(x.floats, a.floats, n);
        } else {
            affine(x.doubles, a.doubles, n);
        }
        for (int r = 0; r < n; r++) {
            kernel.forward(a.values[r], 1);
        }
    }

    /**
     * {@code z = xW + b} in float32, as sums of the rows of W weighted by x:
     * {@code z[r] = b + Σ_i x[r][i] · W[i]}. Two choices make it fast without making it obscure:
     * <ul>
     *   <li>the loop over i runs outside the loop over rows, so each row of W is read from memory
     *       once for the whole block of rows;</li>
     *   <li>it takes four rows of W at a time, {@code z[j] += x0·w0[j] + x1·w1[j] + x2·w2[j] + x3·w3[j]},
     *       so each z[j] is loaded and stored once per four inputs instead of once per input. The
     *       JIT turns this innermost loop into vector instructions (its arrays are indexed alike).</li>
     * </ul>
     * Four inputs that are all 0 (blank pixels, ReLUs that did not fire) are skipped: adding 0·w
     * changes nothing, since the weights are finite.
     */
    private void affine(float[][] x, float[][] z, int n) {
        for (int r = 0; r < n; r++) {
            System.arraycopy(floatBias, 0, z[r], 0, nOut);
        }
        int i = 0;
        for (; i + 4 <= nIn; i += 4) {
            float[] w0 = floatWeights[i];
            float[] w1 = floatWeights[i + 1];
            float[] w2 = floatWeights[i + 2];
            float[] w3 = floatWeights[i + 3];
            for (int r = 0; r < n; r++) {
                float[] xr = x[r];
                float x0 = xr[i];
                float x1 = xr[i + 1];
                float x2 = xr[i + 2];
                float x3 = xr[i + 3];
                if (x0 == 0f && x1 == 0f && x2 == 0f && x3 == 0f) {
                    continue;
                }
                float[] zr = z[r];
                for (int j = 0; j < nOut; j++) {
                    zr[j] += x0 * w0[j] + x1 * w1[j] + x2 * w2[j] + x3 * w3[j];
                }
            }
        }
        for (; i < nIn; i++) { // the last nIn mod 4 rows of W, one at a time
            float[] w0 = floatWeights[i];
            for (int r = 0; r < n; r++) {
                float x0 = x[r][i];
                float[] zr = z[r];
                for (int j = 0; j < nOut; j++) {
                    zr[j] += x0 * w0[j];
                }
            }
        }
    }

    /** The same loops in float64 (Java has no generics over primitive arrays). */
    private void affine(double[][] x, double[][] z, int n) {
        for (int r = 0; r < n; r++) {
            System.arraycopy(doubleBias, 0, z[r], 0, nOut);
        }
        int i = 0;
        for (; i + 4 <= nIn; i += 4) {
            double[] w0 = doubleWeights[i];
            double[] w1 = doubleWeights[i + 1];
            double[] w2 = doubleWeights[i + 2];
            double[] w3 = doubleWeights[i + 3];
            for (int r = 0; r < n; r++) {
                double[] xr = x[r];
                double x0 = xr[i];
                double x1 = xr[i + 1];
                double x2 = xr[i + 2];
                double x3 = xr[i + 3];
                if (x0 == 0.0 && x1 == 0.0 && x2 == 0.0 && x3 == 0.0) {
                    continue;
                }
                double[] zr = z[r];
                for (int j = 0; j < nOut; j++) {
                    zr[j] += x0 * w0[j] + x1 * w1[j] + x2 * w2[j] + x3 * w3[j];
                }
            }
        }
        for (; i < nIn; i++) {
            double[] w0 = doubleWeights[i];
            for (int r = 0; r < n; r++) {
                double x0 = x[r][i];
                double[] zr = z[r];
                for (int j = 0; j < nOut; j++) {
                    zr[j] += x0 * w0[j];
                }
            }
        }
    }
}
