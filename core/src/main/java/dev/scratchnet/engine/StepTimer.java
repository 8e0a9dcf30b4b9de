package dev.scratchnet.engine;

import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Times training steps for a plan probe so that each candidate is timed as a long fit runs it, not
 * as cold code does. A probe that ran each step a round or two, first thing in a JVM, timed the
 * interpreter and the JIT's compiler threads, which hold the other core a split batch needs
 * (docs/speed.md, "Choosing a plan"). So:
 * <ol>
 *   <li><b>warm-up</b>, untimed: {@link #WARM_UP_STEPS} steps of each candidate back to back (helper
 *       and OpenBLAS threads started, the code run through, the buffers' pages touched);</li>
 *   <li><b>rounds</b>: each candidate in turn ({@code A B C A B C …}, so that a neighbour's load falls on
 *       all alike) runs a few steps back to back ({@link #runLength}), of which only the last is timed:
 *       in a fit a step follows a step of the same plan, its helper threads still spinning, while the
 *       first step after another candidate's would time their wake-up;</li>
 *   <li>a round <b>counts only when quiet</b>: no garbage collection while it ran, and the JIT compiled
 *       for at most {@link #JIT_SHARE} of its time ({@link #compileMillis}): the JIT's threads run on the
 *       cores a split batch would use, and a young JVM compiles for seconds;</li>
 *   <li>each candidate's <b>lower median</b> over the counted rounds is its time: one fastest step
 *       can come from a lucky moment, a mean from an unlucky one; a candidate whose fastest step is
 *       {@link #DROP_FACTOR} times the best median is no longer timed (it cannot win; the budget goes
 *       to the close ones), and when one is left the probe ends.</li>
 * </ol>
 * The rounds stop once {@link #MIN_ROUNDS} counted and the {@link Budget} is spent (or
 * {@link #FEWEST_ROUNDS} counted when the budget holds no more). A probe that cannot count that many
 * within {@link #LIMIT_NANOS} ({@link #LONG_STEP_ROUNDS} rounds' time for long steps, never more
 * than {@link #CEILING_NANOS}) measures nothing (the JIT busy throughout, steps too long): {@link Result#times} is
 * empty, and the caller keeps the rule and tries again at a later fit.
 */
final class StepTimer {

    /** A round counts when the JIT compiled for at most this share of it. */
    static final double JIT_SHARE = 0.1;
    /** A candidate whose fastest step is this many times the best typical step is no longer timed. */
    static final double DROP_FACTOR = 2;
    /** Untimed steps of each candidate before the rounds. */
    static final int WARM_UP_STEPS = 2;
    /** Counted rounds a probe wants before it stops at its budget. */
    static final int MIN_ROUNDS = 5;
    /** The fewest counted rounds a choice rests on (steps too long for {@link #MIN_ROUNDS} in the budget). */
    static final int FEWEST_ROUNDS = 3;
    /** Rounds a probe may run at most, counted or not. */
    static final int MAX_ROUNDS = 60;
    /** A step shorter than this is run twice a turn, the second timed: the helper threads' wake-up shows in it. */
    static final long SHORT_STEP_NANOS = 2_000_000;
    /**
     * A whole probe, warm-up included, stops after this much time or {@link #LONG_STEP_ROUNDS} rounds
     * of its steps, whichever is longer, counted rounds or not.
     */
    static final long LIMIT_NANOS = 120_000_000;
    /** Rounds' time a probe of long steps may take: room for {@link #FEWEST_ROUNDS} counted and some spoiled. */
    static final int LONG_STEP_ROUNDS = 6;
    /** No probe takes longer than this (but for its warm-up's steps), however long its steps. */
    static final long CEILING_NANOS = 400_000_000;

    private StepTimer() {
    }

    /**
     * How long a probe's rounds may take: {@link #SHARE} of the fit's first epoch (its steps times
     * the candidates' mean warm-up step), but at least {@link #FLOOR_NANOS} and at most
     * {@link #CAP_NANOS}.
     *
     * @param stepsAnEpoch the steps of one epoch of the fit the probe chooses for
     */
    record Budget(long stepsAnEpoch) {

        /** The probe's share of an epoch. */
        static final double SHARE = 0.02;
        /** Less than this holds too few rounds to compare plans, however short the fit. */
        static final long FLOOR_NANOS = 20_000_000;
        /** A probe of short steps never takes longer than this. */
        static final long CAP_NANOS = 60_000_000;

        /** The budget for a fit of {@code stepsAnEpoch} steps an epoch. */
        static Budget forFit(long stepsAnEpoch) {
            return new Budget(Math.max(1, stepsAnEpoch));
        }

        /** The nanoseconds a probe's rounds may take, given the candidates' mean step. */
        long nanos(double meanStepNanos) {
            double share = SHARE * stepsAnEpoch * meanStepNanos;
            return (long) Math.min(CAP_NANOS, Math.max(FLOOR_NANOS, share));
        }
    }

    /**
     * What a probe measured.
     *
     * @param samples   each candidate's timed steps of the counted rounds, in nanoseconds, in order (fewer
     *                  for a candidate no longer timed once it could not win)
     * @param counted   rounds that counted
     * @param spoiled   rounds not counted: the JIT compiled or a collection ran while they did
     * @param statistic each candidate's lower median of its samples
     * @param nanos     how long the whole probe took, warm-up included
     */
    record Result(long[][] samples, int counted, int spoiled, long[] statistic, long nanos) {

        /** Each candidate's time when at least {@link #FEWEST_ROUNDS} rounds counted, else empty. */
        Optional<long[]> times() {
            return counted >= FEWEST_ROUNDS ? Optional.of(statistic) : Optional.empty();
        }
    }

    /**
     * Times {@code steps} (one step of each candidate) within {@code budget} on this JVM's clock, counting
     * the rounds that neither its JIT nor its collector disturbed ({@link Result#times} is empty when too few were).
     */
    static Result time(List<Runnable> steps, Budget budget) {
        return time(steps, budget, System::nanoTime, StepTimer::compileMillis, StepTimer::collections);
    }

    /**
     * As above, with {@code clock} in nanoseconds, {@code compileMillis} the milliseconds the JIT has
     * compiled so far and {@code collections} the collections so far (tests pass their own).
     */
    static Result time(List<Runnable> steps, Budget budget, LongSupplier clock, LongSupplier compileMillis,
                                 LongSupplier collections) {
        long start = clock.getAsLong();
        int n = steps.size();
        int[] runs = new int[n];
        double meanStep = 0;
        long roundEstimate = 0;
        for (int c = 0; c < n; c++) {
            long last = 0;
            for (int i = 0; i < WARM_UP_STEPS; i++) {
                long before = clock.getAsLong();
                steps.get(c).run();
                last = clock.getAsLong() - before;
            }
            runs[c] = runLength(last);
            meanStep += last / (double) n;
            roundEstimate += runs[c] * last;
        }
        long roundsStart = clock.getAsLong();
        long allowed = budget.nanos(meanStep);
        long limit = Math.min(CEILING_NANOS, Math.max(LIMIT_NANOS, LONG_STEP_ROUNDS * roundEstimate));
        if (roundsStart - start > limit) {
            return new Result(new long[n][0], 0, 0, new long[n], clock.getAsLong() - start);
        }
        List<List<Long>> samples = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            samples.add(new ArrayList<>());
        }
        boolean[] dropped = new boolean[n];
        int counted = 0;
        int spoiled = 0;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            long compiled = compileMillis.getAsLong();
            long collected = collections.getAsLong();
            long roundStart = clock.getAsLong();
            long[] sample = new long[n];
            for (int c = 0; c < n; c++) {
                if (dropped[c]) {
                    continue;
                }
                Runnable step = steps.get(c);
                for (int i = 1; i < runs[c]; i++) {
                    step.run();
                }
                long before = clock.getAsLong();
                step.run();
                sample[c] = clock.getAsLong() - before;
            }
            long now = clock.getAsLong();
            if (collections.getAsLong() == collected
                    && (compileMillis.getAsLong() - compiled) * 1e6 <= JIT_SHARE * (now - roundStart)) {
                counted++;
                for (int c = 0; c < n; c++) {
                    if (!dropped[c]) {
                        samples.get(c).add(sample[c]);
                    }
                }
                if (counted >= FEWEST_ROUNDS && drop(samples, dropped) == 1) {
                    break;
                }
            } else {
                spoiled++;
            }
            long spent = now - roundsStart;
            double perRound = spent / (double) (round + 1);
            if (counted >= MIN_ROUNDS && spent + perRound > allowed
                    || counted >= FEWEST_ROUNDS && spent >= allowed
                    || now - start + perRound > limit) {
                break;
            }
        }
        long[][] timed = new long[n][];
        long[] statistic = new long[n];
        for (int c = 0; c < n; c++) {
            timed[c] = samples.get(c).stream().mapToLong(Long::longValue).toArray();
            statistic[c] = timed[c].length == 0 ? 0 : lowerMedian(timed[c]);
        }
        return new Result(timed, counted, spoiled, statistic, clock.getAsLong() - start);
    }

    /**
     * Stops timing the candidates that cannot win: each whose fastest step is {@link #DROP_FACTOR}
     * times the best lower median so far; how many are still timed.
     */
    private static int drop(List<List<Long>> samples, boolean[] dropped) {
        long best = Long.MAX_VALUE;
        for (int c = 0; c < dropped.length; c++) {
            if (!dropped[c]) {
                best = Math.min(best, lowerMedian(samples.get(c).stream().mapToLong(Long::longValue).toArray()));
            }
        }
        int timed = 0;
        for (int c = 0; c < dropped.length; c++) {
            if (!dropped[c] && samples.get(c).stream().mapToLong(Long::longValue).min().orElseThrow() > DROP_FACTOR * best) {
                dropped[c] = true;
            }
            timed += dropped[c] ? 0 : 1;
        }
        return timed;
    }

    /** Steps a turn: two for a short step (the first hands over to the helper threads), else one. */
    static int runLength(long stepNanos) {
        return stepNanos < SHORT_STEP_NANOS ? 2 : 1;
    }

    /** The lower median: the middle one of an odd count, the lower of the middle two of an even count. */
    static long lowerMedian(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(sorted.length - 1) / 2];
    }

    /** Milliseconds this JVM's JIT has spent compiling (0 where it does not say). */
    static long compileMillis() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    /** Collections this JVM's collectors have run. */
    static long collections() {
        long total = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, collector.getCollectionCount());
        }
        return total;
    }
}
