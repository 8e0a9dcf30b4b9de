package dev.scratchnet.runtime;

import dev.scratchnet.kernels.ActivationKernel;
import dev.scratchnet.kernels.Affine;
import dev.scratchnet.runtime.files.NpyArray;

/**
 * One dense layer of a loaded model: {@code z = xW + b}, {@code a = f(z)}, with x [n, nIn],
 * W [nIn, nOut], b [nOut]. The affine step is the one the core's fast backend runs too
 * ({@link Affine}), with the product in plain loops ({@link PlainProduct}); f is the kernel the
 * core's fast backend runs for the same activation name. Immutable, so any number of threads may
 * use it.
 *
 * @param nIn        inputs per row
 * @param nOut       outputs per row
 * @param affine     {@code z = xW + b}
 * @param activation the activation's name in the model file, e.g. {@code relu}
 * @param kernel     its loops
 */
record DenseLayer(int nIn, int nOut, Affine<Rows> affine, String activation, ActivationKernel kernel) {

    /** The layer of W [nIn, nOut] and b ([1, nOut] or [nOut]), both float32 or both float64, as a file holds them. */
    static DenseLayer of(NpyArray weights, NpyArray bias, String activation, ActivationKernel kernel) {
        PlainProduct product = PlainProduct.of(weights, bias);
        return new DenseLayer(product.nIn, product.nOut, new Affine<>(product, product), activation, kernel);
    }

    /** Writes {@code a = f(xW + b)} for the first {@code n} rows of {@code x} into {@code a}; allocates nothing. */
    void forward(Rows x, Rows a, int n) {
        affine.forward(x, a, n);
        for (int r = 0; r < n; r++) {
            kernel.forward(a.values[r], 1);
        }
    }
}
