package dev.scratchnet.engine;

import dev.scratchnet.Activation;
import dev.scratchnet.Layer;
import dev.scratchnet.Network;
import dev.scratchnet.buffers.Blas;
import dev.scratchnet.buffers.Matrix;
import dev.scratchnet.buffers.SmallArrays;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * W3's one image a call taken apart, for BENCHMARKS.md ("One image a call: the heap's first
 * pages"): {@code net.predict} on 2000 separate 1 × 784 rows of a 784-256-128-10 network, then the
 * fast path alone, the three layers on buffers made beforehand, the three matrix-vector products
 * alone, and a new 1 × 10 output array alone; each stage {@code passes} times in turn, printing the
 * fastest and the median pass of the second half (µs an image). With a second argument {@code n},
 * the same for 2000 images in calls of n rows: the layers and the products then run on the calling
 * thread alone, where the fast path shares large batches with the inference helpers.
 */
public final class SingleRowStageTimes {

    /** Keeps results alive so that no stage is optimised away. */
    static volatile Object sink;

    private SingleRowStageTimes() {
    }

    public static void main(String[] args) {
        int passes = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        Network net = Network.builder().seed(1).input(784).dense(256, Activation.RELU).dense(128, Activation.RELU)
                .dense(10, Activation.SOFTMAX).build();
        INDArray[] rows = new INDArray[2000 / n];
        Matrix[] wrapped = new Matrix[rows.length];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = Nd4j.rand(DataType.FLOAT, n, 784);
            wrapped[i] = Matrix.of(rows[i]);
        }
        List<FastLayer> layers = new ArrayList<>();
        for (Layer layer : net.layers()) {
            layers.add(new FastLayer(layer, 0, null));
        }
        FastInference inference = FastInference.of(net.layers());
        Matrix[] outputs = {Matrix.create(DataType.FLOAT, n, 256), Matrix.create(DataType.FLOAT, n, 128),
                Matrix.create(DataType.FLOAT, n, 10)};
        String[] names = {"net.predict", "the fast path", "the layers alone", "the three products alone",
                "a new n x 10 array"};
        double[][] micros = new double[names.length][passes];
        for (int pass = 0; pass < passes; pass++) {
            for (int stage = 0; stage < names.length; stage++) {
                long start = System.nanoTime();
                switch (stage) {
                    case 0 -> {
                        for (INDArray row : rows) {
                            sink = net.predict(row);
                        }
                    }
                    case 1 -> {
                        for (INDArray row : rows) {
                            sink = inference.predictIfFinite(row);
                        }
                    }
                    case 2 -> {
                        for (Matrix x : wrapped) {
                            Matrix current = x;
                            for (int i = 0; i < layers.size(); i++) {
                                layers.get(i).affine(current, outputs[i], n);
                                layers.get(i).activation.forward(outputs[i], n);
                                current = outputs[i];
                            }
                        }
                    }
                    case 3 -> {
                        for (Matrix x : wrapped) {
                            Matrix current = x;
                            for (int i = 0; i < layers.size(); i++) {
                                FastLayer layer = layers.get(i);
                                if (n == 1) {
                                    Blas.gemvTransposed(layer.weights, current, outputs[i]);
                                } else {
                                    Blas.gemm(false, false, n, layer.nOut, layer.nIn, 1, current, layer.weights, 0,
                                            outputs[i]);
                                }
                                current = outputs[i];
                            }
                        }
                    }
                    default -> {
                        for (int i = 0; i < rows.length; i++) {
                            sink = SmallArrays.uninitialized(DataType.FLOAT, n, 10);
                        }
                    }
                }
                micros[stage][pass] = (System.nanoTime() - start) / 1e3 / (rows.length * n);
            }
        }
        for (int stage = 0; stage < names.length; stage++) {
            Arrays.sort(micros[stage], passes / 2, passes);
            System.out.printf("%-26s fastest %6.2f µs, median %6.2f µs%n", names[stage],
                    micros[stage][passes / 2], micros[stage][passes / 2 + passes / 4]);
        }
    }
}
