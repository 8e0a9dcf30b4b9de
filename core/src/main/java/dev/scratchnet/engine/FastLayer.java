package dev.scratchnet.engine;

import dev.scratchnet.Layer;
import dev.scratchnet.Parameter;
import dev.scratchnet.buffers.Blas;
import dev.scratchnet.buffers.Matrix;
import dev.scratchnet.kernels.Affine;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * One dense layer as the fast backend sees it: the layer's own W, b, dW and db (wrapped, not
 * copied, so a value written into {@code Layer.parameters()} is what the next call computes with)
 * and, for training, buffers for a (z is turned into a in place), for z itself when the
 * activation's backward reads it (GELU, SiLU), and δ, sized for a batch of at most {@code capacity} rows.
 */
final class FastLayer {

    final int nIn;
    final int nOut;
    final Matrix weights;
    final Matrix bias;
    final Matrix weightGradient;
    final Matrix biasGradient;
    final FastActivation activation;
    /** z kept beside a for an activation whose backward reads it; null otherwise (ReLU's step copies nothing). */
    final Matrix z;
    final Matrix a;
    final Matrix delta;
    /** The dropout rate after this layer (0 for none); its mask and {@code a ⊙ mask}, null without. */
    final double dropoutRate;
    final Matrix mask;
    final Matrix dropped;
    /** {@code z = xW + b} with b and W above, the product by BLAS. */
    private final Affine<Matrix> affine;
    /**
     * For the split-products plan ({@code productThreads > 1}): the training step's products shared
     * between threads ({@link SplitProduct}) — {@code xW} into z (or a) made here; {@code δWᵀ}
     * into the layer before's δ, {@code xᵀδ} into dW and, fused, into W made on their first use,
     * when their input or output is known. Null otherwise.
     */
    private final SplitProduct forwardProduct;
    private final int productThreads;
    private final long minProductWork;
    private SplitProduct inputGradientProduct;
    private SplitProduct gradientProduct;
    private SplitProduct updateProduct;

    /** @param capacity rows of the training buffers; 0 for inference, which allocates its outputs per call */
    FastLayer(Layer layer, int capacity, DataType dataType) {
        this(layer, capacity, dataType, 0);
    }

    /** As {@link #FastLayer(Layer, int, DataType)}, with inverted dropout of {@code dropoutRate} after the layer. */
    FastLayer(Layer layer, int capacity, DataType dataType, double dropoutRate) {
        this(layer, capacity, dataType, dropoutRate, 1, 0);
    }

    /**
     * As {@link #FastLayer(Layer, int, DataType, double)}, with the training step's large products
     * shared between {@code productThreads} threads ({@link SplitProduct}) when it is 2 or more,
     * those of at least {@code minProductWork} multiply-adds.
     */
    FastLayer(Layer layer, int capacity, DataType dataType, double dropoutRate, int productThreads,
              long minProductWork) {
        Parameter w = layer.parameters().get(0);
        Parameter b = layer.parameters().get(1);
        this.nIn = layer.nIn();
        this.nOut = layer.nOut();
        this.weights = Matrix.of(w.value());
        this.bias = Matrix.of(b.value());
        this.weightGradient = Matrix.of(w.gradient());
        this.biasGradient = Matrix.of(b.gradient());
        this.activation = FastActivation.of(layer.activation());
        // each is written before it is read, so recycled buffers do (Matrix.scratch)
        this.a = capacity > 0 ? Matrix.scratch(dataType, capacity, nOut) : null;
        this.z = capacity > 0 && activation.needsZ() ? Matrix.scratch(dataType, capacity, nOut) : null;
        this.delta = capacity > 0 ? Matrix.scratch(dataType, capacity, nOut) : null;
        this.dropoutRate = dropoutRate;
        boolean drops = capacity > 0 && dropoutRate > 0;
        this.mask = drops ? Matrix.scratch(dataType, capacity, nOut) : null;
        this.dropped = drops ? Matrix.scratch(dataType, capacity, nOut) : null;
        this.affine = new Affine<>(this::copyBias, this::addProduct);
        boolean split = capacity > 0 && productThreads > 1;
        this.productThreads = split ? productThreads : 1;
        this.minProductWork = minProductWork;
        this.forwardProduct = split ? SplitProduct.byColumns(false, false, weights, z != null ? z : a, productThreads,
                minProductWork) : null;
    }

    /**
     * Rows {@code from} to {@code to} of {@code whole}'s training buffers, for one block of a batch
     * shared between threads (see {@link SplitBatchPath}): the same W and b, a db of its own, no dW
     * (the split path computes dW from the whole batch's buffers).
     */
    FastLayer(FastLayer whole, int from, int to) {
        this.nIn = whole.nIn;
        this.nOut = whole.nOut;
        this.weights = whole.weights;
        this.bias = whole.bias;
        this.weightGradient = null;
        this.biasGradient = Matrix.create(whole.a.isFloat() ? DataType.FLOAT : DataType.DOUBLE, 1, nOut);
        this.activation = whole.activation;
        this.a = whole.a.rowBlock(from, to);
        this.z = whole.z != null ? whole.z.rowBlock(from, to) : null;
        this.delta = whole.delta.rowBlock(from, to);
        this.dropoutRate = whole.dropoutRate;
        this.mask = whole.mask != null ? whole.mask.rowBlock(from, to) : null;
        this.dropped = whole.dropped != null ? whole.dropped.rowBlock(from, to) : null;
        this.affine = whole.affine;
        this.productThreads = 1;
        this.minProductWork = 0;
        this.forwardProduct = null;
    }

