package dev.scratchnet.engine;

import dev.scratchnet.buffers.Blas;
import dev.scratchnet.buffers.Matrix;

/**
 * One matrix product of a training step, {@code C = alpha · op(A) · op(B) + beta · C}, cut into one
 * block of C per thread ({@link TrainingWorkers}), each block one-threaded BLAS, the way a threaded
 * BLAS shares a product between its threads but on the threads that already share split steps, so
 * nothing changes BLAS's own thread count during a fit (which {@link ThreadedBlasPath} does, at a
 * cost). Two cuts, as each product's memory is laid out:
 * <pre>
 *   by columns (z = xW, dL/dx = δWᵀ):   C[:, J_t] = alpha · op(A) · op(B)[:, J_t] + beta · C[:, J_t]
 *   by rows (dW = xᵀδ, W −= lr·xᵀδ):    C[R_t, :] = alpha · op(A)[R_t, :] · op(B) + beta · C[R_t, :]
 * </pre>
 * (a row block of W is one stretch of memory, which a rank-n update of W, bound by memory, needs).
 * Every element of C is one thread's, summed over k as the whole product sums it. Blocks start on
 * multiples of {@link #ALIGN} columns (of C, or of A for rows). The blocks are cut once, so a product
 * allocates nothing.
 */
final class SplitProduct implements TrainingWorkers.Tasks {

    /**
     * Multiply-adds from which a product is shared: below it the hand-over to a helper costs more
     * than the second core saves (BENCHMARKS.md, "Split products").
     */
    static final long SPLIT_WORK = 1L << 21;

    /** Block boundaries fall on multiples of this many elements (64 bytes of float32): whole vectors for BLAS's kernels. */
    static final int ALIGN = 16;

    private final boolean transposeA;
    private final boolean transposeB;
    private final Matrix a;
    private final Matrix b;
    private final Matrix c;
    /** Per block: op(A)'s rows (null when A is whole), op(B)'s columns (null when B is whole), C's part. */
    private final Matrix[] aBlocks;
    private final Matrix[] bBlocks;
    private final Matrix[] cBlocks;
    /** Products of fewer multiply-adds run on the calling thread alone ({@link #SPLIT_WORK}, or less in tests). */
    private final long minWork;

    // the call in hand, set before the tasks run
    private Matrix given;
    private int m;
    private int k;
    private double alpha;
    private double beta;

    private SplitProduct(boolean transposeA, boolean transposeB, Matrix a, Matrix b, Matrix c, int blocks,
                         long minWork) {
        this.minWork = minWork;
        this.transposeA = transposeA;
        this.transposeB = transposeB;
        this.a = a;
        this.b = b;
        this.c = c;
        this.aBlocks = new Matrix[blocks];
        this.bBlocks = new Matrix[blocks];
        this.cBlocks = new Matrix[blocks];
    }

    /**
     * {@code C = alpha · op(A) · op(B) + beta · C} into {@code c} with C's columns cut for
     * {@code threads} threads (A given per call) when a call has {@code minWork} multiply-adds or
     * more; {@code b} and {@code c} are whole matrices.
     */
    static SplitProduct byColumns(boolean transposeA, boolean transposeB, Matrix b, Matrix c, int threads,
                                  long minWork) {
        int blocks = blocks(c.columns, threads);
        SplitProduct product = new SplitProduct(transposeA, transposeB, null, b, c, blocks, minWork);
        for (int t = 0; t < blocks; t++) {
            int from = boundary(t, blocks, c.columns);
            int to = boundary(t + 1, blocks, c.columns);
            product.cBlocks[t] = c.columnBlock(from, to);
            product.bBlocks[t] = transposeB ? b.rowBlock(from, to) : b.columnBlock(from, to);
        }
        return product;
    }

    /**
     * {@code C = alpha · aᵀ · op(B) + beta · C} into {@code c} with C's rows (a's columns) cut for
     * {@code threads} threads when a call has {@code minWork} multiply-adds or more; {@code a} and
     * {@code c} are whole matrices, and every call reads {@code a}.
     */
    static SplitProduct byRows(Matrix a, boolean transposeB, Matrix b, Matrix c, int threads, long minWork) {
        int blocks = blocks(c.rows, threads);
        SplitProduct product = new SplitProduct(true, transposeB, a, b, c, blocks, minWork);
        for (int t = 0; t < blocks; t++) {
            int from = boundary(t, blocks, c.rows);
            int to = boundary(t + 1, blocks, c.rows);
            product.aBlocks[t] = a.columnBlock(from, to);
            product.cBlocks[t] = c.rowBlock(from, to);
        }
        return product;
    }

    /** As many blocks as threads, fewer when {@code length} leaves less than {@link #ALIGN} to one. */
    private static int blocks(int length, int threads) {
        return Math.max(1, Math.min(threads, length / ALIGN));
    }

    /** Where block {@code t} of {@code blocks} starts in {@code length}: an even share, on a multiple of {@link #ALIGN}. */
    private static int boundary(int t, int blocks, int length) {
        return t == blocks ? length : (int) Math.round((double) t * length / blocks / ALIGN) * ALIGN;
    }

    /** Whether this product writes into {@code target}. */
    boolean writes(Matrix target) {
        return c == target;
    }

    /** Whether this product's A is {@code source} (always, for a product cut by columns, which takes A per call). */
    boolean reads(Matrix source) {
        return a == null || a == source;
    }

    /**
     * {@code C = alpha · op(A) · op(B) + beta · C} for op(A) of {@code m × k} ({@code a}, the one
     * this product was made with when cut by rows, which then covers all of C's rows): shared between
     * the threads from its least work on, else on this thread alone.
     */
    void multiply(Matrix a, int m, int k, double alpha, double beta) {
        if (cBlocks.length == 1 || (long) m * k * c.columns < minWork) {
            Blas.gemm(transposeA, transposeB, m, c.columns, k, alpha, a, b, beta, c);
            return;
        }
        this.given = a;
        this.m = m;
        this.k = k;
        this.alpha = alpha;
        this.beta = beta;
        TrainingWorkers.run(cBlocks.length, cBlocks.length, this);
        this.given = null;
    }

    @Override
    public void run(int task) {
        Matrix block = cBlocks[task];
        if (aBlocks[task] != null) {
            Blas.gemm(transposeA, transposeB, block.rows, block.columns, k, alpha, aBlocks[task], b, beta, block);
        } else {
            Blas.gemm(transposeA, transposeB, m, block.columns, k, alpha, given, bBlocks[task], beta, block);
        }
    }
}
