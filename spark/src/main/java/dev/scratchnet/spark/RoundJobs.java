package dev.scratchnet.spark;

import dev.scratchnet.DataSet;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;

/**
 * The Spark jobs of parameter averaging: one to set up the partitions' workers, then one per
 * round, each returning one record per partition, collected in partition order. Every function
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

    /**
     * Every partition's round {@code round} of {@code epoch} from {@code state}, in partition order;
     * {@code rows[p]} is partition p's row count (an empty one takes no steps). A partition's blocks
     * are read only when its worker is missing here.
     */
    static List<RoundShare> round(JavaRDD<DataSet> data, Broadcast<AveragingPlan> plan, int[] rows, int epoch, int round,
                                  double learningRate, Broadcast<ModelState> state) {
        return data.mapPartitionsWithIndex((Integer partition, Iterator<DataSet> blocks) -> {
            AveragingPlan settings = plan.value();
            if (rows[partition] == 0) {
                return Collections.singletonList(RoundShare.none()).iterator();
            }
            AveragingWorker worker = worker(settings, partition, blocks);
            return Collections.singletonList(worker.round(epoch, round, learningRate, state.value())).iterator();
        }, false).collect();
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

    private static AveragingWorker worker(AveragingPlan plan, int partition, Iterator<DataSet> blocks) {
        TaskContext task = TaskContext.get();
        int threads = task != null ? Math.max(1, task.cpus()) : 1;
        return Workers.of(plan.training().trainingId(), partition,
                () -> AveragingWorker.of(blocks, plan, partition, threads));
    }
}
