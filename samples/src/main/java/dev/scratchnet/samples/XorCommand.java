package dev.scratchnet.samples;

import dev.scratchnet.Activation;
import dev.scratchnet.DataSet;
import dev.scratchnet.Datasets;
import dev.scratchnet.Fit;
import dev.scratchnet.Loss;
import dev.scratchnet.Network;
import dev.scratchnet.Optimizer;
import dev.scratchnet.TrainingHistory;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The tutorials' XOR: a 2-3-1 tanh/sigmoid network learns the four rows with binary
 * cross-entropy and full-batch gradient descent, printing the loss every so many iterations,
 * then each row's output and the accuracy.
 */
@Command(name = "xor", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Learn XOR with a 2-3-1 tanh/sigmoid network (binary cross-entropy, full-batch SGD).")
final class XorCommand implements Callable<Integer> {

    @Option(names = "--hidden", description = "hidden width (default: ${DEFAULT-VALUE})")
    int hidden = 3;

    @Option(names = "--learning-rate", paramLabel = "RATE", description = "SGD learning rate (default: ${DEFAULT-VALUE})")
    double learningRate = 0.5;

    @Option(names = "--iterations", paramLabel = "N", description = "gradient steps over all four rows (default: ${DEFAULT-VALUE})")
    int iterations = 2000;

    @Option(names = "--print-every", paramLabel = "N", description = "print the loss every N iterations (default: ${DEFAULT-VALUE})")
    int printEvery = 200;

    @Option(names = "--seed", description = "seed for the initial weights (default: ${DEFAULT-VALUE})")
    long seed = 1;

    @Override
    public Integer call() {
        DataSet xor = Datasets.xor();
        Network net = Network.builder().seed(seed)
                .dense(2, hidden, Activation.TANH)
                .dense(hidden, 1, Activation.SIGMOID)
                .build();
        TrainingHistory history = net.fit(xor, Fit.builder()
                .loss(Loss.BINARY_CROSS_ENTROPY)
                .optimizer(Optimizer.sgd(learningRate))
                .epochs(iterations).batchSize(xor.size())
                .listener(IterationLine.every(printEvery))
                .build());

        float[] inputs = xor.features().ravel().toFloatVector();
        float[] outputs = net.predict(xor.features()).ravel().toFloatVector();
        int[] actual = xor.labels();
        System.out.println();
        for (int row = 0; row < actual.length; row++) {
            System.out.printf("%.0f xor %.0f = %d   network says %.4f%n",
                    inputs[2 * row], inputs[2 * row + 1], actual[row], outputs[row]);
        }
        System.out.printf("final loss: %.6f%n", history.finalLoss());
        System.out.printf("training accuracy: %.2f%n", net.evaluate(xor).accuracy());
        return 0;
    }
}
