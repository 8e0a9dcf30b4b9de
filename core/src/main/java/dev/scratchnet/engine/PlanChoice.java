package dev.scratchnet.engine;

import dev.scratchnet.Plan;

/**
 * A {@link Plan} with its thread count, and where the choice came from ({@code cache}, {@code probe},
 * {@code rule}, {@code Network.Builder.plan}, …). {@link #id()} is what caches and checkpoints keep,
 * e.g. {@code split-rows 2}.
 */
record PlanChoice(Plan plan, int threads, String source) {

    PlanChoice {
        if (threads < 1) {
            throw new IllegalArgumentException("a plan runs on 1 thread or more, was " + threads);
        }
    }

    /** One thread, one-threaded BLAS. */
    static PlanChoice oneThread(String source) {
        return new PlanChoice(Plan.ONE_THREAD, 1, source);
    }

    /** The plan and thread count, e.g. {@code split-rows 2} or {@code one-thread}. */
    String id() {
        return plan == Plan.ONE_THREAD ? plan.id() : plan.id() + " " + threads;
    }

    /** For summaries: {@code split-rows 2 (cache)}. */
    String describe() {
        return id() + " (" + source + ")";
    }

    /** The same plan from another source. */
    PlanChoice from(String newSource) {
        return new PlanChoice(plan, threads, newSource);
    }

    /**
     * The choice an {@link #id()} names, from {@code source}.
     *
     * @throws IllegalArgumentException when {@code id} is not a plan and a count
     */
    static PlanChoice parse(String id, String source) {
        String[] parts = id.trim().split(" ");
        Plan plan = Plan.of(parts[0]);
        if (plan == Plan.ONE_THREAD && parts.length == 1) {
            return oneThread(source);
        }
        try {
            if (parts.length == 2) {
                return new PlanChoice(plan, Integer.parseInt(parts[1]), source);
            }
        } catch (NumberFormatException e) {
            // the message below says what was expected
        }
        throw new IllegalArgumentException("a plan is written as one-thread, split-rows N, threaded-blas N or split-products N, was \""
                + id + "\"");
    }
}
