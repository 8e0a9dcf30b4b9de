package dev.scratchnet.samples;

import dev.scratchnet.Activation;
import dev.scratchnet.DataSet;
import dev.scratchnet.Datasets;
import dev.scratchnet.Evaluation;
import dev.scratchnet.Fit;
import dev.scratchnet.Loss;
import dev.scratchnet.Network;
import dev.scratchnet.Optimizer;
import dev.scratchnet.Split;
import dev.scratchnet.TrainingHistory;
import dev.scratchnet.TrainingListener;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * MNIST from the four standard IDX files in a folder: train a 784-128-10 ReLU/softmax network with
 * cross-entropy and SGD on the {@code train-*} files, report accuracy on the {@code t10k-*} files,
 * and write the model and its plots as {@code digits} does (see {@link Outputs}).
 */
@Command(name = "mnist", mixinStandardHelpOptions = true,
        description = "Train on MNIST IDX files (train-*, t10k-*, plain or .gz) and report test accuracy.")
final class MnistCommand implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "DIR",
            description = "folder holding train-images-idx3-ubyte, train-labels-idx1-ubyte, "
                    + "t10k-images-idx3-ubyte and t10k-labels-idx1-ubyte (each may end in .gz): MNIST as "
                    + "published by Yann LeCun et al. (mirrors of yann.lecun.com/exdb/mnist), or made from the "
                    + "bundled digits by ./scratchnet make-mnist-like DIR")
    Path data;

    @Option(names = "--hidden", split = ",", description = "hidden layer widths (default: ${DEFAULT-VALUE})")
    List<Integer> hidden = List.of(128);

    @Option(names = "--learning-rate", description = "SGD learning rate (default: ${DEFAULT-VALUE})")
    double learningRate = 0.1;

    @Option(names = "--epochs", description = "passes over the training images (default: ${DEFAULT-VALUE})")
    int epochs = 10;

    @Option(names = "--batch-size", description = "examples per step (default: ${DEFAULT-VALUE})")
    int batchSize = 32;

    @Option(names = "--seed", description = "seed for the weights and the shuffling (default: ${DEFAULT-VALUE})")
    long seed = 1;

    @Option(names = "--output", paramLabel = "DIR",
            description = "folder for model.zip, history.csv and the PNG plots (default: ${DEFAULT-VALUE})")
    Path output = Path.of("out", "mnist");

    @Option(names = "--quiet", description = "no per-epoch lines and no progress bar")
    boolean quiet;

    @Option(names = "--limit", paramLabel = "N", description = "train on the first N training images only (default: all)")
    Integer limit;

    @Override
    public Integer call() throws IOException {
        if (data == null) {
            throw new IllegalArgumentException("mnist needs --data DIR: a folder with the four MNIST files "
                    + "train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte and "
                    + "t10k-labels-idx1-ubyte (each may end in .gz), as published on the MNIST site (mirrors of "
                    + "yann.lecun.com/exdb/mnist); without a download, ./scratchnet make-mnist-like DIR writes "
                    + "MNIST-shaped files from the bundled digits");
        }
        checkOptions();
        long start = System.nanoTime();
        Split mnist = Datasets.mnist(data);
        DataSet train = limit == null ? mnist.train() : first(mnist.train(), limit);
        DataSet test = mnist.test();
        System.out.printf("loaded %d training and %d test images of %d pixels from %s in %.1f s%n",
                train.size(), test.size(), train.numFeatures(), data, (System.nanoTime() - start) / 1e9);

        Network.Builder builder = Network.builder().seed(seed).input(train.numFeatures());
        for (int width : hidden) {
            builder.dense(width, Activation.RELU);
        }
        Network net = builder.dense(train.numOutputs(), Activation.SOFTMAX).build();
        System.out.print(net.summary());

        Fit fit = Fit.builder()
                .loss(Loss.CROSS_ENTROPY)
                .optimizer(Optimizer.sgd(learningRate))
                .epochs(epochs).batchSize(batchSize).seed(seed)
                // the test set measured after every epoch, so that history.csv and history.png hold it
                // (as validation); it only measures, training never sees it
                .validation(test)
                .listener(quiet || EpochLine.barDrawn() ? r -> { } : r -> System.out.printf(
                        "epoch %3d  loss %.4f  train accuracy %.1f%%  test accuracy %.1f%%%n",
                        r.epoch(), r.trainLoss(), 100 * r.trainAccuracy(), 100 * r.validationAccuracy()))
                .listener(TrainingListener.progressBar(quiet))
                .build();
        long trainStart = System.nanoTime();
        TrainingHistory history = net.fit(train, fit);
        double seconds = (System.nanoTime() - trainStart) / 1e9;
        Evaluation evaluation = net.evaluate(test);
        System.out.println();
        System.out.print(evaluation.classificationReport());
        System.out.printf("%ntest accuracy: %.4f (%d test images, %d epochs in %.1f s)%n",
                evaluation.accuracy(), test.size(), history.epochs(), seconds);
        Outputs.write(output, net, history, evaluation, test);
        return 0;
    }

    /** Every option and the output folder, checked before the IDX files are read. */
    private void checkOptions() {
        for (int width : hidden) {
            if (width <= 0) {
                throw new IllegalArgumentException("--hidden widths must be > 0, was " + width + " in " + hidden);
            }
        }
        Optimizer.sgd(learningRate);
        if (epochs <= 0) {
            throw new IllegalArgumentException("--epochs must be > 0, was " + epochs);
        }
        if (batchSize <= 0) {
            throw new IllegalArgumentException("--batch-size must be > 0, was " + batchSize);
        }
        if (limit != null && limit <= 0) {
            throw new IllegalArgumentException("--limit must be > 0, was " + limit);
        }
        OutputFolder.check("--output", output, Outputs.FILES);
        OverwriteCheck.folder("--data", data, "--output", output, Outputs.FILES);
    }

    /** The first {@code n} examples, or all of them when there are fewer. */
    private static DataSet first(DataSet data, int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("--limit must be > 0, was " + n);
        }
        return n >= data.size() ? data : data.batches(n).get(0);
    }
}
