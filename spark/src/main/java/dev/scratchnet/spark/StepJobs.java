package dev.scratchnet.spark;

import dev.scratchnet.DataSet;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;

/**
 * The Spark jobs of a training, each one pass over the data's partitions that returns one small
 * record per partition, collected in partition order. Every function here is static and captures
 * only broadcasts and numbers, so that no driver object travels with a task.
 */
final class StepJobs {

    private StepJobs() {
    }

    /** Sets up every partition's worker; one summary per partition, in partition order. */
    static List<PartitionSummary> prepare(JavaRDD<DataSet> data, Broadcast<TrainingPlan> plan) {
        return data.mapPartitionsWithIndex((Integer partition, Iterator<DataSet> blocks) ->
                Collections.singletonList(summary(plan.value(), partition, blocks)).iterator(), false).collect();
    }

    /**
     * Every partition's share of global batch {@code step} of the epoch {@code order} describes at
     * {@code weights}; partition p holds global rows {@code [offsets[p], offsets[p + 1])}.
     */
    static List<PartitionGradient> step(JavaRDD<DataSet> data, Broadcast<TrainingPlan> plan,
                                        Broadcast<EpochOrder> order, int[] offsets, int step,
                                        Broadcast<double[]> weights) {
        return data.mapPartitionsWithIndex((Integer partition, Iterator<DataSet> blocks) -> {
            if (offsets[partition + 1] == offsets[partition]) {
                return Collections.singletonList(PartitionGradient.none()).iterator();
            }
            TrainingPlan settings = plan.value();
            PartitionWorker worker = Workers.of(settings.trainingId(), partition,
                    () -> PartitionWorker.of(blocks, settings));
            PartitionGradient share = worker.step(order.value(), offsets[partition], settings.batchSize(), step,
                    weights.value());
            return Collections.singletonList(share).iterator();
        }, false).collect();
    }

    /** Every partition's labels (its targets are classes), in partition order; partition p holds rows from offsets[p]. */
    static List<int[]> labels(JavaRDD<DataSet> data, Broadcast<TrainingPlan> plan, int[] offsets) {
        return data.mapPartitionsWithIndex((Integer partition, Iterator<DataSet> blocks) ->
                Collections.singletonList(offsets[partition + 1] == offsets[partition] ? new int[0]
                        : worker(plan.value(), partition, blocks).labels()).iterator(), false).collect();
    }

    /**
     * The rows at global rows {@code wanted}, one part per partition in partition order (null
     * where a partition holds none of them).
     */
    static List<DataSet> rows(JavaRDD<DataSet> data, Broadcast<TrainingPlan> plan, int[] offsets,
                              Broadcast<int[]> wanted) {
        return data.mapPartitionsWithIndex((Integer partition, Iterator<DataSet> blocks) ->
                Collections.singletonList(offsets[partition + 1] == offsets[partition] ? null
                        : worker(plan.value(), partition, blocks).rows(wanted.value(), offsets[partition]))
                        .iterator(), false).collect();
    }

    private static PartitionWorker worker(TrainingPlan plan, int partition, Iterator<DataSet> blocks) {
        return Workers.of(plan.trainingId(), partition, () -> PartitionWorker.of(blocks, plan));
    }

    /** Drops the workers of the training on the executors that ran its partitions. */
    static void forget(JavaRDD<DataSet> data, String trainingId) {
        data.foreachPartition(blocks -> Workers.forget(trainingId));
        Workers.forget(trainingId);
    }

    private static PartitionSummary summary(TrainingPlan plan, int partition, Iterator<DataSet> blocks) {
        if (!blocks.hasNext()) {
            return new PartitionSummary(partition, 0, true, null);
        }
        try {
            PartitionWorker worker = Workers.of(plan.trainingId(), partition, () -> PartitionWorker.of(blocks, plan));
            return new PartitionSummary(partition, worker.rows(), worker.classes(), null);
        } catch (IllegalArgumentException e) {
            return new PartitionSummary(partition, 0, false, e.getMessage());
        }
    }
}
