package dev.scratchnet.kernels;

/**
 * A dense layer's affine step, {@code z = xW + b}, for the first {@code n} rows of a batch: b is
 * written into each row of z, then the product adds xW to it ({@code z += xW}, BLAS's
 * {@code beta = 1}). Written once for everyone who computes a dense layer fast; what differs is
 * injected: how a row receives b and how the product is computed, which is one BLAS call in the
 * core's fast backend (a gemm, or a gemv for one row) and plain Java loops in the ND4J-free
 * runtime. The core's {@code layers.Dense} stays the readable spec over ND4J arrays.
 *
 * @param <M> how the caller holds a batch of rows (the core's {@code Matrix}, the runtime's rows)
 */
public final class Affine<M> {

    /** Writes b into one row of z. */
    @FunctionalInterface
    public interface Bias<M> {
        void copyInto(M z, int row);
    }

    /** Adds {@code xW} to the first {@code n} rows of z, W being the layer's own. */
    @FunctionalInterface
    public interface Product<M> {
        void addTo(M x, M z, int n);
    }

    private final Bias<M> bias;
    private final Product<M> product;

    /** The step of one layer, with its b and its W behind {@code bias} and {@code product}. */
    public Affine(Bias<M> bias, Product<M> product) {
        this.bias = bias;
        this.product = product;
    }

    /** {@code z = xW + b} for the first {@code n} rows of x, into z; allocates nothing. */
    public void forward(M x, M z, int n) {
        for (int row = 0; row < n; row++) {
            bias.copyInto(z, row);
        }
        product.addTo(x, z, n);
    }
}
