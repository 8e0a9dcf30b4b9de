package dev.scratchnet.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scratchnet.kernels.Affine;
import dev.scratchnet.runtime.files.NpyArray;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The runtime's {@code z = xW + b} against the sum written out, in float32 and float64, for widths
 * with and without a remainder of four, and rows whose inputs are zero in whole blocks of four
 * (which the loops skip).
 */
class PlainProductTest {

    @Test
    void matchesTheSumWrittenOut() {
        Random random = new Random(5);
        for (boolean isDouble : new boolean[] {false, true}) {
            for (int nIn : new int[] {1, 4, 7, 8, 13}) {
                int nOut = 5;
                int n = 3;
                double[] w = new double[nIn * nOut];
                double[] b = new double[nOut];
                for (int k = 0; k < w.length; k++) {
                    w[k] = random.nextGaussian();
                }
                for (int j = 0; j < nOut; j++) {
                    b[j] = random.nextGaussian();
                }
                float[][] x = new float[n][nIn];
                for (int r = 0; r < n; r++) {
                    for (int i = 0; i < nIn; i++) {
                        // row 1 is zero in its first block of four
                        x[r][i] = r == 1 && i < 4 ? 0 : (float) random.nextGaussian();
                    }
                }
                PlainProduct product = PlainProduct.of(array(w, isDouble, nIn, nOut), array(b, isDouble, 1, nOut));
                Rows in = Rows.of(isDouble, n, nIn);
                Rows out = Rows.of(isDouble, n, nOut);
                for (int r = 0; r < n; r++) {
                    in.set(r, x[r]);
                }

                new Affine<>(product, product).forward(in, out, n);

                for (int r = 0; r < n; r++) {
                    for (int j = 0; j < nOut; j++) {
                        double expected = isDouble ? b[j] : (float) b[j];
                        for (int i = 0; i < nIn; i++) {
                            expected += x[r][i] * (isDouble ? w[i * nOut + j] : (float) w[i * nOut + j]);
                        }
                        assertEquals(expected, out.get(r, j), isDouble ? 1e-12 : 1e-5,
                                (isDouble ? "float64" : "float32") + " nIn " + nIn + " row " + r + " column " + j);
                    }
                }
            }
        }
    }

    private static NpyArray array(double[] values, boolean isDouble, long rows, long columns) {
        if (isDouble) {
            return NpyArray.of(values, rows, columns);
        }
        float[] floats = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            floats[i] = (float) values[i];
        }
        return NpyArray.of(floats, rows, columns);
    }
}
