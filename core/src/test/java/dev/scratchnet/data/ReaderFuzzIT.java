package dev.scratchnet.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scratchnet.DataSet;
import dev.scratchnet.Fuzz;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random and damaged bytes at the IDX reader, and random text at the CSV reader: each file gives a
 * data set or an {@link IOException} (or, for a label column that does not exist, an
 * {@link IllegalArgumentException}); never another exception, a crash or a hang.
 */
class ReaderFuzzIT {

    private static Path directory;

    @BeforeContainer
    static void makeDirectory() throws IOException {
        Fuzz.quiet();
        directory = Files.createTempDirectory("scratchnet-reader-fuzz");
    }

    @AfterContainer
    static void cleanUp() throws IOException {
        Fuzz.report("ReaderFuzzIT");
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        }
        return out.toByteArray();
    }

    private static void readOrRefuse(String what, byte[] images, byte[] labels) throws IOException {
        Path imagesFile = directory.resolve("images");
        Path labelsFile = directory.resolve("labels");
        Files.write(imagesFile, images);
        Files.write(labelsFile, labels);
        DataSet data = Fuzz.outcome(what, () -> IdxReader.read(imagesFile, labelsFile, 10));
        if (data != null) {
            assertEquals(10, data.numOutputs());
        }
    }

    @Property
    void randomBytesAreReadOrRefused(@ForAll @Size(max = 300) byte[] images, @ForAll @Size(max = 100) byte[] labels,
                                     @ForAll boolean gzipped) throws IOException {
        readOrRefuse("IDX random bytes", gzipped ? gzip(images) : images, gzipped ? gzip(labels) : labels);
    }

    /** A well-formed pair of IDX files whose header fields and lengths the property then changes. */
    @Property
    void idxFilesWithOtherHeadersAndLengthsAreReadOrRefused(
            @ForAll @IntRange(min = 0, max = 4) int count, @ForAll @IntRange(min = 1, max = 3) int side,
            @ForAll("damage") int imageCount, @ForAll("damage") int rows, @ForAll("damage") int columns,
            @ForAll("damage") int labelCount, @ForAll("damage") int extraBytes,
            @ForAll @IntRange(min = 0, max = 12) int label, @ForAll boolean gzipped) throws IOException {
        ByteBuffer images = ByteBuffer.allocate(16 + count * side * side);
        images.putInt(IdxReader.IMAGES_MAGIC).putInt(damaged(count, imageCount)).putInt(damaged(side, rows))
                .putInt(damaged(side, columns));
        ByteBuffer labels = ByteBuffer.allocate(8 + count);
        labels.putInt(IdxReader.LABELS_MAGIC).putInt(damaged(count, labelCount));
        for (int i = 0; i < count; i++) {
            labels.put((byte) (i == 0 ? label : i));
        }
        int length = Math.max(0, images.capacity() + (Math.abs(extraBytes) < 10 ? extraBytes : 0));
        byte[] imageBytes = java.util.Arrays.copyOf(images.array(), length);
        byte[] labelBytes = labels.array();
        readOrRefuse("IDX with other headers", gzipped ? gzip(imageBytes) : imageBytes,
                gzipped ? gzip(labelBytes) : labelBytes);
    }

    /** Changes to a header field: mostly none, sometimes one off, sometimes an extreme value. */
    @Provide
    Arbitrary<Integer> damage() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(10, Arbitraries.just(0)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(-1, 1, Integer.MIN_VALUE, Integer.MAX_VALUE, 1 << 30, 65536)));
    }

    /** {@code actual} changed by {@code damage}: small damages add, extreme ones replace. */
    private static int damaged(int actual, int damage) {
        return Math.abs(damage) <= 1 ? actual + damage : damage;
    }

    /** Mostly small whole numbers; sometimes something a CSV reader must refuse or take with care. */
    @Provide
    Arbitrary<String> csvField() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(12, Arbitraries.integers().between(0, 3).map(String::valueOf)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("0.5", "1e400", "NaN", "-Infinity", "x", "", " 3 ", "\"2\"",
                        "1e-320", "9999999999", "-1", "2.0")));
    }

    /** Mostly three fields; sometimes zero to five. */
    @Provide
    Arbitrary<List<String>> csvLine() {
        Arbitrary<String> field = csvField();
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(10, field.list().ofSize(3)),
                net.jqwik.api.Tuple.of(1, field.list().ofMinSize(0).ofMaxSize(5)));
    }

    @Property
    void csvTextIsReadOrRefused(@ForAll @Size(min = 0, max = 6) List<@From("csvLine") List<String>> lines,
                                @ForAll @IntRange(min = -4, max = 3) int labelColumn, @ForAll boolean header)
            throws IOException {
        StringBuilder text = new StringBuilder(header ? "a,b,label\n" : "");
        for (List<String> line : lines) {
            text.append(String.join(",", line)).append('\n');
        }
        Path file = directory.resolve("data.csv");
        Files.writeString(file, text.toString(), StandardCharsets.UTF_8);
        DataSet data = Fuzz.outcome("CSV text", () -> CsvReader.read(file, labelColumn));
        if (data != null) {
            assertEquals(data.size(), data.labels().length);
        }
    }

    /** Header sizes that a short file may declare: from plausible to far beyond any memory. */
    @Provide
    Arbitrary<Integer> declaredSize() {
        return Arbitraries.oneOf(Arbitraries.integers().between(1, 100),
                Arbitraries.integers().between(10_000, Integer.MAX_VALUE), Arbitraries.of(Integer.MAX_VALUE));
    }

    @Property(tries = 100)
    void idxHeadersDeclaringHugeSizesAreRefusedNotAllocated(@ForAll("declaredSize") int count,
                                                             @ForAll("declaredSize") int rows,
                                                             @ForAll("declaredSize") int columns,
                                                             @ForAll @IntRange(min = 0, max = 5000) int dataBytes,
                                                             @ForAll boolean gzipped) throws IOException {
        net.jqwik.api.Assume.that((long) count * rows * columns > dataBytes);
        ByteBuffer images = ByteBuffer.allocate(16 + dataBytes);
        images.putInt(IdxReader.IMAGES_MAGIC).putInt(count).putInt(rows).putInt(columns);
        Path file = directory.resolve("declared");
        Files.write(file, gzipped ? gzip(images.array()) : images.array());
        assertEquals(null, Fuzz.outcome("IDX declaring more than it holds", () -> IdxReader.images(file)));
    }

    @Property(tries = 50)
    void csvLabelsBeyondTheClassLimitAreRefused(@ForAll @IntRange(min = 10_000, max = Integer.MAX_VALUE - 1) int label,
                                                @ForAll @IntRange(min = 1, max = 5) int rows) throws IOException {
        Path file = directory.resolve("labels.csv");
        Files.writeString(file, "0.5,1\n".repeat(rows) + "0.5," + label + "\n");
        assertEquals(null, Fuzz.outcome("CSV label beyond the class limit", () -> CsvReader.read(file, -1)));
    }

    @Property(tries = 20)
    void csvTextWithoutLineBreaksIsRefusedAtTheLineLimit(@ForAll @IntRange(min = 1, max = 64) int limitKiB,
                                                         @ForAll @IntRange(min = 1, max = 3) int times) throws IOException {
        Path file = directory.resolve("long.csv");
        Files.writeString(file, "1,".repeat(limitKiB * 512 * times + 1) + "0");
        String before = System.setProperty(dev.scratchnet.internal.Limits.MAX_CSV_LINE_CHARS,
                String.valueOf(limitKiB * 1024));
        try {
            assertEquals(null, Fuzz.outcome("CSV line beyond the limit", () -> CsvReader.read(file, -1)));
        } finally {
            if (before == null) {
                System.clearProperty(dev.scratchnet.internal.Limits.MAX_CSV_LINE_CHARS);
            } else {
                System.setProperty(dev.scratchnet.internal.Limits.MAX_CSV_LINE_CHARS, before);
            }
        }
    }
}
