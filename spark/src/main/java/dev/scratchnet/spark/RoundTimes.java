package dev.scratchnet.spark;

/**
 * Where the time of an averaging training went, for the benchmark that publishes the cost of a
 * round: the wall time of the rounds seen from the driver (broadcast, Spark job, averaging) and,
 * of that, the time the slowest partition of each round spent working (loading the state, its
 * local steps, saving the state).
 *
 * @param rounds      the rounds run
 * @param roundNanos  their wall time on the driver, in all
 * @param workerNanos Σ over the rounds of the slowest partition's working time
 */
record RoundTimes(int rounds, long roundNanos, long workerNanos) {

    /** The mean cost a round adds to its slowest partition's work, in milliseconds. */
    double overheadMillis() {
        return rounds == 0 ? 0 : (roundNanos - workerNanos) / 1e6 / rounds;
    }
}
