package dev.scratchnet;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Trains a fixed network on fixed data and prints the SHA-256 of its final weights, so that a test
 * (or a person, with other thread settings) can compare runs in separate JVMs:
 * <pre>
 *   java -cp CLASSPATH dev.scratchnet.DeterminismProbe [digits|large|dropout]
 * </pre>
 * The line before the hash names the native thread counts the run had, OpenBLAS's and the OpenMP
 * team size of the training thread, so that a comparison can check it compared what it meant to.
 * {@code digits}: 64-32-10 on the bundled digits, 3 epochs; {@code large}: 784-256-10 on 6000
 * seeded random rows, 2 epochs with batch 256, sizes at which the BLAS library and ND4J may use
 * several threads; {@code dropout}: {@code large} with dropout 0.3 after the hidden layer.
 */
public final class DeterminismProbe {

    private DeterminismProbe() {
    }

    /** The weights hash of one seeded training run of {@code workload}. */
    static String run(String workload) {
        Network net;
        DataSet data;
        int batchSize;
        int epochs;
        if ("large".equals(workload) || "dropout".equals(workload)) {
            INDArray x = Nd4j.rand(Nd4j.createUninitialized(DataType.FLOAT, 6000, 784),
                    Nd4j.getRandomFactory().getNewRandomInstance(7));
            int[] labels = new int[6000];
            java.util.Random random = new java.util.Random(7);
            for (int i = 0; i < labels.length; i++) {
                labels[i] = random.nextInt(10);
            }
            data = DataSet.ofClasses(x, labels, 10);
            Network.Builder builder = Network.builder().seed(5).dense(784, 256, Activation.RELU);
            if ("dropout".equals(workload)) {
                builder.dropout(0.3);
            }
            net = builder.dense(256, 10, Activation.SOFTMAX).build();
            batchSize = 256;
            epochs = 2;
        } else {
            data = Datasets.digits().scale(1 / 16.0);
            net = Network.builder().seed(5).dense(64, 32, Activation.RELU).dense(32, 10, Activation.SOFTMAX).build();
            batchSize = 32;
            epochs = 3;
        }
        net.fit(data, Fit.builder().loss(Loss.CROSS_ENTROPY).optimizer(Optimizer.adam(1e-3)).epochs(epochs)
                .batchSize(batchSize).shuffle(true).seed(11).l2(1e-4).build());
        return Weights.hash(net);
    }

    /** The native thread counts in force on the calling thread, as {@code threads: blas B, openmp M}. */
    static String threads() {
        return "threads: blas " + Nd4j.factory().blas().getMaxThreads()
                + ", openmp " + NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads();
    }

    /** Prints the thread counts and then the hash of {@code args[0]}'s workload (default {@code digits}) as the last line. */
    public static void main(String[] args) {
        String hash = run(args.length > 0 ? args[0] : "digits");
        System.out.println(threads());
        System.out.println(hash);
    }
}
