package dev.scratchnet.engine;

import org.nd4j.linalg.api.ndarray.INDArray;

/** A quick test that an array holds no NaN or infinity, for the checks at every public entry. */
public final class Finite {

    private Finite() {
    }

    /**
     * True when every element is finite. A false answer may be wrong for huge finite values whose sum
     * overflows (arrays ND4J must sum), so callers scan exactly before they refuse anything.
     */
    public static boolean likely(INDArray array) {
        if (Matrix.canWrap(array)) {
            return Matrix.of(array).allFinite();
        }
        // NaN and infinity make the sum non-finite; so can an overflow of large finite values
        return Double.isFinite(array.sumNumber().doubleValue());
    }

    /** Whether every element of an array already wrapped is finite. */
    static boolean likely(Matrix values) {
        return values.allFinite();
    }
}
