package dev.scratchnet.engine;

import org.nd4j.linalg.factory.Nd4j;

/**
 * Chooses how many threads ND4J and its OpenBLAS use, once, when scratchnet's engine is first used.
 * <p>
 * Default: one. The matrices of these networks are small, and OpenMP threads that wait by spinning
 * cost far more than they save: on a 2-core machine with other work running, the W2 benchmark took
 * 9-15 s with two threads against 0.6-0.9 s with one ({@code ./scratchnet bench --only W2} with
 * {@code OMP_NUM_THREADS} 2 and 1). The system property {@code scratchnet.threads} sets another
 * count; an {@code OMP_NUM_THREADS} in the environment is left to rule when the property is absent.
 */
final class NativeThreads {

    /** The system property that sets the thread count. */
    static final String PROPERTY = "scratchnet.threads";

    private NativeThreads() {
    }

    static void configure() {
        String requested = System.getProperty(PROPERTY);
        int threads;
        if (requested != null) {
            threads = parse(requested);
        } else if (System.getenv("OMP_NUM_THREADS") != null) {
            return;
        } else {
            threads = 1;
        }
        Nd4j.factory().blas().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
    }

    private static int parse(String requested) {
        try {
            int threads = Integer.parseInt(requested.trim());
            if (threads > 0) {
                return threads;
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException(PROPERTY + " must be a whole number > 0, was \"" + requested + "\"");
    }
}
