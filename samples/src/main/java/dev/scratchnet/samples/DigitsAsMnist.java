package dev.scratchnet.samples;

import dev.scratchnet.DataSet;
import dev.scratchnet.Datasets;
import dev.scratchnet.Split;
import dev.scratchnet.data.IdxWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;

/**
 * Turns the bundled 8×8 digits into MNIST-shaped IDX files, since real MNIST cannot be downloaded
 * in tests: each digit is scaled bilinearly to 20×20 and centred in a 28×28 frame, as MNIST
 * centres its digits in a 20×20 box, with pixels 0..16 mapped to 0..255. An 80/20 split (seeded)
 * gives the {@code train-*} and {@code t10k-*} files; {@code trainCopies > 1} adds copies of the
 * training digits shifted by up to 2 pixels each way, to make a training set of MNIST's size.
 * <p>
 * {@code ./scratchnet make-mnist-like DIR [--copies N] [--gzip]} runs it ({@link MakeMnistLikeCommand}).
 */
final class DigitsAsMnist {

    static final int SIDE = 28;
    private static final int BOX = 20;
    private static final int SOURCE = 8;

    private DigitsAsMnist() {
    }

    /** Writes the four IDX files into {@code dir}, gzipped when {@code gzip} is set. */
    static void write(Path dir, long seed, int trainCopies, boolean gzip) throws IOException {
        Split split = Datasets.digits().split(0.8, seed);
        String suffix = gzip ? ".gz" : "";
        writePart(dir, "train", split.train(), trainCopies, new Random(seed), suffix);
        writePart(dir, "t10k", split.test(), 1, new Random(seed), suffix);
    }

    private static void writePart(Path dir, String prefix, DataSet digits, int copies, Random random, String suffix)
            throws IOException {
        float[][] pixels = dev.scratchnet.internal.JavaRows.floats(digits.features());
        int[] labels = digits.labels();
        int n = pixels.length;
        byte[] images = new byte[copies * n * SIDE * SIDE];
        int[] allLabels = new int[copies * n];
        for (int copy = 0; copy < copies; copy++) {
            for (int i = 0; i < n; i++) {
                int shiftY = copy == 0 ? 0 : random.nextInt(5) - 2;
                int shiftX = copy == 0 ? 0 : random.nextInt(5) - 2;
                int index = copy * n + i;
                upscale(pixels[i], images, index * SIDE * SIDE, shiftY, shiftX);
                allLabels[index] = labels[i];
            }
        }
        IdxWriter.images(dir.resolve(prefix + "-images-idx3-ubyte" + suffix), SIDE, SIDE, images);
        IdxWriter.labels(dir.resolve(prefix + "-labels-idx1-ubyte" + suffix), allLabels);
    }

    /** Bilinear 8×8 → 20×20, written into the 28×28 frame at {@code offset}, moved by the shifts. */
    private static void upscale(float[] source, byte[] target, int offset, int shiftY, int shiftX) {
        int margin = (SIDE - BOX) / 2;
        for (int y = 0; y < BOX; y++) {
            for (int x = 0; x < BOX; x++) {
                double value = sample(source, (y + 0.5) * SOURCE / BOX - 0.5, (x + 0.5) * SOURCE / BOX - 0.5);
                int row = y + margin + shiftY;
                int column = x + margin + shiftX;
                target[offset + row * SIDE + column] = (byte) Math.round(value * 255 / 16);
            }
        }
    }

    private static double sample(float[] source, double y, double x) {
        double cy = Math.min(Math.max(y, 0), SOURCE - 1);
        double cx = Math.min(Math.max(x, 0), SOURCE - 1);
        int y0 = (int) Math.floor(cy);
        int x0 = (int) Math.floor(cx);
        int y1 = Math.min(y0 + 1, SOURCE - 1);
        int x1 = Math.min(x0 + 1, SOURCE - 1);
        double fy = cy - y0;
        double fx = cx - x0;
        double top = source[y0 * SOURCE + x0] * (1 - fx) + source[y0 * SOURCE + x1] * fx;
        double bottom = source[y1 * SOURCE + x0] * (1 - fx) + source[y1 * SOURCE + x1] * fx;
        return top * (1 - fy) + bottom * fy;
    }
}
