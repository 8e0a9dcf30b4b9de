package dev.scratchnet.samples;

import dev.scratchnet.DataSet;
import dev.scratchnet.Evaluation;
import dev.scratchnet.Network;
import dev.scratchnet.TrainingHistory;
import dev.scratchnet.plots.Plots;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What a classifier sample leaves in its output folder, and the lines that say so:
 * {@code model.zip} (load it with {@code Network.load} or {@code ./scratchnet predict}),
 * {@code history.csv} and {@code history.png} (loss and accuracy per epoch),
 * {@code confusion.png} (the held-out confusion matrix) and {@code misclassified.png}
 * (up to {@value #MAX_MISCLASSIFIED} held-out images the network got wrong).
 */
final class Outputs {

    /** The files {@link #write} writes into its folder. */
    static final List<String> FILES = List.of("model.zip", "history.csv", "history.png", "confusion.png",
            "misclassified.png");

    /** At most this many images go into {@code misclassified.png}. */
    static final int MAX_MISCLASSIFIED = 36;

    private Outputs() {
    }

    /** Writes the files into {@code folder} (created when missing) and prints one line per file. */
    static void write(Path folder, Network net, TrainingHistory history, Evaluation evaluation, DataSet test)
            throws IOException {
        Files.createDirectories(folder);
        List<Path> written = new ArrayList<>();
        written.add(save(folder.resolve("model.zip"), net));
        Path csv = folder.resolve("history.csv");
        Files.writeString(csv, history.toCsv(), StandardCharsets.UTF_8);
        written.add(csv);
        Path historyPng = folder.resolve("history.png");
        Plots.history(history, historyPng, 900, 400);
        written.add(historyPng);
        Path confusion = folder.resolve("confusion.png");
        Plots.confusionMatrix(evaluation, confusion, 600, 550);
        written.add(confusion);
        Path misclassified = folder.resolve("misclassified.png");
        int wrong = misclassified(net, test, misclassified);
        if (wrong > 0) {
            written.add(misclassified);
        } else {
            Files.deleteIfExists(misclassified);
        }
        System.out.println();
        for (Path file : written) {
            System.out.println("wrote " + file);
        }
        if (wrong == 0) {
            System.out.println("no held-out image was misclassified, so there is no misclassified.png");
        }
    }

    private static Path save(Path file, Network net) throws IOException {
        net.save(file);
        return file;
    }

    /** Draws the first misclassified test images; returns how many images were drawn. */
    private static int misclassified(Network net, DataSet test, Path file) throws IOException {
        int[] predicted = net.predictClasses(test.features());
        int[] actual = test.labels();
        List<Integer> wrong = new ArrayList<>();
        for (int i = 0; i < actual.length && wrong.size() < MAX_MISCLASSIFIED; i++) {
            if (predicted[i] != actual[i]) {
                wrong.add(i);
            }
        }
        if (wrong.isEmpty()) {
            return 0;
        }
        int[] indexes = wrong.stream().mapToInt(Integer::intValue).toArray();
        INDArray images = test.features().getRows(indexes);
        int[] shownPredicted = new int[indexes.length];
        int[] shownActual = new int[indexes.length];
        for (int i = 0; i < indexes.length; i++) {
            shownPredicted[i] = predicted[indexes[i]];
            shownActual[i] = actual[indexes[i]];
        }
        // about 120 × 150 pixels per image, in a grid as square as the count allows
        int columns = (int) Math.ceil(Math.sqrt(indexes.length));
        int rows = (int) Math.ceil(indexes.length / (double) columns);
        Plots.digits(images, shownPredicted, shownActual, file, Math.max(240, 120 * columns), 150 * rows);
        return indexes.length;
    }
}
