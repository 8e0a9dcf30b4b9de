package dev.scratchnet.samples;

import dev.scratchnet.Activation;
import dev.scratchnet.DataSet;
import dev.scratchnet.Datasets;
import dev.scratchnet.Fit;
import dev.scratchnet.Loss;
import dev.scratchnet.Network;
import dev.scratchnet.Optimizer;
import dev.scratchnet.plots.Plots;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The tutorials' spiral: three interleaved arms of 100 points each, separated by a 2-100-3
 * ReLU/softmax network trained full-batch with cross-entropy, SGD 1.0 and L2 1e-3. Prints the
 * loss every so many iterations and the training accuracy, and draws the decision regions.
 */
@Command(name = "spiral", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Separate the tutorials' 3-class spiral with a 2-100-3 ReLU/softmax network "
                + "(cross-entropy, full-batch SGD 1.0, L2 1e-3) and draw its decision regions."})
final class SpiralCommand implements Callable<Integer> {

    @Option(names = "--points", paramLabel = "N", description = "points per class (default: ${DEFAULT-VALUE})")
    int points = 100;

    @Option(names = "--classes", description = "number of arms (default: ${DEFAULT-VALUE})")
    int classes = 3;

    @Option(names = "--hidden", description = "hidden width (default: ${DEFAULT-VALUE})")
    int hidden = 100;

    @Option(names = "--learning-rate", paramLabel = "RATE", description = "SGD learning rate (default: ${DEFAULT-VALUE})")
    double learningRate = 1.0;

    @Option(names = "--l2", paramLabel = "LAMBDA", description = "L2 weight decay (default: ${DEFAULT-VALUE})")
    double l2 = 1e-3;

    @Option(names = "--iterations", paramLabel = "N", description = "full-batch gradient steps (default: ${DEFAULT-VALUE})")
    int iterations = 10000;

    @Option(names = "--print-every", paramLabel = "N", description = "print the loss every N iterations (default: ${DEFAULT-VALUE})")
    int printEvery = 1000;

    @Option(names = "--seed", description = "seed for the points' noise and the initial weights (default: ${DEFAULT-VALUE})")
    long seed = 1;

    @Option(names = "--output", paramLabel = "DIR", description = "folder for spiral.png (default: ${DEFAULT-VALUE})")
    Path output = Path.of("out", "spiral");

    @Override
    public Integer call() throws IOException {
        OutputFolder.check("--output", output, List.of("spiral.png"));
        DataSet spiral = Datasets.spiral(points, classes, seed);
        Network net = Network.builder().seed(seed)
                .dense(2, hidden, Activation.RELU)
                .dense(hidden, classes, Activation.SOFTMAX)
                .build();
        net.fit(spiral, Fit.builder()
                .loss(Loss.CROSS_ENTROPY)
                .optimizer(Optimizer.sgd(learningRate))
                .l2(l2)
                .epochs(iterations).batchSize(spiral.size())
                .listener(IterationLine.every(printEvery))
                .build());

        System.out.printf("training accuracy: %.2f%n", net.evaluate(spiral).accuracy());
        Path png = output.resolve("spiral.png");
        Plots.decisionRegions(net, spiral, png, 600, 600);
        System.out.println("wrote " + png);
        return 0;
    }
}
