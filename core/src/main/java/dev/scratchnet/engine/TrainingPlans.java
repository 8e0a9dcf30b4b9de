package dev.scratchnet.engine;

import dev.scratchnet.Plan;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleSupplier;

/**
 * Which {@link Plan} trains a network's batches, chosen when a fit starts, first match wins:
 * <ol>
 *   <li>the plan of the checkpoint a fit resumes ({@link #resume});</li>
 *   <li>{@code Network.Builder.plan};</li>
 *   <li>{@code Network.Builder.threads} or {@code scratchnet.trainingThreads} (2 or more: split rows; 1: one thread);</li>
 *   <li>the system property {@value Plan#PROPERTY}: a plan's id pins it, {@code rule} asks for the rule;</li>
 *   <li>the plan this process chose for the shape before, else the one the plan cache records;</li>
 *   <li>when the cache can be written, a batch is at least {@link #PROBE_WORK} multiply-adds and the
 *       machine is not busy (its load average at most its processors): a probe times the candidates
 *       ({@link PlanProbe}, {@link StepTimer}) and the fastest, by a margin of {@link #MARGIN} over the
 *       rule's choice, is recorded and used; a probe that found the JIT or the collector busy in every
 *       round but a few keeps nothing, and the fit trains by the rule (a later fit probes again, up to
 *       {@link #PROBE_ATTEMPTS} times a process);</li>
 *   <li>otherwise the rule ({@link #rule}): one thread below 1,048,576 multiply-adds a batch; split
 *       rows from 64 rows a thread; split products for large products in smaller batches; split
 *       rows from 16 rows a thread; else one thread.</li>
 * </ol>
 * A shape is the data type, the layer widths and the batch capacity. Every process on a machine then
 * trains a shape with the same plan, which keeps its runs bit-identical (docs/speed.md, "Plans").
 */
final class TrainingPlans {

    /**
     * What {@value Plan#PROPERTY} means when it is not set: {@code rule}, the fixed rule, or {@code auto},
     * measured per shape. The rule while a probe's choices have not been shown to match long runs on a
     * quiet machine ({@code PlanProbeTimes}, docs/speed.md "Choosing a plan"): on a quiet 2-core machine
     * the probe of before chose one thread for W2, 1.7 times slower than the rule's split (BENCHMARKS.md,
     * "Training plans by default"). The tests' JVMs set {@code rule} themselves (the root POM).
     */
    static final String DEFAULT_MODE = "rule";

    /** From this many rows a thread the rule splits rows, whatever the products. */
    static final int ROWS_A_THREAD = 64;

    /**
     * Multiply-adds a batch from which the rule splits products when a thread would get fewer than
     * {@link #ROWS_A_THREAD} rows (a quarter of it below 16 rows a thread, where rows are not split).
     */
    static final long PRODUCTS_WORK = 1L << 24;

    /** A candidate must beat the rule's choice by this share of its time to replace it: timing is noisy. */
    static final double MARGIN = 0.10;

    /**
     * Below this many multiply-adds a batch (an eighth of the rule's split threshold) no plan is
     * measured: a step takes microseconds, less than waking a second thread, and one thread is the
     * rule's choice; a probe would cost more than the fit (W1's batch of 15 digits is 16,650).
     */
    static final long PROBE_WORK = TrainingThreads.SPLIT_WORK / 8;

    /** Plans this process chose, by cache location and shape: later fits of the shape take the same. */
    private static final Map<String, PlanChoice> CHOSEN = new ConcurrentHashMap<>();

    /** Probes a process runs for a shape that found no quiet rounds, before it keeps the rule for the shape. */
    static final int PROBE_ATTEMPTS = 3;

    /** Probes that found no quiet rounds, by cache location and shape. */
    private static final Map<String, Integer> INCONCLUSIVE = new ConcurrentHashMap<>();

    /** Opens the plan cache; throws when it cannot be used (not private, not writable). */
    interface CacheOpener {
        PlanCache open() throws IOException;
    }

