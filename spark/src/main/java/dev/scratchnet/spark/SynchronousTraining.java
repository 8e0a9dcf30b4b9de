package dev.scratchnet.spark;

import dev.scratchnet.DataSet;
import dev.scratchnet.DistributedTraining;
import dev.scratchnet.Fit;
import dev.scratchnet.Network;
import dev.scratchnet.Parameter;
import dev.scratchnet.TrainingHistory;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The driver's side of {@link SparkTraining}: {@code Network.fit}'s own loop
 * ({@link DistributedTraining}), with each step's gradient computed by the partitions.
 * <pre>
 *   broadcast the plan (model file, loss, batch size, seed); set up a worker per partition, count rows
 *   the loop of fit — schedule, shuffle, clipping, dW += λ·W, the optimizer step, validation, early
 *   stopping, checkpoints, listeners, the divergence guard — where each global batch's gradient is
 *       each epoch, broadcast its order (and the rows' numbers, which dropout draws the masks of)
 *       broadcast the weights; every partition sends its share (mean gradient, rows, loss)
 *       gradient ← Σ (n_p / n) · g_p, in partition order          ({@link GlobalBatch})
 * </pre>
 */
final class SynchronousTraining {

    private final Network network;
    private final Fit fit;
    private final JavaRDD<DataSet> data;
    private final JavaSparkContext spark;
    private final List<Parameter> parameters;

    SynchronousTraining(Network network, JavaRDD<DataSet> data, Fit fit) {
        this.network = network;
        this.fit = fit;
        this.data = data;
        this.spark = JavaSparkContext.fromSparkContext(data.context());
        this.parameters = FlatParameters.of(network);
    }

    TrainingHistory run() {
        String trainingId = UUID.randomUUID().toString();
        Broadcast<TrainingPlan> plan = spark.broadcast(TrainingPlan.of(trainingId, network, fit.loss(), fit.batchSize(),
                fit.classWeights(), fit.seed() != null ? fit.seed() : network.seed()));
        Source source = null;
        TrainingHistory history;
        try {
            List<PartitionSummary> summaries = StepJobs.prepare(data, plan);
            int[] offsets = offsets(summaries);
            boolean classes = summaries.stream().allMatch(PartitionSummary::classes);
            source = new Source(plan, offsets);
            history = DistributedTraining.fit(network, fit, offsets[offsets.length - 1], classes,
                    trainingData(offsets[offsets.length - 1]), source);
        } catch (RuntimeException | Error e) {
            try {
                cleanUp(trainingId, plan, source);
            } catch (RuntimeException cleanUpFailure) {
                e.addSuppressed(cleanUpFailure);
            }
            throw e;
        }
        cleanUp(trainingId, plan, source);
        return history;
    }

    private void cleanUp(String trainingId, Broadcast<TrainingPlan> plan, Source source) {
        try {
            if (source != null) {
                source.forgetOrder();
            }
            StepJobs.forget(data, trainingId);
        } finally {
            plan.destroy();
        }
    }

    /** Partition p's rows are global rows {@code [offsets[p], offsets[p + 1])}; refuses rows that cannot train. */
    private static int[] offsets(List<PartitionSummary> summaries) {
        int[] offsets = new int[summaries.size() + 1];
        for (PartitionSummary summary : summaries) {
            if (summary.problem() != null) {
                throw new IllegalArgumentException("partition " + summary.partition() + " of the data: "
                        + summary.problem());
            }
            long next = (long) offsets[summary.partition()] + summary.rows();
            if (next > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("the data holds more than " + (Integer.MAX_VALUE - 8)
                        + " rows; train on a sample of it");
            }
            offsets[summary.partition() + 1] = (int) next;
        }
        if (offsets[summaries.size()] == 0) {
            throw new IllegalArgumentException("the data holds no rows (" + summaries.size() + " empty partitions)");
        }
        return offsets;
    }

    /**
     * The rows as a checkpoint's fingerprint names them, their sums added in partition order (one
     * job, only when the fit writes or reads checkpoints).
     */
    private String trainingData(int rows) {
        if (fit.checkpointDirectory() == null && fit.resumeFrom() == null) {
            return "";
        }
        double featureSum = 0;
        double targetSum = 0;
        for (double[] sums : data.map(block -> new double[] {block.features().sumNumber().doubleValue(),
            block.targets().sumNumber().doubleValue()}).collect()) {
            featureSum += sums[0];
            targetSum += sums[1];
        }
        return rows + " rows × " + network.nIn() + " features, " + network.nOut() + " targets, Σx = " + featureSum
                + ", Σy = " + targetSum;
    }

    /** The global batches' gradients: one Spark job a step. */
    private final class Source implements DistributedTraining.BatchSource {

        private final Broadcast<TrainingPlan> plan;
        private final int[] offsets;
        private final int length;
        private Broadcast<EpochOrder> order;
        private GlobalBatch last;

        Source(Broadcast<TrainingPlan> plan, int[] offsets) {
            this.plan = plan;
            this.offsets = offsets;
            this.length = FlatParameters.length(parameters);
        }

        @Override
        public void startEpoch(int epoch, int[] order, int[] maskRows) {
            forgetOrder();
            this.order = spark.broadcast(new EpochOrder(epoch, order, maskRows));
        }

        /** One step's gradient: the partitions' shares at the current weights, put together in partition order. */
        @Override
        public double gradients(int start, int end) {
            Broadcast<double[]> weights = spark.broadcast(FlatParameters.values(parameters));
            List<PartitionGradient> shares;
            try {
                shares = StepJobs.step(data, plan, order, offsets, start / fit.batchSize(), weights);
            } finally {
                weights.destroy();
            }
            last = GlobalBatch.of(shares, length);
            FlatParameters.setGradients(parameters, last.gradient());
            return last.loss();
        }

        @Override
        public int correct() {
            return last.correct();
        }

        @Override
        public int[] labels() {
            int[] labels = new int[offsets[offsets.length - 1]];
            List<int[]> parts = StepJobs.labels(data, plan, offsets);
            for (int partition = 0; partition < parts.size(); partition++) {
                System.arraycopy(parts.get(partition), 0, labels, offsets[partition], parts.get(partition).length);
            }
            return labels;
        }

        /** The rows, gathered from the partitions that hold them (in partition order, which diagnostics and validation do not mind). */
        @Override
        public DataSet rows(int[] rows) {
            Broadcast<int[]> wanted = spark.broadcast(rows);
            try {
                List<DataSet> parts = StepJobs.rows(data, plan, offsets, wanted).stream().filter(Objects::nonNull)
                        .toList();
                return parts.size() == 1 ? parts.get(0) : DataSet.of(
                        Nd4j.vstack(parts.stream().map(DataSet::features).toArray(INDArray[]::new)),
                        Nd4j.vstack(parts.stream().map(DataSet::targets).toArray(INDArray[]::new)));
            } finally {
                wanted.destroy();
            }
        }

        void forgetOrder() {
            if (order != null) {
                order.destroy();
                order = null;
            }
        }
    }
}
