package dev.scratchnet.engine;

import org.nd4j.linalg.api.ndarray.INDArray;

/** A quick test that an array holds no NaN or infinity, for the checks at every public entry. */
public final class Finite {

    /** Up to this many elements a Java loop beats ND4J's summation, whose call alone costs microseconds. */
    private static final long LOOP_LIMIT = 1 << 16;

    private Finite() {
    }

    /**
     * True when every element is finite. A false answer may be wrong for huge finite values whose sum
     * overflows, so callers scan exactly before they refuse anything.
     */
    public static boolean likely(INDArray array) {
        if (array.length() <= LOOP_LIMIT && Matrix.canWrap(array)) {
            Matrix values = Matrix.of(array);
            for (int i = 0, end = (int) array.length(); i < end; i++) {
                if (!Double.isFinite(values.get(i))) {
                    return false;
                }
            }
            return true;
        }
        // NaN and infinity make the sum non-finite; so can an overflow of large finite values
        return Double.isFinite(array.sumNumber().doubleValue());
    }
}
