package dev.scratchnet;

import java.util.Locale;

/**
 * How the fast backend runs a training step for a network's layer shapes and batch size; every
 * plan computes the same gradients, and they differ in speed and, for some, in the last bits (see
 * docs/speed.md, "Plans"). Unless pinned ({@link Network.Builder#plan}, or the system property
 * {@value #PROPERTY}), a plan is chosen per shape the first time it trains on a machine, by timing
 * each for a few milliseconds, and remembered under {@code $XDG_CACHE_HOME/scratchnet/plans}, so that
 * later processes use the same one; {@link Network#summary()} names the plan in force.
 */
public enum Plan {
    /** The whole batch on the fit's thread, one-threaded BLAS. */
    ONE_THREAD,
    /** The batch's rows cut into one block per thread, each run forward and backward on its own thread. */
    SPLIT_ROWS,
    /** The whole batch on the fit's thread, each matrix product on several BLAS threads. */
    THREADED_BLAS,
    /**
     * The whole batch on the fit's thread, each large matrix product cut by its output's columns
     * into one block per thread, each block one-threaded BLAS on the threads split rows uses.
     */
    SPLIT_PRODUCTS;

    /**
     * The system property that pins a plan for networks whose builder does not: {@code one-thread},
     * {@code split-rows}, {@code threaded-blas}, {@code split-products}; {@code rule} (the default) for the fixed rule (no timing, no cache);
     * {@code auto} to time and remember.
     */
    public static final String PROPERTY = "scratchnet.plan";

    /** The name summaries, caches and {@value #PROPERTY} use, e.g. {@code split-rows}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The plan {@code id} names ({@link #id()}, any case).
     *
     * @throws IllegalArgumentException naming the ids when {@code id} is none of them
     */
    public static Plan of(String id) {
        String wanted = id.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (Plan plan : values()) {
            if (plan.id().equals(wanted)) {
                return plan;
            }
        }
        throw new IllegalArgumentException("a plan must be one-thread, split-rows, threaded-blas or split-products, was \"" + id + "\"");
    }

    @Override
    public String toString() {
        return id();
    }
}
