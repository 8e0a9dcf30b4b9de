package dev.scratchnet.spark;

/**
 * Where the time of an averaging training went, for the benchmark that publishes the cost of a
 * round: the wall time of the rounds seen from the driver (from one round's average to the next,
 * the epoch's job start in its first) and, of that, the time the slowest partition of each round
 * spent working (loading the state, its local steps, saving the state) and the driver averaging.
 *
 * @param rounds      the rounds run
 * @param roundNanos  their wall time on the driver, in all
 * @param workerNanos Σ over the rounds of the slowest partition's working time
 * @param stepsNanos  Σ over the rounds of the slowest partition's local steps (its work less loading and saving the state)
 * @param averagingNanos the driver's averaging of the states, in all (part of {@code roundNanos})
 */
record RoundTimes(int rounds, long roundNanos, long workerNanos, long stepsNanos, long averagingNanos) {

    /** The mean cost a round adds to its slowest partition's work, in milliseconds. */
    double overheadMillis() {
        return rounds == 0 ? 0 : (roundNanos - workerNanos) / 1e6 / rounds;
    }

    /** Where a round's time went, per round on average: "round 123 ms = steps 80 + state in/out 10 + Spark 30 + averaging 3". */
    String breakdown() {
        if (rounds == 0) {
            return "no rounds";
        }
        double round = roundNanos / 1e6 / rounds;
        double steps = stepsNanos / 1e6 / rounds;
        double state = (workerNanos - stepsNanos) / 1e6 / rounds;
        double averaging = averagingNanos / 1e6 / rounds;
        return String.format("round %.0f ms = slowest partition's steps %.0f + its state in and out %.0f"
                + " + exchange (sockets, waiting for the other partitions, the epoch's job) %.0f"
                + " + averaging on the driver %.0f",
                round, steps, state, round - steps - state - averaging, averaging);
    }
}
