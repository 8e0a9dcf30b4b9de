package dev.scratchnet.samples;

import dev.scratchnet.Activation;
import dev.scratchnet.DataSet;
import dev.scratchnet.Datasets;
import dev.scratchnet.Fit;
import dev.scratchnet.Loss;
import dev.scratchnet.Network;
import dev.scratchnet.Optimizer;
import dev.scratchnet.Split;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The main job: train on the bundled 8×8 digits, evaluate on a held-out fifth.
 * {@code --tutorial} switches to the tutorials' 64-15-10 ReLU/sigmoid/MSE network.
 */
@Command(name = "digits", mixinStandardHelpOptions = true,
        description = "Train a digits classifier on the bundled 8x8 digits and report held-out accuracy.")
final class DigitsCommand implements Callable<Integer> {

    @Option(names = "--hidden", split = ",", description = "hidden layer widths (default: ${DEFAULT-VALUE})")
    List<Integer> hidden = List.of(100);

    @Option(names = "--activation", description = "hidden activation: relu, tanh, sigmoid (default: ${DEFAULT-VALUE})")
    String activation = "relu";

    @Option(names = "--learning-rate", description = "SGD learning rate (default: ${DEFAULT-VALUE})")
    double learningRate = 0.1;

    @Option(names = "--epochs", description = "passes over the training split (default: ${DEFAULT-VALUE})")
    int epochs = 60;

    @Option(names = "--batch-size", description = "examples per step (default: ${DEFAULT-VALUE})")
    int batchSize = 16;

    @Option(names = "--seed", description = "seed for the split, the weights and the shuffling (default: ${DEFAULT-VALUE})")
    long seed = 1;

    @Option(names = "--tutorial", description = "the tutorials' 64-15-10 ReLU/sigmoid network with MSE, batch 15, learning rate 2")
    boolean tutorial;

    @Override
    public Integer call() {
        Split split = Datasets.digits().scale(1 / 16.0).split(0.8, seed);
        Network net = tutorial ? tutorialNetwork() : defaultNetwork();
        Fit fit = Fit.builder()
                .loss(tutorial ? Loss.MSE : Loss.CROSS_ENTROPY)
                .optimizer(Optimizer.sgd(tutorial ? 2.0 : learningRate))
                .epochs(tutorial ? 100 : epochs)
                .batchSize(tutorial ? 15 : batchSize)
                .seed(seed)
                .listener(r -> System.out.printf("epoch %3d  loss %.4f  accuracy %.1f%%%n",
                        r.epoch(), r.trainLoss(), 100 * r.trainAccuracy()))
                .build();
        System.out.print(net.summary());
        net.fit(split.train(), fit);
        DataSet test = split.test();
        System.out.printf("held-out accuracy: %.4f (%d test digits)%n", net.evaluate(test).accuracy(), test.size());
        return 0;
    }

    private Network tutorialNetwork() {
        return Network.builder().seed(seed)
                .dense(64, 15, Activation.RELU)
                .dense(15, 10, Activation.SIGMOID)
                .build();
    }

    private Network defaultNetwork() {
        Network.Builder builder = Network.builder().seed(seed).input(64);
        for (int width : hidden) {
            builder.dense(width, hiddenActivation());
        }
        return builder.dense(10, Activation.SOFTMAX).build();
    }

    private Activation hiddenActivation() {
        return switch (activation) {
            case "relu" -> Activation.RELU;
            case "tanh" -> Activation.TANH;
            case "sigmoid" -> Activation.SIGMOID;
            default -> throw new IllegalArgumentException("--activation must be relu, tanh or sigmoid, was " + activation);
        };
    }
}
