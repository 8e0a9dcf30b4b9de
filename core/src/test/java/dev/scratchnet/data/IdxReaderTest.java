package dev.scratchnet.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scratchnet.DataSet;
import dev.scratchnet.Datasets;
import dev.scratchnet.Split;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

/** IDX files written byte by byte here, read through {@link Datasets#mnist} and {@link IdxReader}. */
class IdxReaderTest {

    /** Three 2×2 images; pixel values chosen so that /255 gives round numbers. */
    private static final byte[] THREE_IMAGES = bytes(0, 51, 102, 255, 255, 0, 0, 0, 153, 204, 51, 102);
    private static final int[] THREE_LABELS = {7, 0, 9};

    @TempDir
    Path dir;

    @Test
    void plainFilesGiveScaledPixelsAndOneHotTargets() throws IOException {
        writeMnist(dir, "", "");

        Split mnist = Datasets.mnist(dir);

        DataSet train = mnist.train();
        assertEquals(3, train.size());
        assertEquals(4, train.numFeatures());
        assertEquals(10, train.numOutputs());
        assertEquals(DataType.FLOAT, train.features().dataType());
        assertArrayEquals(new double[] {0, 0.2, 0.4, 1, 1, 0, 0, 0, 0.6, 0.8, 0.2, 0.4},
                train.features().ravel().toDoubleVector(), 1e-6);
        assertArrayEquals(THREE_LABELS, train.labels());
        assertEquals(3.0, train.targets().sumNumber().doubleValue());
        assertEquals(2, mnist.test().size());
        assertArrayEquals(new int[] {3, 1}, mnist.test().labels());
    }

    @Test
    void gzippedFilesGiveTheSameDataAsPlainOnes() throws IOException {
        Path plain = Files.createDirectory(dir.resolve("plain"));
        Path gzipped = Files.createDirectory(dir.resolve("gzipped"));
        writeMnist(plain, "", "");
        writeMnist(gzipped, ".gz", ".gz");

        Split expected = Datasets.mnist(plain);
        Split actual = Datasets.mnist(gzipped);

        assertEquals(expected.train().features(), actual.train().features());
        assertEquals(expected.train().targets(), actual.train().targets());
        assertEquals(expected.test().features(), actual.test().features());
    }

    @Test
    void gzipIsRecognisedByItsContentNotItsName() throws IOException {
        Path images = dir.resolve("train-images-idx3-ubyte");
        Files.write(images, gzip(imagesFile(IdxReader.IMAGES_MAGIC, 3, 2, 2, THREE_IMAGES)));

        assertArrayEquals(new float[] {0, 0.2f, 0.4f, 1}, Arrays.copyOf(IdxReader.images(images).pixels(), 4));
    }

    @Test
    void writerAndReaderAgree() throws IOException {
        IdxWriter.images(dir.resolve("i.gz"), 2, 2, THREE_IMAGES);
        IdxWriter.labels(dir.resolve("l"), THREE_LABELS);

        DataSet data = IdxReader.read(dir.resolve("i.gz"), dir.resolve("l"), 10);

        assertArrayEquals(THREE_LABELS, data.labels());
        assertEquals(0.8, data.features().getDouble(2, 1), 1e-6);
    }

    @Test
    void missingFilesAreListedByTheNamesLookedFor() throws IOException {
        writeMnist(dir, "", "");
        Files.delete(dir.resolve("t10k-labels-idx1-ubyte"));
        Files.delete(dir.resolve("train-images-idx3-ubyte"));

        String message = assertThrows(IOException.class, () -> Datasets.mnist(dir)).getMessage();

        assertTrue(message.contains("lacks train-images-idx3-ubyte[.gz], t10k-labels-idx1-ubyte[.gz]"), message);
        assertTrue(message.contains(dir.toString()), message);
    }

    @Test
    void aMissingDirectoryIsNamed() {
        Path nowhere = dir.resolve("nowhere");
        String message = assertThrows(IOException.class, () -> Datasets.mnist(nowhere)).getMessage();
        assertTrue(message.contains(nowhere + " does not exist"), message);
    }

    @Test
    void aLabelsFileInPlaceOfImagesFailsOnTheMagicNumber() throws IOException {
        writeMnist(dir, "", "");
        Files.copy(dir.resolve("train-labels-idx1-ubyte"), dir.resolve("train-images-idx3-ubyte"),
                StandardCopyOption.REPLACE_EXISTING);

        String message = assertThrows(IOException.class, () -> Datasets.mnist(dir)).getMessage();

        assertTrue(message.contains("train-images-idx3-ubyte"), message);
        assertTrue(message.contains("expected magic number 0x00000803, found 0x00000801"), message);
    }

    @Test
    void aWrongLabelsMagicNumberIsNamed() throws IOException {
        Path labels = dir.resolve("labels");
        Files.write(labels, concat(ints(0x00000802, 1), bytes(4)));

        String message = assertThrows(IOException.class, () -> IdxReader.labels(labels, 10)).getMessage();

        assertTrue(message.contains("expected magic number 0x00000801, found 0x00000802"), message);
    }

