package dev.scratchnet.buffers;

import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An array's native pointer taken once, so that repeated in-place updates allocate nothing
 * (asking ND4J for the pointer creates a small object on every call). Holders keep one per
 * array for as long as they update it, e.g. an optimizer for the duration of its use.
 */
public final class NativeVector {

    private final INDArray array;
    private final Pointer pointer;

    private NativeVector(INDArray array) {
        this.array = array;
        this.pointer = array.data().addressPointer();
    }

    /** The vector of {@code array}'s elements. */
    public static NativeVector of(INDArray array) {
        return new NativeVector(array);
    }

    /** The array this vector is the memory of. */
    public INDArray array() {
        return array;
    }

    /** {@code y += alpha · x}, in place in {@code y}, by BLAS when both arrays allow it. */
    public static void axpy(double alpha, NativeVector x, NativeVector y) {
        if (Matrix.canWrap(x.array) && Matrix.canWrap(y.array) && x.array.dataType() == y.array.dataType()
                && x.array.length() == y.array.length()) {
            Blas.axpy((int) y.array.length(), alpha, x.pointer, y.pointer, y.array.dataType() == DataType.FLOAT);
        } else {
            InPlace.axpy(alpha, x.array, y.array);
        }
    }
}
