package dev.scratchnet.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scratchnet.DataSet;
import dev.scratchnet.Datasets;
import dev.scratchnet.Fit;
import dev.scratchnet.Loss;
import dev.scratchnet.Network;
import dev.scratchnet.Optimizer;
import dev.scratchnet.TrainingHistory;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/** Spark's task retry is the fault tolerance: a task failed on purpose runs again and the weights come out the same. */
class TaskRetryIT {

    /** Counts partition computations down; the one that reaches 0 fails. Negative: nothing fails. */
    private static final AtomicInteger COUNTDOWN = new AtomicInteger(-1);
    private static final AtomicInteger FAILURES = new AtomicInteger();

    private static JavaSparkContext spark;

    @BeforeAll
    static void start() {
        // local[2, 2]: two threads, and a task may fail twice before its job does (one retry)
        spark = LocalSpark.start("local[2,2]");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void aTaskFailedOnceGivesTheSameWeights() {
        DataSet digits = Datasets.digits().scale(1 / 16.0);
        // three uneven partitions: the order of summation matters from three on
        JavaRDD<DataSet> data = spark.parallelize(List.of(SparkTrainingIT.part(digits, 0, 50),
                SparkTrainingIT.part(digits, 50, 170), SparkTrainingIT.part(digits, 170, 400)), 3)
                .mapPartitions(TaskRetryIT::failOnceWhenDue);
        Fit fit = Fit.builder().loss(Loss.CROSS_ENTROPY).optimizer(Optimizer.adam(0.01)).epochs(2).batchSize(64)
                .l2(1e-4).build();

        Network first = SparkTrainingIT.network(DataType.FLOAT);
        TrainingHistory history = SparkTraining.fit(first, data, fit);
        Network second = SparkTrainingIT.network(DataType.FLOAT);
        SparkTraining.fit(second, data, fit);
        // the partitions are computed once to set up, then once a step: fail one of a middle step's
        COUNTDOWN.set(3 + 3 * 10 + 1);
        Network failedOnce = SparkTrainingIT.network(DataType.FLOAT);
        SparkTraining.fit(failedOnce, data, fit);

        assertEquals(1, FAILURES.get(), "tasks failed on purpose");
        SparkTrainingIT.assertClose(first, second, 0);
        SparkTrainingIT.assertClose(first, failedOnce, 0);
        assertTrue(history.trainLoss()[1] < history.trainLoss()[0], "it trained: " + history);
    }

    @Test
    void anAveragingEpochFailedOnceRunsAgainAndGivesTheSameWeights() {
        DataSet digits = Datasets.digits().scale(1 / 16.0);
        // two partitions: a barrier stage needs a slot for each
        JavaRDD<DataSet> data = spark.parallelize(List.of(SparkTrainingIT.part(digits, 0, 150),
                SparkTrainingIT.part(digits, 150, 400)), 2).mapPartitions(TaskRetryIT::failOnceWhenDue);
        Fit fit = Fit.builder().loss(Loss.CROSS_ENTROPY).optimizer(Optimizer.adam(0.01)).epochs(3).batchSize(16)
                .l2(1e-4).build();
        COUNTDOWN.set(-1);
        FAILURES.set(0);

        Network first = SparkTrainingIT.network(DataType.FLOAT);
        SparkTraining.fit(first, data, fit, SparkTraining.averageEvery(2));
        // computed once to set up, then once an epoch: fail a task of epoch 2, whose stage runs again
        COUNTDOWN.set(2 + 2 + 1);
        Network failedOnce = SparkTrainingIT.network(DataType.FLOAT);
        SparkTraining.fit(failedOnce, data, fit, SparkTraining.averageEvery(2));

        assertEquals(1, FAILURES.get(), "tasks failed on purpose");
        SparkTrainingIT.assertClose(first, failedOnce, 0);
    }

    private static Iterator<DataSet> failOnceWhenDue(Iterator<DataSet> blocks) {
        if (COUNTDOWN.getAndDecrement() == 0) {
            FAILURES.incrementAndGet();
            throw new IllegalStateException("failing this task once, on purpose");
        }
        return blocks;
    }
}
