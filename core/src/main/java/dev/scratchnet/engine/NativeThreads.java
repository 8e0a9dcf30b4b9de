package dev.scratchnet.engine;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Chooses how many threads ND4J and its OpenBLAS use, once, when scratchnet's engine is first used.
 * <p>
 * Default: one. The matrices of these networks are small, and OpenMP threads that wait by spinning
 * cost far more than they save: on a 2-core machine with other work running, the W2 benchmark took
 * 9-15 s with two threads against 0.6-0.9 s with one ({@code ./scratchnet bench --only W2} with
 * {@code OMP_NUM_THREADS} 2 and 1). Switching to more threads for the largest products only did not
 * pay either: the switch costs about 0.1 ms each way and batched inference got no faster (see
 * BENCHMARKS.md); large predictions use the other cores through {@link InferenceWorkers} instead. The system property {@code scratchnet.threads} sets another count; an
 * {@code OMP_NUM_THREADS} in the environment is left to rule when the property is absent.
 */
final class NativeThreads {

    /** The system property that sets the thread count. */
    static final String PROPERTY = "scratchnet.threads";

    private NativeThreads() {
    }

    /** The OpenMP team size chosen at start-up, or 0 when the environment's OMP_NUM_THREADS rules. */
    private static volatile int ompThreads;

    /**
     * Gives the calling thread the OpenMP team size chosen at start-up: OpenMP keeps it per thread,
     * so threads scratchnet starts itself must ask for it.
     */
    static void configureThisThread() {
        if (ompThreads > 0) {
            NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(ompThreads);
        }
    }

    static void configure() {
        String requested = System.getProperty(PROPERTY);
        if (requested != null) {
            setThreads(parseCount(PROPERTY, requested));
        } else if (System.getenv("OMP_NUM_THREADS") == null) {
            setThreads(1);
        }
    }

    private static void setThreads(int threads) {
        // OpenBLAS takes its count from setMaxThreads (which also loads ND4J's backend, needed first),
        // ND4J's own element-wise ops their OpenMP team size from setOmpNumThreads
        Nd4j.factory().blas().setMaxThreads(threads);
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
        ompThreads = threads;
    }

    /** The thread count a system property asks for: a whole number above 0, else a clear error. */
    static int parseCount(String property, String requested) {
        try {
            int threads = Integer.parseInt(requested.trim());
            if (threads > 0) {
                return threads;
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException(property + " must be a whole number > 0, was \"" + requested + "\"");
    }
}
