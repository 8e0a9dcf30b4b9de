package dev.scratchnet.samples;

import dev.scratchnet.Activation;
import dev.scratchnet.DataSet;
import dev.scratchnet.Datasets;
import dev.scratchnet.Evaluation;
import dev.scratchnet.Fit;
import dev.scratchnet.Network;
import dev.scratchnet.Split;
import dev.scratchnet.TrainingHistory;
import dev.scratchnet.TrainingListener;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The main job: train on the bundled 8×8 digits, evaluate on a held-out fifth, print the
 * classification report and write the model and its plots. {@code --tutorial} switches the
 * defaults to the tutorials' 64-15-10 ReLU/sigmoid/MSE network, written to out/digits-tutorial;
 * options given explicitly still apply.
 */
@Command(name = "digits", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a classifier on the bundled 8x8 digits (80/20 split, seeded), print the "
                + "classification report and the held-out accuracy, and write the model and plots to --output.",
                "Defaults: 64-256-128-10 ReLU/softmax, cross-entropy, Adam 0.001, batch 32, 60 epochs."})
final class DigitsCommand implements Callable<Integer> {

    @Option(names = "--hidden", split = ",", paramLabel = "WIDTH",
            description = "hidden layer widths, e.g. 256,128 or 100 (default: 256,128; tutorial: 15)")
    List<Integer> hidden;

    @Option(names = "--activation", completionCandidates = Choices.ActivationNames.class,
            description = "hidden activation: ${COMPLETION-CANDIDATES} (default: relu)")
    String activation = "relu";

    @Option(names = "--loss", completionCandidates = Choices.LossNames.class,
            description = "loss: ${COMPLETION-CANDIDATES} (default: cross-entropy; tutorial: mse)")
    String loss;

    @Option(names = "--optimizer", completionCandidates = Choices.OptimizerNames.class,
            description = "optimizer: ${COMPLETION-CANDIDATES} (default: adam; tutorial: sgd)")
    String optimizer;

    @Option(names = "--learning-rate", paramLabel = "RATE",
            description = "learning rate (default: 0.001 for adam and rmsprop, 0.01 for momentum and nesterov, "
                    + "0.1 for sgd; tutorial: 2)")
    Double learningRate;

    @Option(names = "--epochs", description = "passes over the training split (default: 60; tutorial: 100)")
    Integer epochs;

    @Option(names = "--batch-size", paramLabel = "N", description = "examples per step (default: 32; tutorial: 15)")
    Integer batchSize;

    @Option(names = "--l2", paramLabel = "LAMBDA", description = "L2 weight decay (default: ${DEFAULT-VALUE})")
    double l2;

    @Option(names = "--seed", description = "seed for the split, the weights and the shuffling (default: ${DEFAULT-VALUE})")
    long seed = 1;

    @Option(names = "--augment", paramLabel = "COPIES",
            description = "changed copies (slanted, turned, narrower or wider) of each training digit added to"
                    + " the training split, so that the model reads digits as people draw them"
                    + " (default: 2; tutorial: 0)")
    Integer augment;

    @Option(names = "--split-seed", paramLabel = "SEED",
            description = "seed for the 80/20 split alone (default: the --seed)")
    Long splitSeed;

    @Option(names = "--output", paramLabel = "DIR",
            description = "folder for model.zip, history.csv and the PNG plots (default: out/digits; "
                    + "tutorial: out/digits-tutorial)")
    Path output;

    @Option(names = "--tutorial",
            description = "the tutorials' 64-15-10 ReLU/sigmoid network with MSE, SGD 2.0, batch 15, 100 epochs")
    boolean tutorial;

    @Option(names = "--quiet", description = "no per-epoch lines and no progress bar")
    boolean quiet;

    @Option(names = "--diagnose",
            description = "measure inside each layer as it trains (gradient norm, update ratio, weight norm, ReLUs that "
                    + "never fired, saturated units), print the table and plain-language warnings, add the "
                    + "diagnostics to history.csv and write diagnostics.png")
    boolean diagnose;

    @Override
    public Integer call() throws IOException {
        // every option and the output folder are checked before the data loads or anything trains
        Network net = network();
        Fit fit = Fit.builder()
                .loss(Choices.loss(loss != null ? loss : tutorial ? "mse" : "cross-entropy"))
                .optimizer(Choices.optimizer(optimizer != null ? optimizer : tutorial ? "sgd" : "adam",
                        learningRate != null ? learningRate : tutorial ? Double.valueOf(2.0) : null))
                .epochs(epochs != null ? epochs : tutorial ? 100 : 60)
                .batchSize(batchSize != null ? batchSize : tutorial ? 15 : 32)
                .l2(l2)
                .seed(seed)
                .listener(quiet || EpochLine.barDrawn() ? r -> { } : EpochLine.PRINT)
                .listener(TrainingListener.progressBar(quiet))
                .diagnostics(diagnose)
                .build();
        // the tutorial's model gets its own folder, so that it never replaces the default run's model.zip
        Path folder = output != null ? output : tutorial ? Path.of("out", "digits-tutorial") : Path.of("out", "digits");
        OutputFolder.check("--output", folder, diagnose ? Stream.concat(Outputs.FILES.stream(),
                Stream.of(DiagnosticsTable.PNG)).toList() : Outputs.FILES);

        long splitWith = splitSeed != null ? splitSeed : seed;
        Split split = Datasets.digits().scale(1 / 16.0).split(0.8, splitWith);
        int copies = augment != null ? augment : tutorial ? 0 : 2;
        if (copies < 0) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "--augment must be 0 or more, was " + copies);
        }
        DataSet train = DigitAugmentation.withCopies(split.train(), copies, seed);
        DataSet test = split.test();
        System.out.printf("digits: %d training and %d held-out 8x8 images (80/20 split, seed %d)%s%n",
                split.train().size(), test.size(), splitWith,
                copies == 0 ? "" : String.format(", with %d changed copies of each training image", copies));
        System.out.print(net.summary());
        System.out.printf("training: loss %s, optimizer %s, batch %d, %d epochs%n",
                fit.loss().name(), fit.optimizer().name(), fit.batchSize(), fit.epochs());
        TrainingHistory history = net.fit(train, fit);

        Evaluation evaluation = net.evaluate(test);
        System.out.println();
        System.out.print(evaluation.classificationReport());
        System.out.printf("%nheld-out accuracy: %.4f (%d test digits)%n", evaluation.accuracy(), test.size());
        if (diagnose) {
            System.out.print(DiagnosticsTable.format(history));
        }
        Outputs.write(folder, net, history, evaluation, test);
        if (diagnose) {
            System.out.println("wrote " + DiagnosticsTable.plot(history, folder));
        }
        return 0;
    }

    private Network network() {
        List<Integer> widths = hidden != null ? hidden : tutorial ? List.of(15) : List.of(256, 128);
        Activation hiddenActivation = Choices.activation(activation);
        Network.Builder builder = Network.builder().seed(seed).input(64);
        for (int width : widths) {
            builder.dense(width, hiddenActivation);
        }
        return builder.dense(10, tutorial ? Activation.SIGMOID : Activation.SOFTMAX).build();
    }
}
