package dev.scratchnet.engine;

/**
 * Which path computes predictions and gradients. The fast path is on unless the system property
 * {@code scratchnet.engine} is {@code reference}, which runs the readable INDArray code instead
 * (for comparisons and benchmarks; both give the same numbers up to rounding). Loading this class
 * also sets the native thread counts (see {@link NativeThreads}).
 */
public final class Engine {

    /** The system property that chooses the path. */
    public static final String PROPERTY = "scratchnet.engine";

    static {
        NativeThreads.configure();
    }

    private Engine() {
    }

    /** Whether the fast path may be used, read when a network is built or a fit starts. */
    public static boolean fastEnabled() {
        return !"reference".equals(System.getProperty(PROPERTY));
    }
}
