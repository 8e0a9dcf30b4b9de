package dev.scratchnet.spark;

import dev.scratchnet.DataSet;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;

/**
 * The Spark job that sets up the partitions' workers of parameter averaging, returning one record
 * per partition, collected in partition order (the epochs then run as {@link EpochTask}s). Every function
 * here is static and captures only broadcasts and numbers, so that no driver object travels with
 * a task.
 */
final class RoundJobs {

    private RoundJobs() {
    }

    /** Sets up every partition's worker; one summary per partition, in partition order. */
    static List<PartitionSummary> prepare(JavaRDD<DataSet> data, Broadcast<AveragingPlan> plan) {
        return data.mapPartitionsWithIndex((Integer partition, Iterator<DataSet> blocks) ->
                Collections.singletonList(summary(plan.value(), partition, blocks)).iterator(), false).collect();
    }

    private static PartitionSummary summary(AveragingPlan plan, int partition, Iterator<DataSet> blocks) {
        if (!blocks.hasNext()) {
            return new PartitionSummary(partition, 0, true, null);
        }
        try {
            AveragingWorker worker = worker(plan, partition, blocks);
            return new PartitionSummary(partition, worker.rows(), worker.classes(), null);
        } catch (IllegalArgumentException e) {
            return new PartitionSummary(partition, 0, false, e.getMessage());
        }
    }

    /** The worker of {@code partition} here, built from {@code blocks} when missing. */
    static AveragingWorker worker(AveragingPlan plan, int partition, Iterator<DataSet> blocks) {
        TaskContext task = TaskContext.get();
        int threads = task != null ? Math.max(1, task.cpus()) : 1;
        return Workers.of(plan.training().trainingId(), partition,
                () -> AveragingWorker.of(blocks, plan, partition, threads));
    }
}
