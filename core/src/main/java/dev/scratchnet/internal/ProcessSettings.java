package dev.scratchnet.internal;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * How many threads ND4J and its OpenBLAS use, and AWT's headless mode: the process-wide settings
 * scratchnet makes, all here, applied by {@link #applyOnce()} when the first network is built (or
 * by {@code Setup}'s explicit calls), never when a class loads.
 * <p>
 * Threads default to one. The matrices of these networks are small, and OpenMP threads that wait by
 * spinning cost far more than they save (BENCHMARKS.md, "what each lever gave"); large predictions
 * use the other cores through the fast backend's own helper threads instead. The system property
 * {@code scratchnet.threads} sets another count; an {@code OMP_NUM_THREADS} in the environment is
 * left to rule when the property is absent. Headless mode is set unless {@code java.awt.headless}
 * was set already: scratchnet draws plots into files and never opens a window.
 */
public final class ProcessSettings {

    /** The system property that sets the thread count. */
    public static final String PROPERTY = "scratchnet.threads";

    private ProcessSettings() {
    }

    /** The OpenMP team size in force, or 0 while none was set (OMP_NUM_THREADS rules, or nothing applied yet). */
    private static volatile int ompThreads;
    /** Where the count in force came from, for summaries and the bench header. */
    private static volatile String source = "not applied yet";
    private static boolean applied;

    /** Applies the settings the first time it is called; later calls do nothing. */
    public static synchronized void applyOnce() {
        if (applied) {
            return;
        }
        applied = true;
        headless();
        String requested = System.getProperty(PROPERTY);
        if (requested != null) {
            setThreads(parseCount(PROPERTY, requested), "system property " + PROPERTY);
        } else if (System.getenv("OMP_NUM_THREADS") == null) {
            setThreads(1, "scratchnet's default");
        } else {
            source = "OMP_NUM_THREADS";
        }
    }

    /**
     * Puts AWT in headless mode unless {@code java.awt.headless} is set already; called before the
     * first plot too, since a plot may come before any network.
     */
    public static void headless() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /** Sets the thread count now, overriding the property and the default. */
    public static synchronized void setThreads(int threads, String why) {
        Checks.positive("native threads", threads);
        applied = true;
        // OpenBLAS takes its count from setMaxThreads (which also loads ND4J's backend, needed first),
        // ND4J's own element-wise ops their OpenMP team size from setOmpNumThreads
        Nd4j.factory().blas().setMaxThreads(threads);
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
        ompThreads = threads;
        source = why;
    }

    /** The thread count in force and where it came from, e.g. {@code 1 (scratchnet's default)}. */
    public static String describeThreads() {
        String count = ompThreads > 0 ? String.valueOf(ompThreads)
                : source.equals("OMP_NUM_THREADS") ? System.getenv("OMP_NUM_THREADS").trim() : "not set";
        return count + " (" + source + ")";
    }

    /**
     * Gives the calling thread the OpenMP team size in force: OpenMP keeps it per thread, so threads
     * scratchnet starts itself must ask for it.
     */
    public static void configureThisThread() {
        if (ompThreads > 0) {
            NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(ompThreads);
        }
    }

    /** The thread count a system property asks for: a whole number above 0, else a clear error. */
    public static int parseCount(String property, String requested) {
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
