package dev.scratchnet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scratchnet.data.IdxReader;
import dev.scratchnet.data.IdxWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link DataSource#idx}: the rows {@link IdxReader#read} gives, block by block, and its refusals. */
class IdxSourceTest {

    private static final int IMAGES = 9000;

    @TempDir
    Path dir;

    private Path images;
    private Path labels;

    private void write(int[] classes) throws IOException {
        byte[] pixels = new byte[IMAGES * 6];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 37 % 256);
        }
        images = dir.resolve("images.idx3-ubyte");
        labels = dir.resolve("labels.idx1-ubyte");
        IdxWriter.images(images, 2, 3, pixels);
        IdxWriter.labels(labels, classes);
    }

    private static int[] classes() {
        int[] classes = new int[IMAGES];
        for (int i = 0; i < IMAGES; i++) {
            classes[i] = i * 7 % 10;
        }
        return classes;
    }

    @Test
    void blocksGiveTheRowsTheReaderGives() throws IOException {
        write(classes());
        DataSource source = DataSource.idx(images, labels, 10);

        assertEquals(6, source.numFeatures());
        assertEquals(10, source.numOutputs());
        assertEquals(2, source.blocks(), "9000 images in blocks of 8192");
        List<double[]> features = new ArrayList<>();
        List<double[]> targets = new ArrayList<>();
        for (int block = 0; block < source.blocks(); block++) {
            try (DataSource.Rows reader = source.read(block)) {
                for (DataSet batch = reader.next(1000); batch != null; batch = reader.next(1000)) {
                    features.addAll(List.of(dev.scratchnet.internal.JavaRows.doubles(batch.features())));
                    targets.addAll(List.of(dev.scratchnet.internal.JavaRows.doubles(batch.targets())));
                }
            }
        }
        DataSet whole = IdxReader.read(images, labels, 10);
        assertArrayEquals(dev.scratchnet.internal.JavaRows.doubles(whole.features()), features.toArray(double[][]::new));
        assertArrayEquals(dev.scratchnet.internal.JavaRows.doubles(whole.targets()), targets.toArray(double[][]::new));
    }

    @Test
    void aNetworkTrainsOnTheSourceAsOnTheFilesInMemory() throws IOException {
        write(classes());
        Fit fit = Fit.builder().loss(Loss.CROSS_ENTROPY).optimizer(Optimizer.adam(0.01)).epochs(2).batchSize(64)
                .shuffle(false).seed(4).build();
        Network streamed = network();
        Network inMemory = network();

        streamed.fit(DataSource.idx(images, labels, 10), fit);
        inMemory.fit(IdxReader.read(images, labels, 10), fit);

        assertArrayEquals(inMemory.layer(0).weights().ravel().toDoubleVector(),
                streamed.layer(0).weights().ravel().toDoubleVector(), 0);
    }

    private static Network network() {
        return Network.builder().seed(2).input(6).dense(8, Activation.RELU).dense(10, Activation.SOFTMAX).build();
    }

    @Test
    void badFilesAreRefusedNamingTheProblem() throws IOException {
        int[] classes = classes();
        classes[8500] = 12;
        write(classes);

        IOException label = assertThrows(IOException.class, () -> {
            DataSource source = DataSource.idx(images, labels, 10);
            try (DataSource.Rows reader = source.read(1)) {
                while (reader.next(100) != null) {
                    // read to the bad label
                }
            }
        });
        assertTrue(label.getMessage().endsWith("label 8500 is 12; expected 0..9"), label.getMessage());

        IOException swapped = assertThrows(IOException.class, () -> DataSource.idx(labels, images, 10));
        assertTrue(swapped.getMessage().contains("starts with magic 0x801; expected 0x803"), swapped.getMessage());

        Path gzipped = dir.resolve("images.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzipped))) {
            out.write(Files.readAllBytes(images));
        }
        IOException gzip = assertThrows(IOException.class, () -> DataSource.idx(gzipped, labels, 10));
        assertTrue(gzip.getMessage().contains("is gzip-compressed"), gzip.getMessage());

        Path fewer = dir.resolve("fewer.idx1-ubyte");
        IdxWriter.labels(fewer, new int[] {1, 2, 3});
        IOException count = assertThrows(IOException.class, () -> DataSource.idx(images, fewer, 10));
        assertTrue(count.getMessage().contains("holds 9000 images but " + fewer + " holds 3 labels"), count.getMessage());

        Path cut = dir.resolve("cut.idx3-ubyte");
        Files.write(cut, java.util.Arrays.copyOf(Files.readAllBytes(images), 1000));
        IOException shortFile = assertThrows(IOException.class, () -> DataSource.idx(cut, labels, 10));
        assertTrue(shortFile.getMessage().contains("holds 1000 bytes but its header declares 54016"),
                shortFile.getMessage());
    }
}
