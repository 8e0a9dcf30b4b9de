package dev.scratchnet.spark;

import dev.scratchnet.Activation;
import dev.scratchnet.DataSet;
import dev.scratchnet.Datasets;
import dev.scratchnet.Fit;
import dev.scratchnet.Loss;
import dev.scratchnet.Network;
import dev.scratchnet.Optimizer;
import dev.scratchnet.Split;
import java.util.List;
import java.util.Random;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Parameter averaging against exact steps and one machine, for BENCHMARKS.md: 784-1024-512-10
 * ReLU/softmax, Adam 1e-3, batch 256, on 60000 MNIST-sized training rows and 10000 held-out ones
 * (the bundled digits split 80/20 first, each side scaled 3× and shifted at random into 28×28, so
 * no held-out row comes from a training digit). First a plain {@code net.fit} on one training
 * thread, then each run given on two cached partitions. Arguments: epochs, the master
 * ({@code local[2]}, or {@code standalone} for a master and two one-core workers started here),
 * then runs: {@code average:K} or {@code exact}.
 */
public final class AveragingTimes {

    private AveragingTimes() {
    }

    public static void main(String[] args) throws Exception {
        int epochs = Integer.parseInt(args[0]);
        Split digits = Datasets.digits().scale(1 / 16.0).split(0.8, 1);
        DataSet train = mnistSized(digits.train(), 60000, 1);
        DataSet test = mnistSized(digits.test(), 10000, 2);
        Fit fit = Fit.builder().loss(Loss.CROSS_ENTROPY).optimizer(Optimizer.adam(1e-3)).epochs(epochs).batchSize(256)
                .seed(1).build();
        Network plain = network(1);
        long start = System.nanoTime();
        plain.fit(train, fit);
        double plainSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("plain fit, threads(1): %.1f s, held-out accuracy %.4f%n", plainSeconds,
                plain.evaluate(test).accuracy());
        try (SparkHarness harness = SparkHarness.start(args[1])) {
            JavaSparkContext spark = harness.context();
            Broadcast<DataSet> shared = spark.broadcast(train);
            JavaRDD<DataSet> parts = cachedHalves(spark, shared);
            for (int i = 2; i < args.length; i++) {
                TrainingMode mode = args[i].equals("exact") ? SparkTraining.exact()
                        : SparkTraining.averageEvery(Integer.parseInt(args[i].substring("average:".length())));
                Network net = network(1);
                start = System.nanoTime();
                SparkTraining.fit(net, parts, fit, mode);
                double seconds = (System.nanoTime() - start) / 1e9;
                String rounds = "";
                if (mode.averages()) {
                    RoundTimes times = AveragingTraining.lastTimes;
                    rounds = String.format(", %d rounds of %.0f ms, %.1f ms of it beyond the slowest partition's work;"
                            + " %s", times.rounds(), times.roundNanos() / 1e6 / times.rounds(), times.overheadMillis(),
                            times.breakdown());
                }
                System.out.printf("%s on %s: %.1f s (%.2f× plain), held-out accuracy %.4f%s%n", mode, args[1], seconds,
                        seconds / plainSeconds, net.evaluate(test).accuracy(), rounds);
            }
        }
    }

    private static Network network(int threads) {
        return Network.builder().seed(1).threads(threads).input(784).dense(1024, Activation.RELU)
                .dense(512, Activation.RELU).dense(10, Activation.SOFTMAX).build();
    }

    /**
     * The two halves of {@code data}, cached on the executors. Each half is cut from a broadcast by
     * its task rather than given to {@code parallelize}: a parallelized collection travels inside
     * every task of every job on the RDD, cached or not, and would make each epoch's job start
     * seconds late (docs/spark.md, "Where the rows come from").
     */
    private static JavaRDD<DataSet> cachedHalves(JavaSparkContext spark, Broadcast<DataSet> data) {
        JavaRDD<DataSet> halves = spark.parallelize(List.of(0, 1), 2).map(half -> {
            int rows = data.value().size();
            return SparkTrainingIT.part(data.value(), half * rows / 2, (half + 1) * rows / 2);
        }).persist(StorageLevel.MEMORY_ONLY());
        halves.count();
        return halves;
    }

    /** {@code rows} 28×28 images, each a digit of {@code digits} scaled 3× and shifted by 2-4 pixels. */
    static DataSet mnistSized(DataSet digits, int rows, long seed) {
        float[][] pixels = digits.features().toFloatMatrix();
        int[] labels = digits.labels();
        Random random = new Random(seed);
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
