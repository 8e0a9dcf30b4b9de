package dev.scratchnet.buffers;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** In-place updates of parameter arrays, by direct BLAS calls where the arrays allow it. */
public final class InPlace {

    private InPlace() {
    }

    /**
     * {@code y += alpha · x} for two arrays of the same shape and type, in place; for updates repeated
     * every step, {@link NativeVector#axpy} also avoids the small pointer object made here.
     */
    public static void axpy(double alpha, INDArray x, INDArray y) {
        if (Matrix.canWrap(x) && Matrix.canWrap(y) && x.dataType() == y.dataType() && x.length() == y.length()) {
            // straight to BLAS on the arrays' own pointers
            Blas.axpy((int) y.length(), alpha, x.data().addressPointer(), y.data().addressPointer(),
                    y.dataType() == DataType.FLOAT);
        } else {
            Nd4j.getBlasWrapper().level1().axpy(y.length(), alpha, x, y);
        }
    }
}
