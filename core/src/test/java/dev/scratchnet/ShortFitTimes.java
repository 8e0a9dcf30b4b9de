package dev.scratchnet;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A fit's fixed cost, for BENCHMARKS.md: {@code fits} one-epoch fits of a new 784-H-10 network on
 * {@code rows} random rows (batch 256, SGD, cross-entropy), each on a network built outside the
 * timing, as the scale table times its cells; prints the fastest and the median fit (ms). With 256
 * rows a fit is one step, and the rest is what every fit pays.
 */
public final class ShortFitTimes {

    private ShortFitTimes() {
    }

    public static void main(String[] args) {
        int width = Integer.parseInt(args[0]);
        int rows = Integer.parseInt(args[1]);
        int fits = Integer.parseInt(args[2]);
        Nd4j.getRandom().setSeed(1);
        INDArray features = Nd4j.rand(DataType.FLOAT, rows, 784);
        INDArray targets = Nd4j.zeros(DataType.FLOAT, rows, 10);
        for (int i = 0; i < rows; i++) {
            targets.putScalar(i, i % 10, 1);
        }
        DataSet data = DataSet.of(features, targets);
        Fit fit = Fit.builder().loss(Loss.CROSS_ENTROPY).optimizer(Optimizer.sgd(0.1)).epochs(1).batchSize(256).seed(1)
                .build();
        double[] millis = new double[fits];
        for (int i = 0; i < fits; i++) {
            Network net = Network.builder().seed(1).input(784).dense(width, Activation.RELU)
                    .dense(10, Activation.SOFTMAX).build();
            long start = System.nanoTime();
            net.fit(data, fit);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        System.out.printf("784-%d-10, %d rows, %d fits: fastest %.2f ms, median %.2f ms%n", width, rows, fits, millis[0],
                millis[fits / 2]);
    }
}