    /**
     * Frees the buffers this layer made: a block's own db (a block is the layer without a dW), else
     * its training buffers when it has them; not used after.
     */
    void release() {
        if (weightGradient == null) {
            biasGradient.free();
        } else if (a != null) {
            a.free();
            delta.free();
            if (z != null) {
                z.free();
            }
            if (mask != null) {
                mask.free();
                dropped.free();
            }
        }
    }

    /** What the next layer reads: {@code a ⊙ mask} with dropout, else {@link #a}. */
    Matrix output() {
        return dropped != null ? dropped : a;
    }

    /**
     * {@code z = xW + b}, {@code a = f(z)} for the first {@code n} rows of {@code x}, into {@link #a};
     * z is computed into {@link #z} and copied into a first when the activation's backward reads it.
     */
    void forward(Matrix x, int n) {
        if (z != null) {
            affine(x, z, n);
            for (int row = 0; row < n; row++) {
                a.values.copyRow(z.values, row, row);
            }
        } else {
            affine(x, a, n);
        }
        activation.forward(a, n);
    }

    /** {@code δ ← dL/dz} from {@code δ = dL/da} on the first {@code n} rows, through the activation. */
    void activationBackward(int n) {
        activation.backward(z, a, delta, n);
    }

    /** {@code out = xW + b} for the first {@code n} rows ({@link Affine}). */
    void affine(Matrix x, Matrix out, int n) {
        affine.forward(x, out, n);
    }

    private void copyBias(Matrix out, int row) {
        out.values.copyRow(bias.values, 0, row);
    }

    /** {@code out += xW} by one gemm (for a single row one gemv, faster than a one-row gemm). */
    private void addProduct(Matrix x, Matrix out, int n) {
        if (n == 1) {
            Blas.gemvTransposed(weights, x, out);
        } else if (forwardProduct != null && forwardProduct.writes(out)) {
            forwardProduct.multiply(x, n, nIn, 1.0, 1.0);
        } else {
            Blas.gemm(false, false, n, nOut, nIn, 1.0, x, weights, 1.0, out);
        }
    }

    /**
     * From {@code δ = dL/dz} in {@link #delta}: {@code dW = xᵀδ}, {@code db = Σ_rows δ}, and, when
     * {@code gradInput} is given, {@code dL/dx = δWᵀ} written into it.
     */
    void backward(Matrix x, int n, Matrix gradInput, Matrix ones) {
        propagate(n, gradInput);
        if (productThreads > 1) {
            if (gradientProduct == null || !gradientProduct.reads(x)) {
                gradientProduct = SplitProduct.byRows(x, false, delta, weightGradient, productThreads, minProductWork);
            }
            gradientProduct.multiply(x, nIn, n, 1.0, 0.0);
        } else {
            Blas.gemm(true, false, nIn, nOut, n, 1.0, x, delta, 0.0, weightGradient);
        }
        Blas.columnSums(delta, n, ones, 1.0, 0.0, biasGradient);
    }

    /**
     * For a block of a batch shared between threads: {@code db = Σ_rows δ} and, when
     * {@code gradInput} is given, {@code dL/dx = δWᵀ}; dW is left to {@link SplitBatchPath}.
     */
    void blockBackward(int n, Matrix gradInput, Matrix ones) {
        propagate(n, gradInput);
        Blas.columnSums(delta, n, ones, 1.0, 0.0, biasGradient);
    }

    /** {@code dL/dx = δWᵀ} into {@code gradInput} (nothing when null: the first layer's input needs none). */
    private void propagate(int n, Matrix gradInput) {
        if (gradInput == null) {
            return;
        }
        if (productThreads > 1) {
            if (inputGradientProduct == null || !inputGradientProduct.writes(gradInput)) {
                inputGradientProduct = SplitProduct.byColumns(false, true, weights, gradInput, productThreads,
                        minProductWork);
            }
            inputGradientProduct.multiply(delta, n, nOut, 1.0, 0.0);
        } else {
            Blas.gemm(false, true, n, nIn, nOut, 1.0, delta, weights, 0.0, gradInput);
        }
    }

    /**
     * Plain SGD fused into the backward products: {@code dL/dx = δWᵀ} first (with W as it was), then
     * {@code W ← (1 − learningRate·l2)·W − learningRate·xᵀδ} and {@code b ← b − learningRate·Σ_rows δ}
     * in place. dW and db are not written.
     */
    void backwardAndUpdate(Matrix x, int n, Matrix gradInput, Matrix ones, double learningRate, double l2) {
        propagate(n, gradInput);
        if (productThreads > 1) {
            if (updateProduct == null || !updateProduct.reads(x)) {
                updateProduct = SplitProduct.byRows(x, false, delta, weights, productThreads, minProductWork);
            }
            updateProduct.multiply(x, nIn, n, -learningRate, 1.0 - learningRate * l2);
        } else {
            Blas.gemm(true, false, nIn, nOut, n, -learningRate, x, delta, 1.0 - learningRate * l2, weights);
        }
        Blas.columnSums(delta, n, ones, -learningRate, 1.0, bias);
    }
}
