package dev.scratchnet.optimizers;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Checks of decay factors and the in-place {@code y += alpha·x} the optimizers share. */
final class Rates {

    private Rates() {
    }

    /** Fails unless {@code 0 ≤ value < 1}, the range of a momentum or a moving-average decay. */
    static double decay(String name, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1), was " + value);
        }
        return value;
    }

    /** {@code y ← y + alpha·x}, in place in {@code y} (BLAS axpy; nothing allocated). */
    static void axpy(double alpha, INDArray x, INDArray y) {
        Nd4j.getBlasWrapper().level1().axpy(y.length(), alpha, x, y);
    }
}
