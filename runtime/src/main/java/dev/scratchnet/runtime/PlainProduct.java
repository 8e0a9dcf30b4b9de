package dev.scratchnet.runtime;

import dev.scratchnet.kernels.Affine;
import dev.scratchnet.runtime.files.NpyArray;
import java.util.Arrays;

/**
 * {@code z += xW} in plain Java loops, as sums of the rows of W weighted by x:
 * {@code z[r] += Σ_i x[r][i] · W[i]}, and b copied into a row, for {@link Affine}. Two choices
 * make it fast without making it obscure:
 * <ul>
 *   <li>the loop over i runs outside the loop over rows, so each row of W is read from memory
 *       once for the whole block of rows;</li>
 *   <li>it takes four rows of W at a time, {@code z[j] += x0·w0[j] + x1·w1[j] + x2·w2[j] + x3·w3[j]},
 *       so each z[j] is loaded and stored once per four inputs instead of once per input. The
 *       JIT turns this innermost loop into vector instructions (its arrays are indexed alike).</li>
 * </ul>
 * Four inputs that are all 0 (blank pixels, ReLUs that did not fire) are skipped: adding 0·w
 * changes nothing, since the weights are finite. The blocking over W is written once, here; the
 * loops over a block's rows, which Java cannot write once over both primitive types and keep
 * vectorised, are in one subclass per type. W is kept as one array per row
 * (see {@link Rows} for why). Immutable.
 */
abstract class PlainProduct implements Affine.Product<Rows>, Affine.Bias<Rows> {

    final int nIn;
    final int nOut;

    private PlainProduct(int nIn, int nOut) {
        this.nIn = nIn;
        this.nOut = nOut;
    }

    /** The product of W [nIn, nOut] and b ([1, nOut] or [nOut]), both float32 or both float64, as a file holds them. */
    static PlainProduct of(NpyArray weights, NpyArray bias) {
        int nIn = (int) weights.shape()[0];
        int nOut = (int) weights.shape()[1];
        if (weights.isDouble()) {
            double[][] rows = new double[nIn][];
            for (int i = 0; i < nIn; i++) {
                rows[i] = Arrays.copyOfRange(weights.doubles(), i * nOut, (i + 1) * nOut);
            }
            return new Float64(rows, bias.doubles());
        }
        float[][] rows = new float[nIn][];
        for (int i = 0; i < nIn; i++) {
            rows[i] = Arrays.copyOfRange(weights.floats(), i * nOut, (i + 1) * nOut);
        }
        return new Float32(rows, bias.floats());
    }

    @Override
    public final void addTo(Rows x, Rows z, int n) {
        int i = 0;
        for (; i + 4 <= nIn; i += 4) {
            addFourInputs(x, z, n, i);
        }
        for (; i < nIn; i++) { // the last nIn mod 4 rows of W, one at a time
            addOneInput(x, z, n, i);
        }
    }

    /**
     * {@code z[r] += x[r][i]·W[i] + … + x[r][i+3]·W[i+3]} for the first {@code n} rows, skipping a
     * row whose four inputs are 0; the four rows of W are fetched once for all of them.
     */
    abstract void addFourInputs(Rows x, Rows z, int n, int i);

    /** {@code z[r] += x[r][i]·W[i]} for the first {@code n} rows. */
    abstract void addOneInput(Rows x, Rows z, int n, int i);

    /** float32: W and b as the file holds them. */
    private static final class Float32 extends PlainProduct {

        private final float[][] weights;
        private final float[] bias;

        Float32(float[][] weights, float[] bias) {
            super(weights.length, bias.length);
            this.weights = weights;
            this.bias = bias;
        }

        @Override
        public void copyInto(Rows z, int row) {
            System.arraycopy(bias, 0, z.floats[row], 0, nOut);
        }

        @Override
        void addFourInputs(Rows x, Rows z, int n, int i) {
            float[] w0 = weights[i], w1 = weights[i + 1], w2 = weights[i + 2], w3 = weights[i + 3];
            for (int r = 0; r < n; r++) {
                float[] xr = x.floats[r];
                float x0 = xr[i], x1 = xr[i + 1], x2 = xr[i + 2], x3 = xr[i + 3];
                if (x0 == 0f && x1 == 0f && x2 == 0f && x3 == 0f) {
                    continue;
                }
                float[] zr = z.floats[r];
                for (int j = 0; j < nOut; j++) {
                    zr[j] += x0 * w0[j] + x1 * w1[j] + x2 * w2[j] + x3 * w3[j];
                }
            }
        }

        @Override
        void addOneInput(Rows x, Rows z, int n, int i) {
            float[] w0 = weights[i];
            for (int r = 0; r < n; r++) {
                float x0 = x.floats[r][i];
                float[] zr = z.floats[r];
                for (int j = 0; j < nOut; j++) {
                    zr[j] += x0 * w0[j];
                }
            }
        }
    }

    /** float64: the same loops (Java has no generics over primitive arrays). */
    private static final class Float64 extends PlainProduct {

        private final double[][] weights;
        private final double[] bias;

        Float64(double[][] weights, double[] bias) {
            super(weights.length, bias.length);
            this.weights = weights;
            this.bias = bias;
        }

        @Override
        public void copyInto(Rows z, int row) {
            System.arraycopy(bias, 0, z.doubles[row], 0, nOut);
        }

        @Override
        void addFourInputs(Rows x, Rows z, int n, int i) {
            double[] w0 = weights[i], w1 = weights[i + 1], w2 = weights[i + 2], w3 = weights[i + 3];
            for (int r = 0; r < n; r++) {
                double[] xr = x.doubles[r];
                double x0 = xr[i], x1 = xr[i + 1], x2 = xr[i + 2], x3 = xr[i + 3];
                if (x0 == 0.0 && x1 == 0.0 && x2 == 0.0 && x3 == 0.0) {
                    continue;
                }
                double[] zr = z.doubles[r];
                for (int j = 0; j < nOut; j++) {
                    zr[j] += x0 * w0[j] + x1 * w1[j] + x2 * w2[j] + x3 * w3[j];
                }
            }
        }

        @Override
        void addOneInput(Rows x, Rows z, int n, int i) {
            double[] w0 = weights[i];
            for (int r = 0; r < n; r++) {
                double x0 = x.doubles[r][i];
                double[] zr = z.doubles[r];
                for (int j = 0; j < nOut; j++) {
                    zr[j] += x0 * w0[j];
                }
            }
        }
    }
}
