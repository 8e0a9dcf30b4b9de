/*
 * The digits job with the Kotlin DSL, top to bottom: load the bundled 8×8 digits, hold out a fifth,
 * train a 64-256-128-10 ReLU/softmax network with cross-entropy and Adam, print one line per epoch,
 * the classification report and the held-out accuracy, and save the model and two plots.
 * DigitsJava.java is the same job with the Java builder; with the same seeds both train the same weights.
 *
 * Run: java -cp "samples/target/scratchnet-samples-0.1.0-SNAPSHOT.jar:$(cat samples/target/classpath.txt)" \
 *          dev.scratchnet.samples.DigitsKt [OUTPUT_DIR]      (default out/digits-kotlin)
 */
package dev.scratchnet.samples

import dev.scratchnet.Datasets
import dev.scratchnet.dsl.adam
import dev.scratchnet.dsl.crossEntropy
import dev.scratchnet.dsl.fit
import dev.scratchnet.dsl.network
import dev.scratchnet.dsl.relu
import dev.scratchnet.dsl.softmax
import dev.scratchnet.dsl.component1
import dev.scratchnet.dsl.component2
import dev.scratchnet.plots.Plots
import java.nio.file.Path

fun main(args: Array<String>) {
    val output = Path.of(args.firstOrNull() ?: "out/digits-kotlin")

    // load: 1797 images of 8×8 pixels 0..16, scaled to 0..1, split 80/20 with seed 1
    val (train, test) = Datasets.digits().scale(1 / 16.0).split(0.8, 1)

    // build
    val net = network(seed = 1) {
        dense(64, 256, relu)
        dense(256, 128, relu)
        dense(128, 10, softmax)
    }
    print(net.summary())

    // fit
    val history = net.fit(train) {
        loss = crossEntropy
        optimizer = adam(learningRate = 0.001)
        epochs = 60
        batchSize = 32
        onEpoch { r -> println("epoch %3d  loss %.4f  accuracy %.1f%%".format(r.epoch(), r.trainLoss(), 100 * r.trainAccuracy())) }
    }

    // evaluate
    val evaluation = net.evaluate(test)
    print(evaluation.classificationReport())
    println("held-out accuracy: %.4f (%d test digits)".format(evaluation.accuracy(), test.size()))

    // save
    net.save(output.resolve("model.zip"))
    Plots.history(history, output.resolve("history.png"), 900, 400)
    Plots.confusionMatrix(evaluation, output.resolve("confusion.png"), 600, 550)
    println("wrote model.zip, history.png and confusion.png to $output")
}
