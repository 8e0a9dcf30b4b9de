package dev.scratchnet.engine;

import dev.scratchnet.internal.ProcessSettings;

/**
 * How many threads share a training batch's rows on the fast backend (see {@link SplitBatchPath}):
 * the count a network's builder asked for, else the system property
 * {@value #PROPERTY}, else none, and {@link TrainingPlans} chooses a plan, {@link #forBatches}'s
 * rule among its fallbacks. The count decides how a batch is
 * cut into blocks, and so the order in which gradients are summed: the same count gives the same
 * weights bit for bit, another count may differ in the last bits.
 */
final class TrainingThreads {

    /** The system property that sets the count for networks whose builder did not. */
    static final String PROPERTY = "scratchnet.trainingThreads";

    /**
     * Multiply-adds of a batch's forward pass (rows × Σ nIn·nOut; the backward pass does twice as many)
     * from which the automatic choice shares a batch between threads: below it, waking a helper and
     * summing the gradients cost more than the other core saves (BENCHMARKS.md, "--scale").
     */
    static final long SPLIT_WORK = 1L << 20;

    /** No automatic block is smaller: below this a gemm's packing overhead shows. */
    static final int MIN_BLOCK_ROWS = 16;

    private final int requested;
    private final String source;

    private TrainingThreads(int requested, String source) {
        this.requested = requested;
        this.source = source;
    }

    /** The setting for a network whose builder asked for {@code requested} threads, 0 when it did not. */
    static TrainingThreads of(int requested) {
        if (requested > 0) {
            return new TrainingThreads(requested, "Network.Builder.threads");
        }
        String property = System.getProperty(PROPERTY);
        if (property != null) {
            return new TrainingThreads(ProcessSettings.parseCount(PROPERTY, property), "system property " + PROPERTY);
        }
        return new TrainingThreads(0, "auto");
    }

    /** The count asked for (builder or property), 0 when none was. */
    int requested() {
        return requested;
    }

    /** Where the count asked for came from, e.g. {@code Network.Builder.threads}. */
    String source() {
        return source;
    }

    /**
     * How many threads train batches of at most {@code capacity} rows through layers doing
     * {@code workPerRow} multiply-adds a row: the count asked for, or automatically the processor
     * count when a full batch's work reaches {@link #SPLIT_WORK} and gives each thread
     * {@link #MIN_BLOCK_ROWS} rows, else 1. Never more than the rows.
     */
    int forBatches(int capacity, long workPerRow) {
        if (requested > 0) {
            return Math.max(1, Math.min(requested, capacity));
        }
        int processors = Runtime.getRuntime().availableProcessors();
        if (processors < 2 || capacity * workPerRow < SPLIT_WORK || capacity < 2 * MIN_BLOCK_ROWS) {
            return 1;
        }
        return Math.min(processors, capacity / MIN_BLOCK_ROWS);
    }

    /** For summaries, e.g. {@code 2 (Network.Builder.threads)} or {@code auto (2 from 1048576 multiply-adds a batch)}. */
    String describe() {
        if (requested > 0) {
            return requested + " (" + source + ")";
        }
        int processors = Runtime.getRuntime().availableProcessors();
        return processors < 2 ? "1 (auto: one processor)"
                : "auto (" + processors + " from " + SPLIT_WORK + " multiply-adds a batch, else 1)";
    }
}
