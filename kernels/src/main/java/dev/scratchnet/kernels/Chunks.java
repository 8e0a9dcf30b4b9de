package dev.scratchnet.kernels;

/**
 * One thread's working arrays for element-wise loops that read and write buffer memory a chunk at a
 * time. A loop over a Java array is vectorised by the JIT, one over a direct buffer element by
 * element is not (see BENCHMARKS.md, "what each lever gave").
 */
public final class Chunks {

    /** Elements per chunk: three arrays of it stay well inside a core's L1 and L2 caches. */
    public static final int SIZE = 2048;

    private static final ThreadLocal<Chunks> PER_THREAD = ThreadLocal.withInitial(Chunks::new);

    /** Working values as doubles, whatever the storage type. */
    final double[] values = new double[SIZE];
    /** Where float32 storage is copied before widening, and narrowed before it is written back. */
    final float[] staging = new float[SIZE];
    /** A second operand of a two-array loop (a gradient beside its activations), float32 or float64. */
    final float[] secondStaging = new float[SIZE];
    final double[] secondValues = new double[SIZE];

    private Chunks() {
    }

    /** The calling thread's chunks (made on its first call; never shared between threads). */
    public static Chunks forThisThread() {
        return PER_THREAD.get();
    }
}
