/**
 * Data-parallel training of scratchnet networks on Apache Spark (artifact {@code scratchnet-spark};
 * Spark itself is a provided dependency, supplied by {@code spark-submit}). The API is
 * {@link dev.scratchnet.spark.SparkTraining}; every other class here is the machinery behind it.
 */
package dev.scratchnet.spark;
