package dev.scratchnet.internal;

import dev.scratchnet.buffers.Blas;
import dev.scratchnet.buffers.Matrix;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A quick test that an array holds no NaN or infinity, for the checks at every public entry. */
public final class Finite {

    /** Up to this many elements a Java loop is as quick as a BLAS call. */
    private static final long LOOP_LIMIT = 4096;

    private Finite() {
    }

    /**
     * True when every element is finite. A false answer may be wrong for huge finite values whose sum
     * overflows (arrays ND4J must sum), so callers scan exactly before they refuse anything.
     */
    public static boolean likely(INDArray array) {
        if (Matrix.canWrap(array)) {
            return likely(Matrix.of(array));
        }
        // NaN and infinity make the sum non-finite; so can an overflow of large finite values
        return Double.isFinite(array.sumNumber().doubleValue());
    }

    /**
     * Whether every element of an array already wrapped is finite: a Java loop for small arrays,
     * one vectorised BLAS sum of absolute values for large ones and for those wrapped for BLAS
     * alone (NaN and infinity survive it). A whole matrix or a row block: a column block's elements
     * are not one stretch of memory.
     */
    public static boolean likely(Matrix values) {
        if (values.values != null && values.length() <= LOOP_LIMIT) {
            return values.values.allFinite();
        }
        return Double.isFinite(Blas.absoluteSum(values));
    }
}
