package dev.scratchnet.spark;

import dev.scratchnet.Activation;
import dev.scratchnet.DataSet;
import dev.scratchnet.Datasets;
import dev.scratchnet.EpochResult;
import dev.scratchnet.EpochStart;
import dev.scratchnet.Fit;
import dev.scratchnet.Loss;
import dev.scratchnet.Network;
import dev.scratchnet.Optimizer;
import dev.scratchnet.TrainingListener;
import java.util.Random;
import org.apache.spark.api.java.JavaSparkContext;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Wall-clock times of one epoch of 784-128-10 on MNIST-sized data (60000 rows of 28×28 made from
 * the bundled digits, each scaled 3× and shifted at random), for the README: a plain {@code fit},
 * then {@link SparkTraining} on each master given. Arguments: batch size, then masters.
 */
public final class SparkTimes {

    private SparkTimes() {
    }

    public static void main(String[] args) {
        int batchSize = Integer.parseInt(args[0]);
        DataSet data = mnistSized(60000);
        Fit fit = Fit.builder().loss(Loss.CROSS_ENTROPY).optimizer(Optimizer.sgd(0.1)).epochs(1).batchSize(batchSize)
                .build();
        long start = System.nanoTime();
        network().fit(data, fit);
        System.out.printf("plain fit, batch %d: %.1f s%n", batchSize, (System.nanoTime() - start) / 1e9);
        for (int i = 1; i < args.length; i++) {
            JavaSparkContext spark = LocalSpark.start(args[i]);
            try {
                Network net = network();
                long[] firstEpoch = new long[1];
                Fit timed = Fit.builder().loss(fit.loss()).optimizer(fit.optimizer()).epochs(1).batchSize(batchSize)
                        .listener(new TrainingListener() {
                            @Override
                            public void onEpochStart(EpochStart epoch) {
                                firstEpoch[0] = System.nanoTime();
                            }

                            @Override
                            public void onEpochEnd(EpochResult result) {
                            }
                        }).build();
                start = System.nanoTime();
                SparkTraining.fit(net, spark, data, partitions(args[i]), timed);
                long end = System.nanoTime();
                int steps = (data.size() + batchSize - 1) / batchSize;
                System.out.printf("SparkTraining on %s, batch %d: %.1f s in all, %.1f s to set up the workers,"
                        + " %d steps of %.0f ms%n", args[i], batchSize, (end - start) / 1e9,
                        (firstEpoch[0] - start) / 1e9, steps, (end - firstEpoch[0]) / 1e6 / steps);
            } finally {
                spark.stop();
            }
        }
    }

    private static int partitions(String master) {
        return Integer.parseInt(master.replaceAll("local\\[(\\d+).*", "$1"));
    }

    private static Network network() {
        return Network.builder().seed(1).input(784).dense(128, Activation.RELU).dense(10, Activation.SOFTMAX).build();
    }

    private static DataSet mnistSized(int rows) {
        DataSet digits = Datasets.digits().scale(1 / 16.0);
        float[][] pixels = digits.features().toFloatMatrix();
        int[] labels = digits.labels();
        Random random = new Random(1);
        float[] features = new float[rows * 784];
        int[] classes = new int[rows];
        for (int row = 0; row < rows; row++) {
            int digit = random.nextInt(pixels.length);
            int dx = 2 + random.nextInt(3);
            int dy = 2 + random.nextInt(3);
            for (int y = 0; y < 24; y++) {
                for (int x = 0; x < 24; x++) {
                    features[row * 784 + (y + dy) * 28 + x + dx] = pixels[digit][(y / 3) * 8 + x / 3];
                }
            }
            classes[row] = labels[digit];
        }
        return DataSet.ofClasses(Nd4j.create(features, new long[] {rows, 784}, 'c'), classes, 10);
    }
}
