/**
 * scratchnet in Spark ML: {@link dev.scratchnet.spark.ml.ScratchnetEstimator}, an {@code Estimator}
 * that trains a network on a DataFrame's Vector column and double label (through
 * {@code SparkTraining}), and {@link dev.scratchnet.spark.ml.ScratchnetModel}, the {@code Transformer}
 * it gives, which predicts on the executors with the ND4J-free {@code scratchnet-runtime} and saves
 * and loads as any Spark ML stage (alone or inside a {@code PipelineModel}). The other classes here
 * are the machinery behind them.
 */
package dev.scratchnet.spark.ml;
