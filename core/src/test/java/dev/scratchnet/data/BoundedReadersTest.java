package dev.scratchnet.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scratchnet.DataSet;
import dev.scratchnet.internal.Limits;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The readers read what their headers declare and no more, and refuse sizes that would not fit:
 * a gzip stream inflating past the declared IDX size, CSV lines past the limit, non-regular files,
 * labels asking for more classes than allowed, and declared sizes beyond the memory there is.
 */
// runs alone while other classes run in parallel (junit-platform.properties): it sets reader limits as system properties, which every reader in the JVM sees
@Isolated
class BoundedReadersTest {

    @TempDir
    Path directory;

    private static byte[] ints(int... values) {
        ByteBuffer buffer = ByteBuffer.allocate(4 * values.length);
        for (int value : values) {
            buffer.putInt(value);
        }
        return buffer.array();
    }

    @Test
    void aGzipStreamInflatingPastTheDeclaredSizeStopsOneBytePastIt() throws IOException {
        // a header declaring 8 pixels, then 4 GiB of zeros as 4096 concatenated gzip members of 1 MiB each:
        // twice the test JVM's heap, so a reader that kept what it inflated would fail here
        Path file = directory.resolve("bomb-images.gz");
        byte[] megabyteOfZeros = gzip(new byte[1 << 20]);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(gzip(ints(IdxReader.IMAGES_MAGIC, 2, 2, 2)));
            for (int i = 0; i < 4096; i++) {
                out.write(megabyteOfZeros);
            }
        }
        assertTrue(Files.size(file) < 8 * 1024 * 1024, "the file is small: " + Files.size(file));
        IOException e = assertThrows(IOException.class, () -> IdxReader.images(file));
        assertTrue(e.getMessage().contains("has more data than its header declares: expected exactly 8 bytes"),
                e.getMessage());
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(compressed)) {
            out.write(bytes);
        }
        return compressed.toByteArray();
    }

    @Test
    void aHeaderDeclaringMoreThanMemoryHoldsIsRefusedBeforeReading() throws IOException {
        // 2 147 483 000 pixels of 4 bytes, growing as a gzip stream inflates: 12 GB against the test JVM's 2 GB
        Path file = directory.resolve("huge-images.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(ints(IdxReader.IMAGES_MAGIC, 2_147_483, 1000, 1));
        }
        IOException e = assertThrows(IOException.class, () -> IdxReader.images(file));
        assertTrue(e.getMessage().startsWith(file + " declares 2147483 images of 1000×1 pixels, which needs "
                + "12884898000 bytes"), e.getMessage());
        assertTrue(e.getMessage().contains("of Java heap but only"), e.getMessage());
    }

    @Test
    void aPlainFileShorterThanItsHeaderDeclaresIsRefusedByItsLength() throws IOException {
        Path file = Files.write(directory.resolve("labels"), concat(ints(IdxReader.LABELS_MAGIC, 100_000_000), new byte[3]));
        IOException e = assertThrows(IOException.class, () -> IdxReader.labels(file, 10));
        assertEquals(file + " is truncated: expected 100000000 bytes of data after the 8-byte header, found 3",
                e.getMessage());
    }

    @Test
    void aCsvLineLongerThanTheLimitIsRefusedNamingTheLine() throws IOException {
        Path file = Files.writeString(directory.resolve("long.csv"), "1,0\n" + "1,".repeat(600) + "0\n");
        String before = System.setProperty(Limits.MAX_CSV_LINE_CHARS, "1000");
        try {
            IOException e = assertThrows(IOException.class, () -> CsvReader.read(file, -1));
            assertEquals(file + " line 2 is longer than 1000 characters, the longest line read "
                    + "(raise the limit with -Dscratchnet.csv.maxLineChars=N)", e.getMessage());
        } finally {
            restore(Limits.MAX_CSV_LINE_CHARS, before);
        }
    }

    @Test
    void aDeviceIsNotReadAsCsv() {
        Path zero = Path.of("/dev/zero");
        if (!Files.exists(zero)) {
            return;
        }
        IOException e = assertThrows(IOException.class, () -> CsvReader.read(zero, -1));
        assertEquals("CSV file /dev/zero is not a regular file (a directory, a device or a pipe); "
                + "expected a file of text lines", e.getMessage());
    }

    @Test
    void aLabelAskingForMoreClassesThanAllowedIsRefusedNamingLineAndColumn() throws IOException {
        Path file = Files.writeString(directory.resolve("label.csv"), "x,label\n0.5,1000000000\n");
        IOException e = assertThrows(IOException.class, () -> CsvReader.read(file, -1));
        assertEquals(file + " line 2 column 1 (the label): label 1000000000 asks for 1000000001 classes; at most "
                + "10000 are allowed (raise the limit with -Dscratchnet.maxClasses=N)", e.getMessage());
    }

    @Test
    void csvLinesAreNumberedAsTheFileNumbersThem() throws IOException {
        // a lone carriage return does not end a line; "\r\n" does, once
        Path file = Files.writeString(directory.resolve("lines.csv"), "a,b\r\n1,0\r\n\r\n2\r3,1\n");
        IOException e = assertThrows(IOException.class, () -> CsvReader.read(file, -1));
        assertTrue(e.getMessage().startsWith(file + " line 4 column 0: expected a number"), e.getMessage());
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }
}
