package dev.scratchnet.data;

import dev.scratchnet.DataSet;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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

    /** The 1797 digits with raw pixels (0..16) and one-hot targets. */
    public static DataSet read() {
        try (InputStream raw = DigitsReader.class.getResourceAsStream(RESOURCE)) {
            if (raw == null) {
                throw new IllegalStateException("the bundled digits file " + RESOURCE + " is missing from the classpath");
            }
            return parse(new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.US_ASCII)));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the bundled digits file " + RESOURCE, e);
        }
    }

    private static DataSet parse(BufferedReader reader) throws IOException {
        List<float[]> images = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split(",");
            if (fields.length != PIXELS + 1) {
                throw new IllegalStateException("bundled digits line " + (images.size() + 1) + " has "
                        + fields.length + " fields, expected " + (PIXELS + 1));
            }
            float[] pixels = new float[PIXELS];
            for (int i = 0; i < PIXELS; i++) {
                pixels[i] = Float.parseFloat(fields[i]);
            }
            images.add(pixels);
            labels.add(Integer.parseInt(fields[PIXELS].trim()));
        }
        float[][] features = images.toArray(new float[0][]);
        int[] classes = labels.stream().mapToInt(Integer::intValue).toArray();
        return DataSet.ofClasses(Nd4j.create(features), classes, CLASSES);
    }
}
