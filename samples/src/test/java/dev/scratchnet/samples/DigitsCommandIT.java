package dev.scratchnet.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scratchnet.Network;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code digits} with few epochs: what it prints and the files it leaves in its output folder. */
class DigitsCommandIT {

    private static final Pattern EPOCH = Pattern.compile("(?m)^epoch +(\\d+) +loss (\\d+\\.\\d+) +accuracy (\\d+\\.\\d)%$");
    private static final Pattern HELD_OUT = Pattern.compile("(?m)^held-out accuracy: (\\d\\.\\d{4}) \\((\\d+) test digits\\)$");

    @TempDir
    Path dir;

    @Test
    void trainsPrintsTheReportAndWritesModelAndPlots() throws IOException {
        CommandRun run = CommandRun.of("digits", "--epochs", "4", "--hidden", "32", "--output", dir.toString());

        assertEquals(0, run.status(), run.err());
        List<Double> losses = EPOCH.matcher(run.out()).results().map(m -> Double.parseDouble(m.group(2))).toList();
        assertEquals(4, losses.size(), run.out());
        assertTrue(losses.get(3) < losses.get(0), run.out());
        assertTrue(run.out().contains("precision    recall  f1-score   support"), run.out());
        assertTrue(run.out().contains("weighted avg"), run.out());
        Matcher heldOut = HELD_OUT.matcher(run.out());
        assertTrue(heldOut.find(), run.out());
        assertEquals("359", heldOut.group(2));
        double accuracy = Double.parseDouble(heldOut.group(1));
        assertTrue(accuracy > 0.85, run.out());

        Network saved = Network.load(dir.resolve("model.zip"));
        assertEquals(64, saved.nIn());
        assertEquals(10, saved.nOut());
        assertEquals(32, saved.layer(0).nOut());
        List<String> csv = Files.readAllLines(dir.resolve("history.csv"));
        assertEquals(5, csv.size(), "header and 4 epochs: " + csv);
        assertPng(dir.resolve("history.png"), 900, 400);
        assertPng(dir.resolve("confusion.png"), 600, 550);
        assertTrue(ImageIO.read(dir.resolve("misclassified.png").toFile()).getWidth() >= 240, "misclassified.png");
        assertTrue(run.out().contains("wrote " + dir.resolve("model.zip")), run.out());
    }

    @Test
    void theTutorialNetworkIsTheTutorialsShape() throws IOException {
        CommandRun run = CommandRun.of("digits", "--tutorial", "--epochs", "3", "--quiet", "--output", dir.toString());

        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("training: loss mse, optimizer sgd(2.0), batch 15, 3 epochs"), run.out());
        assertTrue(HELD_OUT.matcher(run.out()).find(), run.out());
        assertTrue(EPOCH.matcher(run.out()).results().findAny().isEmpty(), "--quiet prints no epoch lines");
        Network saved = Network.load(dir.resolve("model.zip"));
        assertArrayEquals(new int[] {64, 15, 10}, new int[] {saved.nIn(), saved.layer(0).nOut(), saved.nOut()});
        assertEquals("sigmoid", saved.layer(1).activation().name());
    }

    @Test
    void diagnoseAddsTheTableTheColumnsAndThePlot() throws IOException {
        CommandRun run = CommandRun.of("digits", "--diagnose", "--epochs", "2", "--hidden", "32", "--quiet",
                "--output", dir.toString());

        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("diagnostics (epoch 1, every 10th and the last"), run.out());
        // a row per epoch shown and dense layer: epochs 1 and 2 (the last) of a 64-32-10 network
        assertEquals(4, Pattern.compile("(?m)^ +[12]  dense layer [12] ").matcher(run.out()).results().count(), run.out());
        assertTrue(run.out().contains("no warnings"), run.out());
        String header = Files.readAllLines(dir.resolve("history.csv")).get(0);
        assertTrue(header.contains("dense0_never_fired") && header.contains("dense1_weight_norm"), header);
        assertPng(dir.resolve("diagnostics.png"), 1200, 800);
        assertTrue(run.out().contains("wrote " + dir.resolve("diagnostics.png")), run.out());
    }

    static void assertPng(Path file, int width, int height) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        assertTrue(image != null, file + " is not a readable image");
        assertEquals(width, image.getWidth(), file.toString());
        assertEquals(height, image.getHeight(), file.toString());
    }
}
