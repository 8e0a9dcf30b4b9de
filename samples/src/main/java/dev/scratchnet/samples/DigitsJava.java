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
import dev.scratchnet.plots.Plots;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The digits job with the Java builder, top to bottom: load the bundled 8×8 digits, hold out a
 * fifth, train a 64-256-128-10 ReLU/softmax network with cross-entropy and Adam, print one line
 * per epoch, the classification report and the held-out accuracy, and save the model and two plots.
 * {@code ./scratchnet digits} does the same with options; {@code Digits.kt} is the Kotlin version.
 * <p>
 * Run: {@code java -cp "samples/target/scratchnet-samples-0.1.0-SNAPSHOT.jar:$(cat samples/target/classpath.txt)"
 * dev.scratchnet.samples.DigitsJava [OUTPUT_DIR]} (default {@code out/digits-java}).
 */
public final class DigitsJava {

    private DigitsJava() {
    }

    public static void main(String[] args) throws IOException {
        Path output = Path.of(args.length > 0 ? args[0] : "out/digits-java");

        // load: 1797 images of 8×8 pixels 0..16, scaled to 0..1, split 80/20 with seed 1
        Split split = Datasets.digits().scale(1 / 16.0).split(0.8, 1);
        DataSet train = split.train();
        DataSet test = split.test();

        // build
        Network net = Network.builder()
                .seed(1)
                .dense(64, 256, Activation.RELU)
                .dense(256, 128, Activation.RELU)
                .dense(128, 10, Activation.SOFTMAX)
                .build();
        System.out.print(net.summary());

        // fit
        TrainingHistory history = net.fit(train, Fit.builder()
                .loss(Loss.CROSS_ENTROPY)
                .optimizer(Optimizer.adam(0.001))
                .epochs(60).batchSize(32)
                .listener(r -> System.out.printf("epoch %3d  loss %.4f  accuracy %.1f%%%n",
                        r.epoch(), r.trainLoss(), 100 * r.trainAccuracy()))
                .build());

        // evaluate
        Evaluation evaluation = net.evaluate(test);
        System.out.print(evaluation.classificationReport());
        System.out.printf("held-out accuracy: %.4f (%d test digits)%n", evaluation.accuracy(), test.size());

        // save
        net.save(output.resolve("model.zip"));
        Plots.history(history, output.resolve("history.png"), 900, 400);
        Plots.confusionMatrix(evaluation, output.resolve("confusion.png"), 600, 550);
        System.out.println("wrote model.zip, history.png and confusion.png to " + output);
    }
}
