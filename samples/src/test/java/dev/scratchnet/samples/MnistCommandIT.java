package dev.scratchnet.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scratchnet.Network;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mnist} on IDX files made from the bundled digits (see {@link DigitsAsMnist}). */
class MnistCommandIT {

    private static final Pattern EPOCH = Pattern.compile("(?m)^epoch +(\\d+) +loss (\\d+\\.\\d+) .*test accuracy");
    private static final Pattern ACCURACY = Pattern.compile("(?m)^test accuracy: (\\d\\.\\d{4}) \\((\\d+) test images");

    @TempDir
    Path dir;

    @Test
    void trainsOnGzippedIdxFilesAndPrintsLossPerEpochAndTestAccuracy() throws IOException {
        DigitsAsMnist.write(dir, 1, 1, true);

        Path output = dir.resolve("out");
        CommandRun run = CommandRun.of("mnist", "--data", dir.toString(), "--epochs", "8", "--hidden", "64", "--limit", "1000",
                "--output", output.toString());

        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("loaded 1000 training and 359 test images of 784 pixels"), run.out());
        Matcher epochs = EPOCH.matcher(run.out());
        double firstLoss = Double.NaN;
        double lastLoss = Double.NaN;
        int count = 0;
        while (epochs.find()) {
            count++;
            double loss = Double.parseDouble(epochs.group(2));
            firstLoss = count == 1 ? loss : firstLoss;
            lastLoss = loss;
        }
        assertEquals(8, count, run.out());
        assertTrue(lastLoss < firstLoss, run.out());
        Matcher accuracy = ACCURACY.matcher(run.out());
        assertTrue(accuracy.find(), run.out());
        assertEquals("359", accuracy.group(2));
        assertTrue(Double.parseDouble(accuracy.group(1)) > 0.85, run.out());
        assertTrue(run.out().contains("weighted avg"), run.out());
        assertEquals(784, Network.load(output.resolve("model.zip")).nIn());
        DigitsCommandIT.assertPng(output.resolve("history.png"), 900, 400);
        DigitsCommandIT.assertPng(output.resolve("confusion.png"), 600, 550);
        // the test accuracy of every epoch is in the history, as validation; the last is the final one
        List<String> rows = Files.readAllLines(output.resolve("history.csv"));
        assertEquals("epoch,train_loss,train_accuracy,validation_loss,validation_accuracy,learning_rate", rows.get(0));
        assertEquals(9, rows.size(), String.join("\n", rows));
        double lastTestAccuracy = Double.parseDouble(rows.get(8).split(",")[4]);
        assertEquals(Double.parseDouble(accuracy.group(1)), lastTestAccuracy, 5e-5, String.join("\n", rows));
    }
}
