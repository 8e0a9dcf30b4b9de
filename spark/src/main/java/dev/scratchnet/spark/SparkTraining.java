package dev.scratchnet.spark;

import dev.scratchnet.DataSet;
import dev.scratchnet.Fit;
import dev.scratchnet.Network;
import dev.scratchnet.TrainingDivergedException;
import dev.scratchnet.TrainingHistory;
import dev.scratchnet.internal.Checks;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Trains a network on data spread over an Apache Spark cluster by synchronous data parallelism:
 * every step is the step {@code Network.fit} would take, on the same global batch of
 * {@code fit.batchSize()} rows drawn by the same seeded shuffle, with the batch's gradient computed
 * by the partitions that hold its rows and put together on the driver, where the optimizer steps.
 * <pre>
 *   per step:   driver ──broadcast weights──▶ every partition
 *               partition p: mean gradient g_p over its n_p rows of the batch (fast backend)
 *               driver ◀──collect (n_p, g_p, loss_p)── every partition, in partition order
 *               driver: g = Σ (n_p / n)·g_p;  dW += λ·W;  optimizer step (its state lives here)
 * </pre>
 * So an epoch has as many steps as on one machine, and each step equals the single-machine step
 * up to the order of summation: one partition gives {@code fit}'s weights within float rounding.
 * Only flat parameter and gradient vectors cross the network (8 bytes a parameter each way per
 * step and partition); the data stays where it is. Each partition's rows are stacked and its
 * network built once per training on every executor that runs it, and kept there between steps.
 * <p>
 * Determinism and faults: the shuffles come from the fit seed (the network's when it has none),
 * and the partitions' shares are summed in partition order, so the same data in the same
 * partitions gives the same weights run to run. A failed task is run again by Spark (its retries
 * are the fault tolerance) and, a step being a function of the weights it is sent, returns the
 * same share.
 * <p>
 * {@code Fit} is honoured as by {@code fit}, through {@code fit}'s own loop: loss, optimizer,
 * schedule, epochs, batch size, shuffle, seed, L2, clipping, class weights and row weights, dropout
 * (each partition draws its rows' masks where {@code fit} draws them, from the row's number among
 * the training rows and the epoch, so exact mode still equals {@code fit}),
 * {@code validationSplit} (the rows {@code fit} would hold out, fetched to the driver once) or given
 * validation data (measured on the driver), early stopping, checkpoints and resume, diagnostics
 * (measured on the driver on up to 4 batches an epoch, their rows fetched), listeners (epoch start
 * and end, batch end, training start and end, stop requests), the divergence guard. The network
 * must not be trained or saved by anyone else meanwhile.
 */
public final class SparkTraining {

    private SparkTraining() {
    }

    /** Exact synchronous steps, as {@link #fit(Network, JavaRDD, Fit)} takes them: one Spark job a step. */
    public static TrainingMode exact() {
        return TrainingMode.exact();
    }

    /**
     * Parameter averaging: each partition takes {@code localSteps} steps of its own, each on
     * {@code fit.batchSize()} of its rows (drawn by a seeded shuffle of its rows every epoch), then
     * the partitions' weights and optimizer states (Adam's moments, momentum's velocity) are
     * averaged, weighted by the rows each took, in partition order. An epoch is one Spark job in
     * barrier mode (a task slot for every partition at once) and every partition passing once over
     * its own rows; between rounds the tasks exchange the state with the driver over a TCP
     * connection, in the network's number type. Same data in the same partitions, same weights bit
     * for bit, a failed task included; not the same weights as {@code fit} or {@link #exact()}.
     *
     * @param localSteps 1 or more
     */
    public static TrainingMode averageEvery(int localSteps) {
        return TrainingMode.averageEvery(localSteps);
    }

    /**
     * Trains {@code network} on {@code data} in {@code mode}: {@link #exact()} as
     * {@link #fit(Network, JavaRDD, Fit)}, or {@link #averageEvery(int)}, which runs {@code fit}'s
     * own loop with the rounds as its batches: listeners hear a batch end per round and the epoch's
     * "batches" are its rounds; clipping and class weights apply to each partition's local steps;
     * {@code validationSplit}, dropout and diagnostics are refused (see docs/spark-ml.md).
     *
     * @throws IllegalArgumentException what {@link #fit(Network, JavaRDD, Fit)} throws it for, and in
     *                                  averaging for a validation split, dropout or diagnostics
     */
    public static TrainingHistory fit(Network network, JavaRDD<DataSet> data, Fit fit, TrainingMode mode) {
        Checks.notNull("mode", mode);
        if (!mode.averages()) {
            return fit(network, data, fit);
        }
        Checks.notNull("network", network);
        Checks.notNull("data", data);
        Checks.notNull("fit", fit);
        AveragingTraining.refuseUnsupported(network, fit);
        fit.validation().ifPresent(validation -> requireWidths("validation data", validation, network));
        return new AveragingTraining(network, data, fit, mode.localSteps()).run();
    }

    /**
     * Trains {@code network} on {@code data}, each element a block of rows (any number of blocks
     * per partition; the partitions and their blocks in order are the rows' global order), and
     * leaves the trained weights in {@code network}. Cache {@code data} when computing it is
     * expensive: a partition is read when its worker is set up, and again only when an executor
     * lost it.
     *
     * @return the loss (and accuracy, for class targets) after every epoch, as {@code fit} reports them
     * @throws IllegalArgumentException  when the rows do not fit the network or the loss
     * @throws TrainingDivergedException when the loss becomes NaN or infinite; the network then keeps
     *                                   the weights of the last good epoch
     */
    public static TrainingHistory fit(Network network, JavaRDD<DataSet> data, Fit fit) {
        Checks.notNull("network", network);
        Checks.notNull("data", data);
        Checks.notNull("fit", fit);
        fit.validation().ifPresent(validation -> requireWidths("validation data", validation, network));
        return new SynchronousTraining(network, data, fit).run();
    }

    /**
     * Trains {@code network} on {@code data}, held on the driver and cut into {@code partitions}
     * contiguous parts of (nearly) equal size: the data is broadcast once and each partition takes
     * its rows from it. See {@link #fit(Network, JavaRDD, Fit)}.
     *
     * @param partitions in {@code [1, data.size()]}
     */
    public static TrainingHistory fit(Network network, JavaSparkContext spark, DataSet data, int partitions, Fit fit) {
        return fit(network, spark, data, partitions, fit, exact());
    }

    /**
     * As {@link #fit(Network, JavaSparkContext, DataSet, int, Fit)}, in {@code mode}
     * ({@link #exact()} or {@link #averageEvery(int)}).
     */
    public static TrainingHistory fit(Network network, JavaSparkContext spark, DataSet data, int partitions, Fit fit,
                                      TrainingMode mode) {
        Checks.notNull("mode", mode);
        Checks.notNull("network", network);
        Checks.notNull("spark", spark);
        Checks.notNull("data", data);
        if (partitions < 1 || partitions > data.size()) {
            throw new IllegalArgumentException("partitions must be in [1, " + data.size() + "] (the rows of the data),"
                    + " was " + partitions);
        }
        requireWidths("data", data, network);
        Broadcast<DataSet> shared = spark.broadcast(data);
        try {
            List<Integer> indexes = new ArrayList<>();
            for (int partition = 0; partition < partitions; partition++) {
                indexes.add(partition);
            }
            JavaRDD<DataSet> parts = spark.parallelize(indexes, partitions)
                    .map(partition -> part(shared.value(), partition, partitions));
            return fit(network, parts, fit, mode);
        } finally {
            shared.destroy();
        }
    }

    /** Rows {@code [p·n/parts, (p+1)·n/parts)} of {@code data}, copied. */
    private static DataSet part(DataSet data, int partition, int parts) {
        long from = (long) partition * data.size() / parts;
        long to = (long) (partition + 1) * data.size() / parts;
        INDArray features = data.features().get(NDArrayIndex.interval(from, to), NDArrayIndex.all()).dup();
        INDArray targets = data.targets().get(NDArrayIndex.interval(from, to), NDArrayIndex.all()).dup();
        return DataSet.of(features, targets);
    }

    private static void requireWidths(String name, DataSet data, Network network) {
        if (data.numFeatures() != network.nIn() || data.numOutputs() != network.nOut()) {
            throw new IllegalArgumentException(name + " has " + data.numFeatures() + " feature and " + data.numOutputs()
                    + " target columns but the network expects nIn = " + network.nIn() + " and outputs "
                    + network.nOut());
        }
    }
}
