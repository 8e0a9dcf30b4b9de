package dev.scratchnet.spark;

import java.io.Serializable;

/**
 * How {@link SparkTraining} spreads the steps of a training over the partitions:
 * <ul>
 *   <li>{@link SparkTraining#exact()}: every step is the step {@code Network.fit} would take, its
 *       global batch's gradient gathered from the partitions (one Spark job a step);</li>
 *   <li>{@link SparkTraining#averageEvery(int)}: parameter averaging — each partition takes
 *       {@code localSteps} steps of its own on {@code batchSize} of its rows, then the partitions'
 *       weights and optimizer states are averaged in partition order (one barrier Spark job an
 *       epoch, the state exchanged with the driver over a socket between rounds).</li>
 * </ul>
 */
public final class TrainingMode implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final TrainingMode EXACT = new TrainingMode(0);

    private final int localSteps;

    private TrainingMode(int localSteps) {
        this.localSteps = localSteps;
    }

    static TrainingMode exact() {
        return EXACT;
    }

    static TrainingMode averageEvery(int localSteps) {
        if (localSteps < 1) {
            throw new IllegalArgumentException("averageEvery takes the local steps between two averagings, 1 or more,"
                    + " was " + localSteps);
        }
        return new TrainingMode(localSteps);
    }

    /** Whether this mode averages the partitions' weights (else it takes exact synchronous steps). */
    public boolean averages() {
        return localSteps > 0;
    }

    /** The local steps each partition takes between two averagings; 0 in exact mode. */
    public int localSteps() {
        return localSteps;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TrainingMode mode && mode.localSteps == localSteps;
    }

    @Override
    public int hashCode() {
        return localSteps;
    }

    @Override
    public String toString() {
        return averages() ? "averageEvery(" + localSteps + ")" : "exact()";
    }
}
