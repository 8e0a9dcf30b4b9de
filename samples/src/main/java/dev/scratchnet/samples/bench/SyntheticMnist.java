package dev.scratchnet.samples.bench;

import dev.scratchnet.data.IdxWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;

/**
 * Random MNIST-shaped IDX files (28×28 bytes, labels 0..9) for timing when no real data is given:
 * the work of a dense network does not depend on what the pixels show.
 */
final class SyntheticMnist {

    private SyntheticMnist() {
    }

    static void write(Path dir, int trainImages, int testImages, long seed) throws IOException {
        Random random = new Random(seed);
        part(dir, "train", trainImages, random);
        part(dir, "t10k", testImages, random);
    }

    private static void part(Path dir, String prefix, int count, Random random) throws IOException {
        byte[] pixels = new byte[count * 28 * 28];
        random.nextBytes(pixels);
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = random.nextInt(10);
        }
        IdxWriter.images(dir.resolve(prefix + "-images-idx3-ubyte"), 28, 28, pixels);
        IdxWriter.labels(dir.resolve(prefix + "-labels-idx1-ubyte"), labels);
    }
}
