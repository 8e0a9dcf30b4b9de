package dev.scratchnet;

import dev.scratchnet.data.CsvReader;
import dev.scratchnet.data.DigitsReader;
import dev.scratchnet.data.IdxReader;
import dev.scratchnet.data.Spiral;
import dev.scratchnet.internal.Checks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.factory.Nd4j;

/** Ready-made data sets: the bundled digits, the tutorials' toy problems, MNIST and CSV files. */
public final class Datasets {

    private static final int MNIST_CLASSES = 10;
    private static final String[] MNIST_FILES = {
        "train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"};

    private Datasets() {
    }

    /**
     * The bundled 8×8 handwritten digits (UCI "Optical Recognition of Handwritten Digits", test
     * part, CC BY 4.0): 1797 rows of 64 raw pixels in 0..16, one-hot targets over 10 classes.
     * Scale with {@code scale(1 / 16.0)} before training.
     */
    public static DataSet digits() {
        return DigitsReader.read();
    }

    /** The four rows of XOR: features {@code [4, 2]} of 0/1, targets {@code [4, 1]}. */
    public static DataSet xor() {
        return DataSet.of(
                Nd4j.createFromArray(new float[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}),
                Nd4j.createFromArray(new float[][] {{0}, {1}, {1}, {0}}));
    }

    /** The tutorials' spiral: {@code pointsPerClass · classes} points in 2-D, one-hot targets; see {@link Spiral}. */
    public static DataSet spiral(int pointsPerClass, int classes, long seed) {
        return Spiral.generate(pointsPerClass, classes, seed);
    }

    /**
     * MNIST from its four standard IDX files in {@code dir}: {@code train-images-idx3-ubyte},
     * {@code train-labels-idx1-ubyte}, {@code t10k-images-idx3-ubyte} and {@code t10k-labels-idx1-ubyte},
     * each plain or gzipped ({@code .gz} added to the name; the plain file wins when both are there).
     * Pixels are scaled to [0, 1] in float32, one image per row ({@code [n, 784]} for 28×28 images);
     * targets are one-hot over 10 classes. See {@link IdxReader} for the format.
     *
     * @return the {@code train-*} files as {@code train()}, the {@code t10k-*} files as {@code test()}
     * @throws IOException naming the file, for missing files, wrong magic numbers, truncated data,
     *                     image and label counts that disagree, labels outside 0..9 or empty images
     */
    public static Split mnist(Path dir) throws IOException {
        Checks.notNull("dir", dir);
        if (!Files.isDirectory(dir)) {
            throw new IOException("MNIST directory " + dir + " does not exist or is not a directory");
        }
        Path[] files = new Path[MNIST_FILES.length];
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < MNIST_FILES.length; i++) {
            files[i] = mnistFile(dir, MNIST_FILES[i]);
            if (files[i] == null) {
                missing.add(MNIST_FILES[i] + "[.gz]");
            }
        }
        if (!missing.isEmpty()) {
            throw new IOException("MNIST directory " + dir + " lacks " + String.join(", ", missing)
                    + "; expected all of " + String.join(", ", MNIST_FILES) + ", each plain or with .gz");
        }
        return new Split(IdxReader.read(files[0], files[1], MNIST_CLASSES),
                IdxReader.read(files[2], files[3], MNIST_CLASSES));
    }

    /**
     * Examples from a CSV file of numbers: one per line, an optional header line (detected when
     * the first line is not all numbers), {@code labelColumn} holding whole-number class labels
     * ({@code 0}-based; negative counts from the end, {@code -1} is the last column). The other
     * columns become float32 features; the labels become one-hot targets over {@code max(label) + 1}
     * classes (at least 2). See {@link CsvReader}.
     *
     * @throws IOException naming the file and line, for a missing file, rows of different lengths,
     *                     fields that are not finite numbers, labels that are negative or not whole
     */
    public static DataSet csv(Path file, int labelColumn) throws IOException {
        Checks.notNull("file", file);
        return CsvReader.read(file, labelColumn);
    }

    /** {@code dir/name} if it is a file, else {@code dir/name.gz} if that is, else null. */
    private static Path mnistFile(Path dir, String name) {
        for (Path candidate : List.of(dir.resolve(name), dir.resolve(name + ".gz"))) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
