package dev.scratchnet.engine;

import dev.scratchnet.Activation;
import dev.scratchnet.buffers.Matrix;
import dev.scratchnet.kernels.ActivationKernel;
import dev.scratchnet.ops.ActivationOp;
import dev.scratchnet.ops.OpTable;

/**
 * One layer's activation on the fast backend: the op table's kernel, or for large whole arrays the
 * op's single in-place ND4J call where it has one (see {@link ActivationOp#bulk()}).
 */
final class FastActivation {

    /**
     * Element count from which one vectorised ND4J call beats a Java loop (an in-place ND4J transform
     * costs a few microseconds plus under a nanosecond an element: BENCHMARKS.md, "--micro").
     */
    static final int BULK_ELEMENTS = 2048;

    private final ActivationOp op;
    private final ActivationKernel kernel;

    private FastActivation(ActivationOp op, ActivationKernel kernel) {
        this.op = op;
        this.kernel = kernel;
    }

    /** The fast side of {@code activation}, which must be in the op table. */
    static FastActivation of(Activation activation) {
        ActivationOp op = OpTable.of(activation).orElseThrow(() -> new IllegalArgumentException(
                "activation " + activation.name() + " has no fast kernel"));
        return new FastActivation(op, op.kernel().apply(activation));
    }

    /** {@code a = f(z)} on the first {@code n} rows, overwriting z. */
    void forward(Matrix za, int n) {
        if (op.bulk() != null && n == za.rows && za.length() >= BULK_ELEMENTS
                && (za.hasArray() || op.bulkOnRowBlocks())) {
            op.bulk().accept(za.array());
            return;
        }
        kernel.forward(za.values, n);
    }

    /** Whether backward reads z, so the layer keeps a copy of it beside a. */
    boolean needsZ() {
        return kernel.needsZ();
    }

    /**
     * {@code grad ← dL/dz} from {@code grad = dL/da} on the first {@code n} rows, in place; z may be
     * null when {@link #needsZ()} is false.
     */
    void backward(Matrix z, Matrix a, Matrix grad, int n) {
        kernel.backward(z == null ? null : z.values, a.values, grad.values, n);
    }
}
