package dev.scratchnet.data;

import dev.scratchnet.DataSet;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Reads the bundled 8×8 digits ({@code digits.csv.gz} beside this class's package in the jar):
 * one image per line, 64 pixel values 0..16 row by row, then the label 0..9.
 */
public final class DigitsReader {

    /** Pixels per image. */
    public static final int PIXELS = 64;
    /** Digit classes. */
    public static final int CLASSES = 10;

    private static final String RESOURCE = "/dev/scratchnet/data/digits.csv.gz";

    private DigitsReader() {
    }

    /** The 1797 digits with raw pixels (0..16) and one-hot targets; a fresh copy for every call. */
    public static DataSet read() {
        Parsed digits = parsed();
        return DataSet.ofClasses(Nd4j.create(digits.pixels, new long[] {digits.labels.length, PIXELS}, 'c'),
                digits.labels.clone(), CLASSES);
    }

    private static Parsed parsed;

    /** The file is parsed once per JVM (tests, samples and scripts ask for it many times); a failure is not kept. */
    private static synchronized Parsed parsed() {
        if (parsed == null) {
            parsed = Parsed.load();
        }
        return parsed;
    }

    /** The pixels row by row and the labels, as the file gives them. */
    private static final class Parsed {
        final float[] pixels;
        final int[] labels;

        private Parsed(float[] pixels, int[] labels) {
            this.pixels = pixels;
            this.labels = labels;
        }

        private static Parsed load() {
            try (InputStream raw = DigitsReader.class.getResourceAsStream(RESOURCE)) {
                if (raw == null) {
                    throw new IllegalStateException("the bundled digits file " + RESOURCE + " is missing from the classpath");
                }
                return parse(new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.US_ASCII)));
            } catch (IOException e) {
                throw new UncheckedIOException("could not read the bundled digits file " + RESOURCE, e);
            }
        }

        /** Every field is a small non-negative integer, so a digit loop replaces split and parseFloat. */
        private static Parsed parse(BufferedReader reader) throws IOException {
            float[] pixels = new float[2048 * PIXELS];
            int[] labels = new int[2048];
            int[] fields = new int[PIXELS + 1];
            int rows = 0;
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                int count = fields(line, fields, rows + 1);
                if (count != PIXELS + 1) {
                    throw new IllegalStateException("bundled digits line " + (rows + 1) + " has " + count
                            + " fields, expected " + (PIXELS + 1));
                }
                if (rows == labels.length) {
                    labels = Arrays.copyOf(labels, rows * 2);
                    pixels = Arrays.copyOf(pixels, rows * 2 * PIXELS);
                }
                for (int i = 0; i < PIXELS; i++) {
                    pixels[rows * PIXELS + i] = fields[i];
                }
                labels[rows++] = fields[PIXELS];
            }
            return new Parsed(Arrays.copyOf(pixels, rows * PIXELS), Arrays.copyOf(labels, rows));
        }

        /** Splits one line on commas into {@code into}; returns how many fields it has (counting past the array). */
        private static int fields(String line, int[] into, int lineNumber) {
            int count = 0;
            int value = 0;
            boolean digits = false;
            for (int i = 0, n = line.length(); i <= n; i++) {
                char c = i < n ? line.charAt(i) : ',';
                if (c == ',') {
                    if (!digits) {
                        throw new IllegalStateException("bundled digits line " + lineNumber + " has an empty field");
                    }
                    if (count < into.length) {
                        into[count] = value;
                    }
                    count++;
                    value = 0;
                    digits = false;
                } else if (c >= '0' && c <= '9' && value < 1_000_000) {
                    value = value * 10 + (c - '0');
                    digits = true;
                } else if (!Character.isWhitespace(c)) {
                    throw new IllegalStateException("bundled digits line " + lineNumber + " has '" + c
                            + "' where a non-negative integer was expected");
                }
            }
            return count;
        }
    }
}
