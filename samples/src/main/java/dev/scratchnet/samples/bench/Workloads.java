package dev.scratchnet.samples.bench;

import dev.scratchnet.Activation;
import dev.scratchnet.DataSet;
import dev.scratchnet.Datasets;
import dev.scratchnet.Fit;
import dev.scratchnet.Loss;
import dev.scratchnet.Network;
import dev.scratchnet.Optimizer;
import dev.scratchnet.Split;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The benchmark workloads, through the public API only:
 * <ul>
 *   <li>W1: the digits network 64-15-10 ReLU/sigmoid, MSE, SGD, batch 15, 100 epochs over all 1797 digits;</li>
 *   <li>W2: 784-256-128-10 ReLU/softmax, cross-entropy, SGD, batch 64, 5 epochs over the first 8000 training images;</li>
 *   <li>W3: W2's network predicting test images one at a time (seconds per image), and all at once.</li>
 * </ul>
 * {@code fit} takes each batch's loss from its forward pass and averages them over the epoch; the numpy
 * reference does the same, so both sides do the same work.
 */
final class Workloads {

    static final int W2_EXAMPLES = 8000;

    private final DataSet digits = Datasets.digits().scale(1 / 16.0);
    private final DataSet mnistTrain;
    private final INDArray mnistTest;
    /** W3's model, built once as a served model is: inference is timed in its steady state. */
    private final Network served = mnistNetwork();
    /** W3's images one per array, made on first use (see {@link #singleImages()}). */
    private List<INDArray> singleImages;

    Workloads(Path mnistDir, int testSamples) throws IOException {
        Split mnist = Datasets.mnist(mnistDir);
        DataSet train = mnist.train();
        int rows = Math.min(W2_EXAMPLES, train.size());
        this.mnistTrain = DataSet.of(train.features().get(NDArrayIndex.interval(0, rows), NDArrayIndex.all()).dup(),
                train.targets().get(NDArrayIndex.interval(0, rows), NDArrayIndex.all()).dup());
        INDArray test = mnist.test().features();
        int samples = Math.min(testSamples, test.rows());
        this.mnistTest = test.get(NDArrayIndex.interval(0, samples), NDArrayIndex.all()).dup();
    }

    /** W1, whole run in seconds. */
    double w1() {
        Network net = Network.builder().seed(1)
                .dense(64, 15, Activation.RELU)
                .dense(15, 10, Activation.SIGMOID)
                .build();
        Fit fit = Fit.builder().loss(Loss.MSE).optimizer(Optimizer.sgd(2.0)).epochs(100).batchSize(15).seed(1).build();
        long start = System.nanoTime();
        net.fit(digits, fit);
        return seconds(start);
    }

    /** W2, whole run in seconds. */
    double w2() {
        Network net = mnistNetwork();
        Fit fit = Fit.builder().loss(Loss.CROSS_ENTROPY).optimizer(Optimizer.sgd(0.1)).epochs(5).batchSize(64).seed(1)
                .build();
        long start = System.nanoTime();
        net.fit(mnistTrain, fit);
        return seconds(start);
    }

    /** W3, seconds per image when each test image is predicted on its own. */
    double w3Single() {
        List<INDArray> images = singleImages();
        long start = System.nanoTime();
        for (INDArray image : images) {
            served.predict(image);
        }
        return seconds(start) / images.size();
    }

    /**
     * W3's test images, each as its own {@code [1, 784]} array, as requests arrive: copied once, as
     * numpy's reference slices its test set once a run, so that no timed run collects the copies of
     * the runs before it.
     */
    private List<INDArray> singleImages() {
        if (singleImages == null) {
            List<INDArray> images = new ArrayList<>();
            for (int i = 0; i < mnistTest.rows(); i++) {
                images.add(mnistTest.getRow(i, true).dup());
            }
            singleImages = List.copyOf(images);
        }
        return singleImages;
    }

    /** W3 batched, seconds per image when all test images are predicted in one call. */
    double w3Batched() {
        long start = System.nanoTime();
        served.predict(mnistTest);
        return seconds(start) / mnistTest.rows();
    }

    /** W3's network. */
    Network served() {
        return served;
    }

    /** W3's test images, one per row. */
    INDArray testImages() {
        return mnistTest;
    }

    /** W2's training set: the first 8000 training images. */
    DataSet mnistTrain() {
        return mnistTrain;
    }

    /** Training examples of W2 (for the GEMM floor). */
    int w2Examples() {
        return mnistTrain.size();
    }

    /** The digits network of W1 and the start-up probes, 64-15-10, untrained. */
    static Network digitsNetwork() {
        return Network.builder().seed(1)
                .dense(64, 15, Activation.RELU)
                .dense(15, 10, Activation.SIGMOID)
                .build();
    }

    static Network mnistNetwork() {
        return Network.builder().seed(1)
                .dense(784, 256, Activation.RELU)
                .dense(256, 128, Activation.RELU)
                .dense(128, 10, Activation.SOFTMAX)
                .build();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
