package dev.scratchnet;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * W3's one image a call, alone, for BENCHMARKS.md: {@code net.predict} on 2000 separate 1 × 784 rows
 * of a 784-256-128-10 network, {@code passes} times; prints the fastest and the median pass of the
 * second half (µs a call). Run it with and without {@code -Dorg.bytedeco.javacpp.maxPhysicalBytes=0}
 * to see what JavaCPP's resident-size check at each allocation costs. Also prints the heap a call
 * allocates: on a virtual machine whose page faults are slow, a heap the collector has just grown
 * makes each new page of it cost as much as the call (BENCHMARKS.md, "A new heap's pages"). With
 * {@code --each} after the pass count it also prints every pass's time in order, which shows the
 * stretches between two collections that run slow while the young generation takes new pages.
 */
public final class SingleRowPredictTimes {

    private SingleRowPredictTimes() {
    }

    public static void main(String[] args) {
        int passes = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        Network net = Network.builder().seed(1).input(784).dense(256, Activation.RELU).dense(128, Activation.RELU)
                .dense(10, Activation.SOFTMAX).build();
        INDArray[] rows = new INDArray[2000];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = Nd4j.rand(DataType.FLOAT, 1, 784);
        }
        double[] micros = new double[passes];
        for (int pass = 0; pass < passes; pass++) {
            long start = System.nanoTime();
            for (INDArray row : rows) {
                net.predict(row);
            }
            micros[pass] = (System.nanoTime() - start) / 1e3 / rows.length;
        }
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        for (INDArray row : rows) {
            net.predict(row);
        }
        long bytesPerCall = (threads.getCurrentThreadAllocatedBytes() - before) / rows.length;
        if (args.length > 1 && args[1].equals("--each")) {
            StringBuilder each = new StringBuilder("each pass, µs a call:");
            for (double pass : micros) {
                each.append(String.format(" %.1f", pass));
            }
            System.out.println(each);
        }
        Arrays.sort(micros, passes / 2, passes);
        System.out.printf("one row a call, the second half of %d passes: fastest %.1f µs, median %.1f µs;"
                + " %d bytes of heap a call%n", passes, micros[passes / 2], micros[passes / 2 + passes / 4], bytesPerCall);
    }
}