    @Test
    void truncatedPixelDataSaysHowManyBytesWereExpectedAndFound() throws IOException {
        Path images = dir.resolve("images");
        Files.write(images, imagesFile(IdxReader.IMAGES_MAGIC, 3, 2, 2, Arrays.copyOf(THREE_IMAGES, 10)));

        String message = assertThrows(IOException.class, () -> IdxReader.images(images)).getMessage();

        assertTrue(message.contains(images + " is truncated: expected 12 bytes of data after the 16-byte header, found 10"),
                message);
    }

    @Test
    void aTruncatedHeaderIsReported() throws IOException {
        Path labels = dir.resolve("labels");
        Files.write(labels, bytes(0, 0, 8, 1, 0));

        String message = assertThrows(IOException.class, () -> IdxReader.labels(labels, 10)).getMessage();

        assertTrue(message.contains("is truncated: expected an IDX header of 8 bytes, found 5"), message);
    }

    @Test
    void aGzipStreamCutShortIsReportedAsTruncated() throws IOException {
        byte[] whole = gzip(imagesFile(IdxReader.IMAGES_MAGIC, 3, 2, 2, THREE_IMAGES));
        Path images = dir.resolve("images.gz");
        Files.write(images, Arrays.copyOf(whole, whole.length - 12));

        String message = assertThrows(IOException.class, () -> IdxReader.images(images)).getMessage();

        assertTrue(message.contains(images + " is truncated"), message);
    }

    @Test
    void moreDataThanDeclaredIsRejected() throws IOException {
        Path labels = dir.resolve("labels");
        Files.write(labels, concat(ints(IdxReader.LABELS_MAGIC, 2), bytes(1, 2, 3)));

        String message = assertThrows(IOException.class, () -> IdxReader.labels(labels, 10)).getMessage();

        assertTrue(message.contains("more data than its header declares: expected exactly 2 bytes"), message);
    }

    @Test
    void imageAndLabelCountsMustAgree() throws IOException {
        writeMnist(dir, "", "");
        IdxWriter.labels(dir.resolve("train-labels-idx1-ubyte"), new int[] {1, 2});

        String message = assertThrows(IOException.class, () -> Datasets.mnist(dir)).getMessage();

        assertTrue(message.contains("holds 3 images but"), message);
        assertTrue(message.contains("train-labels-idx1-ubyte holds 2 labels"), message);
    }

    @Test
    void labelsOutsideZeroToNineAreRejected() throws IOException {
        writeMnist(dir, "", "");
        IdxWriter.labels(dir.resolve("t10k-labels-idx1-ubyte"), new int[] {3, 10});

        String message = assertThrows(IOException.class, () -> Datasets.mnist(dir)).getMessage();

        assertTrue(message.contains("t10k-labels-idx1-ubyte: label 1 is 10; expected 0..9"), message);
    }

    @Test
    void zeroSizeImagesAreRejected() throws IOException {
        Path images = dir.resolve("images");
        Files.write(images, imagesFile(IdxReader.IMAGES_MAGIC, 3, 0, 28, new byte[0]));

        String message = assertThrows(IOException.class, () -> IdxReader.images(images)).getMessage();

        assertTrue(message.contains("declares images of 0×28 pixels; expected at least 1×1"), message);
    }

    @Test
    void aFileWithNoImagesIsRejected() throws IOException {
        IdxWriter.images(dir.resolve("images"), 28, 28, new byte[0]);
        IdxWriter.labels(dir.resolve("labels"), new int[0]);

        String message = assertThrows(IOException.class,
                () -> IdxReader.read(dir.resolve("images"), dir.resolve("labels"), 10)).getMessage();

        assertTrue(message.contains("holds no images"), message);
    }

    /** Train: the three images above; test: their first two, labelled 3 and 1. */
    private static void writeMnist(Path dir, String trainSuffix, String testSuffix) throws IOException {
        IdxWriter.images(dir.resolve("train-images-idx3-ubyte" + trainSuffix), 2, 2, THREE_IMAGES);
        IdxWriter.labels(dir.resolve("train-labels-idx1-ubyte" + trainSuffix), THREE_LABELS);
        IdxWriter.images(dir.resolve("t10k-images-idx3-ubyte" + testSuffix), 2, 2, Arrays.copyOf(THREE_IMAGES, 8));
        IdxWriter.labels(dir.resolve("t10k-labels-idx1-ubyte" + testSuffix), new int[] {3, 1});
    }

    private static byte[] imagesFile(int magic, int count, int rows, int columns, byte[] pixels) {
        return concat(ints(magic, count, rows, columns), pixels);
    }

    private static byte[] ints(int... values) {
        ByteBuffer buffer = ByteBuffer.allocate(4 * values.length); // big-endian, as IDX is
        for (int value : values) {
            buffer.putInt(value);
        }
        return buffer.array();
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(plain);
        }
        return bytes.toByteArray();
    }
}
