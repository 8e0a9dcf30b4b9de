package dev.scratchnet.engine;

import java.util.List;

/**
 * Times training steps for a plan probe within a budget: rounds of one step of each candidate in
 * turn (so that a JIT warming up or a neighbour's load falls on all alike), the first round not
 * counted, until {@link #BUDGET_NANOS} have passed after at least {@link #MIN_ROUNDS} rounds, or
 * {@link #MAX_ROUNDS}; each candidate's fastest step counts. A step of a large batch may alone take
 * longer than the budget: then two rounds run (one to warm up, one timed), the least a comparison
 * can rest on.
 */
final class StepTimer {

    /** The time a probe may take: a few milliseconds, against a fit's hundreds. */
    static final long BUDGET_NANOS = 5_000_000;
    static final int MIN_ROUNDS = 2;
    static final int MAX_ROUNDS = 64;

    private StepTimer() {
    }

    /** The fastest of each step's timed runs, in nanoseconds, in the steps' order. */
    static long[] fastest(List<Runnable> steps) {
        long[] best = new long[steps.size()];
        java.util.Arrays.fill(best, Long.MAX_VALUE);
        long start = System.nanoTime();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            for (int i = 0; i < steps.size(); i++) {
                long before = System.nanoTime();
                steps.get(i).run();
                long took = System.nanoTime() - before;
                if (round > 0) {
                    best[i] = Math.min(best[i], took);
                }
            }
            if (round + 1 >= MIN_ROUNDS && System.nanoTime() - start >= BUDGET_NANOS) {
                break;
            }
        }
        return best;
    }
}
