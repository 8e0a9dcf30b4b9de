package dev.scratchnet;

import dev.scratchnet.internal.ProcessSettings;

/**
 * The process-wide settings scratchnet makes, in one place: the number of threads ND4J and its
 * OpenBLAS use, and AWT's headless mode for plots. Nothing is changed when a class loads; the
 * settings are applied when the first network is built, or earlier by {@link #apply()}, and
 * {@link #nativeThreads(int)} overrides them at any time.
 * <ul>
 *   <li>Native threads: one by default (small matrices lose more to spinning OpenMP threads than they
 *       gain); the system property {@code scratchnet.threads} sets another count; without it an
 *       {@code OMP_NUM_THREADS} in the environment rules. Large predictions still use every core
 *       through the fast backend's own helper threads ({@code scratchnet.inferenceThreads}).</li>
 *   <li>Headless: set unless the system property {@code java.awt.headless} is set already.</li>
 * </ul>
 * {@link Network#summary()} and {@code ./scratchnet bench} show the thread count in force.
 */
public final class Setup {

    private Setup() {
    }

    /** Applies the settings now, if no network was built yet; later calls do nothing. */
    public static void apply() {
        ProcessSettings.applyOnce();
    }

    /** Sets the native thread count now, for every network, overriding the property and the default. */
    public static void nativeThreads(int threads) {
        ProcessSettings.setThreads(threads, "set by Setup.nativeThreads");
    }

    /** The native thread count in force and where it came from, e.g. {@code 1 (scratchnet's default)}. */
    public static String nativeThreads() {
        return ProcessSettings.describeThreads();
    }
}
