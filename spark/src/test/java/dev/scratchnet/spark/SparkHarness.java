package dev.scratchnet.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * A Spark context for the tests and benchmarks, on {@code local[N]} or, given {@code standalone}, on
 * a {@link StandaloneCluster} of a master and two one-core workers started here, whose executors
 * take this JVM's class path (the test classes, scratchnet and ND4J). Closing stops both.
 */
final class SparkHarness implements AutoCloseable {

    private final JavaSparkContext context;
    private final StandaloneCluster cluster;

    private SparkHarness(JavaSparkContext context, StandaloneCluster cluster) {
        this.context = context;
        this.cluster = cluster;
    }

    /** {@code local[…]} in this JVM, or {@code standalone}: a cluster of two workers, waited for. */
    static SparkHarness start(String master) {
        if (!master.equals("standalone")) {
            return new SparkHarness(LocalSpark.start(master), null);
        }
        StandaloneCluster cluster = StandaloneCluster.start(2);
        try {
            SparkConf conf = new SparkConf()
                    .setMaster(cluster.masterUrl())
                    .setAppName("scratchnet-spark-standalone")
                    .set("spark.ui.enabled", "false")
                    .set("spark.driver.host", "127.0.0.1")
                    .set("spark.driver.bindAddress", "127.0.0.1")
                    .set("spark.executor.memory", "1g")
                    .set("spark.executor.cores", "1")
                    .set("spark.executor.extraClassPath", StandaloneCluster.absoluteClassPath())
                    .set("spark.executorEnv.OMP_NUM_THREADS", "1");
            JavaSparkContext context = new JavaSparkContext(conf);
            awaitExecutors(context, 2, 300_000, cluster);
            return new SparkHarness(context, cluster);
        } catch (RuntimeException e) {
            cluster.close(true);
            throw e;
        }
    }

    JavaSparkContext context() {
        return context;
    }

    private static void awaitExecutors(JavaSparkContext context, int executors, long millis, StandaloneCluster cluster) {
        long deadline = System.currentTimeMillis() + millis;
        // the driver counts itself among the executor infos
        while (context.sc().statusTracker().getExecutorInfos().length < executors + 1) {
            if (System.currentTimeMillis() > deadline) {
                context.stop();
                throw new IllegalStateException(executors + " executors did not register within " + millis
                        + " ms; see the logs in " + cluster.folder());
            }
            StandaloneCluster.sleep(200);
        }
    }

    @Override
    public void close() {
        try {
            context.stop();
        } finally {
            if (cluster != null) {
                cluster.close();
            }
        }
    }
}
