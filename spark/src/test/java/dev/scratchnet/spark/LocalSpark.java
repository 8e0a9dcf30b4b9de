package dev.scratchnet.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/** Spark contexts for the tests: in this JVM, with the web UI off and no ports of their own to clash. */
final class LocalSpark {

    private LocalSpark() {
    }

    /** A context on {@code master}, e.g. {@code local[2]} (two worker threads, no retries) or {@code local[2,2]}. */
    static JavaSparkContext start(String master) {
        SparkConf conf = new SparkConf()
                .setMaster(master)
                .setAppName("scratchnet-spark-tests")
                .set("spark.ui.enabled", "false")
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1");
        return new JavaSparkContext(conf);
    }
}