    /**
     * What the choice reads of the machine: its plan cache ({@code cacheName} says where, for
     * summaries and this process's memory), its processors, and its load (the 1-minute load average,
     * negative when unknown).
     */
    record Machine(CacheOpener cache, String cacheName, int processors, DoubleSupplier load) {

        /** This machine: the user's cache directory, every processor, the system's load average. */
        static Machine current() {
            Path directory = PlanCache.location(System.getenv(), System.getProperty("user.home"));
            return new Machine(() -> PlanCache.open(directory, MachineKey.current()), directory.toString(),
                    Runtime.getRuntime().availableProcessors(),
                    () -> ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private final TrainingThreads threads;
    private volatile Plan pinned;
    private final String mode;
    /** Whether {@value Plan#PROPERTY} was set, or {@link #mode} is the default. */
    private final boolean modeGiven;
    private final CacheOpener cache;
    private final String cacheName;
    private final int processors;
    private final DoubleSupplier load;
    private volatile PlanChoice resumed;
    private volatile PlanChoice last;
    private volatile int lastCapacity;

    /**
     * @param threads the training threads asked for
     * @param pinned  the builder's plan, or null
     * @param mode    the system property {@value Plan#PROPERTY}'s value, or null
     * @param machine the cache, processors and load
     */
    TrainingPlans(TrainingThreads threads, Plan pinned, String mode, Machine machine) {
        this.threads = threads;
        this.pinned = pinned;
        this.mode = mode == null || mode.isBlank() ? DEFAULT_MODE : mode.trim();
        this.modeGiven = mode != null && !mode.isBlank();
        if (!this.mode.equals("auto") && !this.mode.equals("rule")) {
            try {
                Plan.of(this.mode);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(Plan.PROPERTY + " must be auto, rule, one-thread, split-rows, "
                        + "threaded-blas or split-products, was \"" + mode + "\"", e);
            }
        }
        this.cache = machine.cache();
        this.cacheName = machine.cacheName();
        this.processors = machine.processors();
        this.load = machine.load();
    }

    /** The settings of this process: {@value Plan#PROPERTY}, the user's cache directory, every processor. */
    static TrainingPlans of(TrainingThreads threads, Plan pinned) {
        return new TrainingPlans(threads, pinned, System.getProperty(Plan.PROPERTY), Machine.current());
    }

    /** Pins {@code plan} for the next fits ({@code Network.Builder.plan}). */
    void pin(Plan plan) {
        this.pinned = plan;
    }

    /** Makes the next fits use the plan a checkpoint recorded ({@link PlanChoice#id()}). */
    void resume(String id) {
        this.resumed = PlanChoice.parse(id, "checkpoint");
    }

    /** The plan of the last fit, or null before any. */
    PlanChoice last() {
        return last;
    }

    /**
     * The plan for a fit in batches of at most {@code capacity} rows through layers of
     * {@code workPerRow} multiply-adds a row, of shape {@code shape}; {@code probe} times
     * candidates when the choice is measured.
     */
    PlanChoice choose(int capacity, long workPerRow, String shape, PlanProbe probe) {
        PlanChoice choice = decide(capacity, workPerRow, shape, probe);
        last = choice;
        lastCapacity = capacity;
        return choice;
    }

    private PlanChoice decide(int capacity, long workPerRow, String shape, PlanProbe probe) {
        if (resumed != null) {
            return fitted(resumed.plan(), resumed.threads(), capacity, resumed.source());
        }
        if (pinned != null) {
            return fitted(pinned, threads.requested(), capacity, "Network.Builder.plan");
        }
        if (threads.requested() > 0) {
            int count = threads.forBatches(capacity, workPerRow);
            return count > 1 ? new PlanChoice(Plan.SPLIT_ROWS, count, threads.source())
                    : PlanChoice.oneThread(threads.source());
        }
        if (!mode.equals("auto") && !mode.equals("rule")) {
            return fitted(Plan.of(mode), 0, capacity, "system property " + Plan.PROPERTY);
        }
        PlanChoice rule = rule(capacity, workPerRow);
        if (mode.equals("rule")) {
            return rule.from(modeGiven ? "rule, " + Plan.PROPERTY + "=rule" : "rule, the default");
        }
        List<PlanChoice> candidates = candidates(capacity, rule);
        if (candidates.size() < 2 || capacity * workPerRow < PROBE_WORK) {
            return rule;
        }
        String key = cacheName + "|" + shape;
        PlanChoice known = CHOSEN.get(key);
        if (known != null) {
            return known;
        }
        PlanCache plans;
        try {
            plans = cache.open();
        } catch (IOException | RuntimeException e) {
            return rule.from("rule: the plan cache " + cacheName + " cannot be used: " + e.getMessage());
        }
        PlanChoice chosen;
        String recorded = plans.get(shape).orElse(null);
        if (recorded != null && valid(recorded, capacity)) {
            chosen = PlanChoice.parse(recorded, "cache");
        } else if (INCONCLUSIVE.getOrDefault(key, 0) >= PROBE_ATTEMPTS) {
            return rule.from("rule: " + PROBE_ATTEMPTS + " probes in this process found too few rounds that the"
                    + " JIT or the collector left alone, so nothing was kept");
        } else if (load.getAsDouble() > processors) {
            // a probe now would time the neighbours: the rule, and nothing kept, until a quieter start
            return rule.from(String.format(java.util.Locale.ROOT, "rule: the machine is busy (load %.1f on %d "
                    + "processors), so nothing was measured", load.getAsDouble(), processors));
        } else {
            long start = System.nanoTime();
            Optional<long[]> nanos = probe.time(candidates);
            double ms = (System.nanoTime() - start) / 1e6;
            if (nanos.isEmpty()) {
                // timing cold code would choose by the JIT's work, and the choice would stick: a later fit measures
                INCONCLUSIVE.merge(key, 1, Integer::sum);
                return rule.from(String.format(java.util.Locale.ROOT, "rule: the probe (%.1f ms) found too few rounds "
                        + "that the JIT or the collector left alone, so nothing was kept", ms));
            }
            PlanChoice fastest = fastest(candidates, nanos.get()).from(String.format(java.util.Locale.ROOT,
                    "probe, %.1f ms", ms));
            String kept;
            try {
                kept = plans.putIfAbsent(shape, fastest.id(), id -> valid(id, capacity));
            } catch (RuntimeException e) {
                return rule.from("rule: the plan cache " + cacheName + " cannot be written: " + e.getMessage());
            }
            chosen = kept.equals(fastest.id()) ? fastest : PlanChoice.parse(kept, "cache");
        }
        PlanChoice raced = CHOSEN.putIfAbsent(key, chosen);
        return raced != null ? raced : chosen;
    }

    /**
     * The fixed rule, from the plans' epochs on the scale table's cells with either of OpenBLAS's
     * kernel sets (BENCHMARKS.md, "Split products"); {@code work} is a batch's multiply-adds, rows a
     * thread {@code capacity / processors}:
     * <ol>
     *   <li>one thread below {@link TrainingThreads#SPLIT_WORK} (or on one processor);</li>
     *   <li>split rows from {@link #ROWS_A_THREAD} rows a thread: each block's products are tall
     *       enough for BLAS, and a step hands work over twice;</li>
     *   <li>split products from {@link #PRODUCTS_WORK} (fewer than 16 rows a thread: from a
     *       quarter of it): blocks of rows would be too short, and the products are large enough
     *       to pay for a hand-over each;</li>
     *   <li>split rows from 16 rows a thread;</li>
     *   <li>else one thread.</li>
     * </ol>
     */
    PlanChoice rule(int capacity, long workPerRow) {
        long work = capacity * workPerRow;
        if (processors < 2 || work < TrainingThreads.SPLIT_WORK) {
            return PlanChoice.oneThread("rule");
        }
        int rowsAThread = capacity / processors;
        int rowThreads = Math.min(processors, capacity / TrainingThreads.MIN_BLOCK_ROWS);
        if (rowsAThread >= ROWS_A_THREAD) {
            return new PlanChoice(Plan.SPLIT_ROWS, rowThreads, "rule");
        }
        if (work >= (rowsAThread >= TrainingThreads.MIN_BLOCK_ROWS ? PRODUCTS_WORK : PRODUCTS_WORK / 4)) {
            return new PlanChoice(Plan.SPLIT_PRODUCTS, processors, "rule");
        }
        return rowThreads > 1 ? new PlanChoice(Plan.SPLIT_ROWS, rowThreads, "rule") : PlanChoice.oneThread("rule");
    }

    /** The rule's choice first, then one thread, split rows, split products and threaded BLAS, each once; none on one processor. */
    List<PlanChoice> candidates(int capacity, PlanChoice rule) {
        List<PlanChoice> candidates = new ArrayList<>();
        if (processors < 2 || capacity < 2) {
            return candidates;
        }
        candidates.add(rule);
        for (PlanChoice other : new PlanChoice[] {PlanChoice.oneThread("probe"),
            new PlanChoice(Plan.SPLIT_ROWS, splitThreads(capacity), "probe"),
            new PlanChoice(Plan.SPLIT_PRODUCTS, processors, "probe"),
            new PlanChoice(Plan.THREADED_BLAS, processors, "probe")}) {
            if (candidates.stream().noneMatch(c -> c.id().equals(other.id()))) {
                candidates.add(other);
            }
        }
        return candidates;
    }

    /** The fastest candidate, the first (the rule's) unless another beats it by {@link #MARGIN}. */
    static PlanChoice fastest(List<PlanChoice> candidates, long[] nanos) {
        int best = 0;
        for (int i = 1; i < candidates.size(); i++) {
            if (nanos[i] < nanos[best] && (best > 0 || nanos[i] < (1 - MARGIN) * nanos[0])) {
                best = i;
            }
        }
        return candidates.get(best).from("probe");
    }

    /** Split rows' thread count: a thread per processor, at most one per 16 rows, and at least 2. */
    private int splitThreads(int capacity) {
        return Math.min(capacity, Math.min(processors, Math.max(2, capacity / TrainingThreads.MIN_BLOCK_ROWS)));
    }

    /** {@code plan} on {@code requested} threads (0: its default), within what batches of {@code capacity} rows allow. */
    private PlanChoice fitted(Plan plan, int requested, int capacity, String source) {
        return switch (plan) {
            case ONE_THREAD -> PlanChoice.oneThread(source);
            case SPLIT_ROWS -> capacity < 2 ? PlanChoice.oneThread(source + "; one row a batch")
                    : new PlanChoice(plan, Math.min(capacity, requested > 0 ? requested
                            : Math.max(2, splitThreads(capacity))), source);
            case THREADED_BLAS, SPLIT_PRODUCTS -> new PlanChoice(plan, requested > 0 ? requested
                    : Math.max(1, processors), source);
        };
    }

    /** Whether a recorded id is a plan these batches can run (a hand-edited file may say anything). */
    private static boolean valid(String id, int capacity) {
        try {
            PlanChoice choice = PlanChoice.parse(id, "cache");
            return choice.plan() != Plan.SPLIT_ROWS || (choice.threads() >= 2 && choice.threads() <= capacity);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** For summaries: the last fit's plan, or how the plan will be chosen. */
    String describe() {
        if (last != null) {
            return last.describe() + " for batches of " + lastCapacity;
        }
        if (pinned != null) {
            return pinned.id() + " (Network.Builder.plan)";
        }
        if (threads.requested() > 0) {
            return (threads.requested() > 1 ? Plan.SPLIT_ROWS.id() : Plan.ONE_THREAD.id()) + " (" + threads.source() + ")";
        }
        return switch (mode) {
            case "auto" -> "measured per shape when a fit starts, kept in " + cacheName
                    + (modeGiven ? "" : " (the default; " + Plan.PROPERTY + "=rule pins the rule)");
            case "rule" -> modeGiven ? "the rule (system property " + Plan.PROPERTY + "=rule)"
                    : "the rule (the default; " + Plan.PROPERTY + "=auto measures per shape)";
            default -> Plan.of(mode).id() + " (system property " + Plan.PROPERTY + ")";
        };
    }
}
