package dev.scratchnet.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scratchnet.DataSet;
import dev.scratchnet.Datasets;
import dev.scratchnet.Fit;
import dev.scratchnet.Loss;
import dev.scratchnet.Network;
import dev.scratchnet.Optimizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Training on a real standalone cluster — a master and two one-core workers in child JVMs, their
 * executors more JVMs, so every task, broadcast and result crosses a process boundary — gives the
 * weights {@code local[2]} gives, bit for bit, in exact mode and with averaging.
 */
class StandaloneClusterIT {

    private static final Fit FIT = Fit.builder().loss(Loss.CROSS_ENTROPY).optimizer(Optimizer.adam(0.01)).epochs(2)
            .batchSize(64).l2(1e-4).seed(3).build();

    @Test
    void theClusterTrainsAsLocalTwoDoes() {
        DataSet digits = SparkTrainingIT.part(Datasets.digits().scale(1 / 16.0), 0, 400);
        List<Network> local = trainings(digits, "local[2]");

        List<Network> cluster = trainings(digits, "standalone");

        SparkTrainingIT.assertClose(local.get(0), cluster.get(0), 0);
        SparkTrainingIT.assertClose(local.get(1), cluster.get(1), 0);
        assertTrue(local.get(0).evaluate(digits).accuracy() > 0.5, "it trained");
    }

    /** Exact, then averageEvery(2), on two partitions of {@code digits} on {@code master}. */
    private static List<Network> trainings(DataSet digits, String master) {
        try (SparkHarness harness = SparkHarness.start(master)) {
            JavaSparkContext spark = harness.context();
            JavaRDD<DataSet> halves = spark.parallelize(List.of(SparkTrainingIT.part(digits, 0, 180),
                    SparkTrainingIT.part(digits, 180, 400)), 2).cache();
            List<Network> trained = new ArrayList<>();
            Network exact = SparkTrainingIT.network(DataType.FLOAT);
            SparkTraining.fit(exact, halves, FIT, SparkTraining.exact());
            trained.add(exact);
            Network averaged = SparkTrainingIT.network(DataType.FLOAT);
            SparkTraining.fit(averaged, halves, FIT, SparkTraining.averageEvery(2));
            trained.add(averaged);
            if (master.equals("standalone")) {
                assertEquals(2, executorsThatRan(halves), "tasks ran in two executor JVMs");
            }
            return trained;
        }
    }

    private static int executorsThatRan(JavaRDD<DataSet> data) {
        Set<String> processes = new TreeSet<>(data.mapPartitions(blocks -> List.of(
                java.lang.management.ManagementFactory.getRuntimeMXBean().getName()).iterator()).collect());
        assertArrayEquals(new String[0], processes.stream().filter(name -> name.equals(
                java.lang.management.ManagementFactory.getRuntimeMXBean().getName())).toArray(), "not the driver");
        return processes.size();
    }
}
