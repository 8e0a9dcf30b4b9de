package dev.scratchnet.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@link Erf} against python3's {@code math.erf} and {@code math.erfc}, pinned here, on both sides
 * of each of Cody's ranges (0.5 and 4) and in the tails.
 */
class ErfTest {

    /** x, erf(x), erfc(x). */
    private static final double[][] VALUES = {
            {0.0, 0.0, 1.0},
            {1e-20, 1.1283791670955125e-20, 1.0},
            {1e-09, 1.1283791670955127e-09, 0.9999999988716208},
            {0.1, 0.1124629160182849, 0.8875370839817152},
            {0.4999, 0.5204119951613866, 0.4795880048386134},
            {0.5, 0.5204998778130465, 0.4795001221869535},
            {0.5001, 0.5205877516768808, 0.4794122483231193},
            {0.75, 0.7111556336535151, 0.28884436634648486},
            {1.0, 0.8427007929497149, 0.15729920705028513},
            {1.5, 0.9661051464753108, 0.033894853524689274},
            {2.0, 0.9953222650189527, 0.004677734981047265},
            {3.0, 0.9999779095030014, 2.2090496998585438e-05},
            {3.9999, 0.9999999845700388, 1.5429961215558176e-08},
            {4.0, 0.9999999845827421, 1.541725790028002e-08},
            {4.0001, 0.9999999845954353, 1.5404564743590145e-08},
            {5.0, 0.9999999999984626, 1.5374597944280351e-12},
            {6.0, 1.0, 2.1519736712498916e-17},
            {8.0, 1.0, 1.1224297172982928e-29},
            {-0.3, -0.3286267594591274, 1.3286267594591274},
            {-1.2, -0.9103139782296353, 1.9103139782296354},
            {-2.5, -0.999593047982555, 1.999593047982555},
            {-4.5, -0.9999999998033839, 1.999999999803384},
            {-27.0, -1.0, 2.0},
    };

    @Test
    void erfIsAccurateToAFewUnitsInTheLastPlace() {
        for (double[] row : VALUES) {
            double x = row[0];
            double erf = Erf.erf(x);
            assertEquals(row[1], erf, 4e-16 * Math.abs(row[1]) + 1e-300, "erf(" + x + ")");
            // 1 - erf keeps the absolute accuracy GELU's Φ(z) = (1 + erf(z/√2))/2 inherits
            assertEquals(row[2], 1 - erf, 3e-16, "1 - erf(" + x + ")");
        }
    }

    @Test
    void erfIsOddAndSaturates() {
        for (double[] row : VALUES) {
            assertEquals(-Erf.erf(row[0]), Erf.erf(-row[0]), 0.0, "erf(-" + row[0] + ")");
        }
        assertEquals(1.0, Erf.erf(Double.POSITIVE_INFINITY));
        assertEquals(-1.0, Erf.erf(Double.NEGATIVE_INFINITY));
        assertTrue(Double.isNaN(Erf.erf(Double.NaN)));
    }
}
