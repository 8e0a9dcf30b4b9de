package dev.scratchnet.engine;

import dev.scratchnet.Activation;
import dev.scratchnet.Layer;
import dev.scratchnet.Loss;
import dev.scratchnet.Network;
import dev.scratchnet.Plan;
import dev.scratchnet.buffers.Matrix;
import dev.scratchnet.internal.Permutation;
import dev.scratchnet.kernels.LossKernel;
import dev.scratchnet.ops.OpTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The training plans against each other on the scale table's cells, for BENCHMARKS.md ("Split
 * products"): for each cell (784-H-10, or the widths given, as {@code 784-256-128-10x64}; ReLU and
 * softmax, cross-entropy, fused SGD 0.1), one epoch
 * of 8000 random rows in a shuffled order with each plan in turn, {@code rounds} rounds after one
 * untimed, in one JVM, so that a neighbour's burst slows every plan of a round alike; prints each
 * plan's median epoch and its ratio to one thread. Not a test: run it by hand, e.g.
 * {@code java -cp … dev.scratchnet.engine.PlanEpochTimes 1024x16,2048x64 7}.
 */
final class PlanEpochTimes {

    private static final int ROWS = 8000;

    private PlanEpochTimes() {
    }

    public static void main(String[] args) {
        String[] cells = (args.length > 0 && !args[0].isBlank() ? args[0]
                : "64x16,64x64,64x256,256x16,256x64,256x256,1024x16,1024x64,1024x256,2048x16,2048x64,2048x256").split(",");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
        List<PlanChoice> plans = List.of(PlanChoice.oneThread("times"), new PlanChoice(Plan.SPLIT_ROWS, threads, "times"),
                new PlanChoice(Plan.SPLIT_PRODUCTS, threads, "times"));
        Random random = new Random(1);
        INDArray x = Matrix.readable(Nd4j.rand(DataType.FLOAT, ROWS, 784));
        INDArray y = Nd4j.zeros(DataType.FLOAT, ROWS, 10);
        for (int r = 0; r < ROWS; r++) {
            y.putScalar(r, random.nextInt(10), 1);
        }
        LossKernel kernel = OpTable.of(Loss.CROSS_ENTROPY).orElseThrow().kernel().apply(Loss.CROSS_ENTROPY);
        boolean fused = OpTable.fused(Activation.SOFTMAX, Loss.CROSS_ENTROPY);
        System.out.printf(Locale.ROOT, "%-19s %-12s %-12s %-15s %-10s %-10s%n", "cell", "one-thread", "split-rows",
                "split-products", "rows/one", "products/one");
        for (String cell : cells) {
            String[] parts = cell.trim().split("x");
            // H for 784-H-10, or every width: 784-256-128-10x64 is W2's network and batch
            int[] widths = parts[0].contains("-") ? Arrays.stream(parts[0].split("-")).mapToInt(Integer::parseInt).toArray()
                    : new int[] {784, Integer.parseInt(parts[0]), 10};
            int batch = Integer.parseInt(parts[1]);
            Network.Builder builder = Network.builder().seed(1);
            for (int i = 0; i + 1 < widths.length; i++) {
                builder.dense(widths[i], widths[i + 1], i + 2 < widths.length ? Activation.RELU : Activation.SOFTMAX);
            }
            List<Layer> layers = builder.build().layers();
            List<TrainingPath> paths = new ArrayList<>();
            for (PlanChoice plan : plans) {
                paths.add(FastArithmetic.path(layers, DataType.FLOAT, plan, kernel, fused, batch, null));
            }
            double[][] seconds = new double[plans.size()][rounds];
            for (int round = -1; round < rounds; round++) {
                for (int p = 0; p < plans.size(); p++) {
                    int[] order = Permutation.of(ROWS, random);
                    long start = System.nanoTime();
                    for (int from = 0; from < ROWS; from += batch) {
                        paths.get(p).sgdStep(x, y, order, from, Math.min(ROWS, from + batch), 0.1, 0);
                    }
                    if (round >= 0) {
                        seconds[p][round] = (System.nanoTime() - start) / 1e9;
                    }
                }
            }
            double[] medians = new double[plans.size()];
            for (int p = 0; p < plans.size(); p++) {
                Arrays.sort(seconds[p]);
                medians[p] = seconds[p][rounds / 2];
                paths.get(p).release();
            }
            System.out.printf(Locale.ROOT, "%-19s %-12s %-12s %-15s %-10.2f %-10.2f%n", cell,
                    String.format(Locale.ROOT, "%.4f s", medians[0]), String.format(Locale.ROOT, "%.4f s", medians[1]),
                    String.format(Locale.ROOT, "%.4f s", medians[2]), medians[1] / medians[0], medians[2] / medians[0]);
        }
    }
}
