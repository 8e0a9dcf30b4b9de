package dev.scratchnet.runtime;

import dev.scratchnet.kernels.ActivationKernel;
import dev.scratchnet.kernels.ActivationFacts;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads a saved model, format version 1 (the README's "Saved models"): a zip of {@code model.json}
 * and one {@code .npy} array per weight and bias. It refuses what the core's reader refuses (an
 * empty, truncated, foreign or corrupt file, an entry named twice or used by no layer, a duplicate
 * key, a shape model.json does not declare, non-finite weights) and a newer format version: a
 * later version may carry preprocessing that predictions need, so it is never guessed at.
 * Bounded as the core's reader: model.json up to {@link #MAX_JSON_BYTES_PROPERTY} bytes, each
 * array's header, then exactly the data its declared shape needs, after checking the heap.
 */
final class ModelArchive {

    /** The system property that raises the model.json limit, the one the core reads too. */
    static final String MAX_JSON_BYTES_PROPERTY = "scratchnet.model.maxJsonBytes";
    /** The format version this runtime reads (3: a table's columns, {@link TableColumns}). */
    static final int FORMAT_VERSION = 3;

    private static final int DEFAULT_MAX_JSON_BYTES = 1024 * 1024;
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    /** What a file holds: its layers and whether they compute in float64. */
    record Contents(boolean isDouble, List<DenseLayer> layers, Scaling inputs, Scaling targets,
                    List<String> classNames, List<String> inputNames, TableColumns table) {
    }

    private ModelArchive() {
    }

    /** Reads the model at {@code path}; an {@link IOException} names the file and the problem. */
    static Contents read(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new NoSuchFileException(path.toString(), null, "no model file here");
        }
        try {
            requireZipMagic(path);
            try (ZipFile zip = new ZipFile(path.toFile())) {
                return read(zip);
            }
        } catch (ZipException | java.io.EOFException e) {
            throw new IOException("cannot load model " + path + ": the zip is damaged or truncated ("
                    + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new IOException("cannot load model " + path + ": " + e.getMessage(), e);
        }
    }

    private static Contents read(ZipFile zip) throws IOException {
        Set<String> names = entryNames(zip);
        Map<String, Object> json = object(Json.parse(new String(bytes(zip, "model.json", maxJsonBytes()),
                StandardCharsets.UTF_8)), "model.json");
        if (!"scratchnet-model".equals(json.get("format"))) {
            throw new IOException("model.json is not a scratchnet model (expected \"format\": \"scratchnet-model\")");
        }
        Object version = json.get("formatVersion");
        if (!(version instanceof Long number) || number < 1) {
            throw new IOException("model.json has no valid \"formatVersion\" (a positive integer), found " + version);
        }
        if (number > FORMAT_VERSION) {
            throw new IOException("format version " + number + " was written by a newer scratchnet; this runtime reads "
                    + "format versions 1 to " + FORMAT_VERSION + " (a newer file may hold what predictions need, so it "
                    + "is not read partly)");
        }
        boolean isDouble = switch (String.valueOf(json.get("dataType"))) {
            case "float32" -> false;
            case "float64" -> true;
            default -> throw new IOException("model.json \"dataType\" must be \"float32\" or \"float64\", was "
                    + json.get("dataType"));
        };
        if (!(json.get("layers") instanceof List<?> layers) || layers.isEmpty()) {
            throw new IOException("model.json needs a non-empty \"layers\" array, found " + json.get("layers"));
        }
        Set<String> used = new LinkedHashSet<>(List.of("model.json"));
        List<DenseLayer> dense = new ArrayList<>();
        for (int k = 0; k < layers.size(); k++) {
            // people count layers from 1: "dense layer 1" is the file's dense0
            String where = "dense layer " + (k + 1);
            Map<String, Object> layer = object(layers.get(k), where);
            if (!"dense".equals(layer.get("type"))) {
                throw new IOException(where + " must have \"type\": \"dense\", was " + layer.get("type"));
            }
            int nIn = size(layer, "nIn", where);
            if (k > 0 && nIn != dense.get(k - 1).nOut()) {
                throw new IOException(where + " expects nIn = " + nIn + " but dense layer " + k + " has nOut = "
                        + dense.get(k - 1).nOut());
            }
            dense.add(layer(zip, layer, where, isDouble, nIn, size(layer, "nOut", where), used));
        }
        Scaling inputs = null;
        Scaling targets = null;
        if (json.get("preprocessing") != null) {
            Map<String, Object> preprocessing = object(json.get("preprocessing"), "model.json \"preprocessing\"");
            inputs = scaling(zip, preprocessing.get("inputs"), "inputs", isDouble, dense.get(0).nIn(), used);
            targets = scaling(zip, preprocessing.get("targets"), "targets", isDouble,
                    dense.get(dense.size() - 1).nOut(), used);
        }
        List<String> classNames = strings(json, "classNames");
        List<String> inputNames = strings(json, "inputNames");
        TableColumns table = json.get("table") == null ? null : TableColumns.fromJson(json.get("table"));
        if (table != null && table.width() != dense.get(0).nIn()) {
            throw new IOException("model.json \"table\" encodes rows as " + table.width() + " inputs but dense layer 1 "
                    + "has nIn = " + dense.get(0).nIn());
        }
        for (String name : names) {
            if (!used.contains(name)) {
                throw new IOException("the zip holds entry \"" + name + "\", which no part of the model uses");
            }
        }
        return new Contents(isDouble, List.copyOf(dense), inputs, targets, classNames, inputNames, table);
    }

    /** The strings of array {@code field} in model.json, or an empty list when it has none. */
    private static List<String> strings(Map<String, Object> json, String field) throws IOException {
        List<String> strings = new ArrayList<>();
        if (json.get(field) instanceof List<?> saved) {
            for (Object name : saved) {
                if (!(name instanceof String text)) {
                    throw new IOException("model.json \"" + field + "\" must hold strings, found " + name);
                }
                strings.add(text);
            }
        }
        return List.copyOf(strings);
    }

    /** One scaler of format 2's preprocessing ({@code part}: inputs or targets), or null when there is none. */
    private static Scaling scaling(ZipFile zip, Object json, String part, boolean isDouble, int width,
            Set<String> used) throws IOException {
        if (json == null) {
            return null;
        }
        String where = "preprocessing " + part;
        Map<String, Object> scaler = object(json, where);
        double[] shift = doubles(array(zip, entryName(scaler, "shift", where, used), where + " shift", isDouble,
                new long[] {1, width}, new long[] {width}));
        double[] scale = doubles(array(zip, entryName(scaler, "scale", where, used), where + " scale", isDouble,
                new long[] {1, width}, new long[] {width}));
        for (double value : scale) {
            if (value == 0) {
                throw new IOException(where + " scale holds 0; a scale divides");
            }
        }
        String kind = scaler.get("kind") instanceof String text ? text : "scale";
        return new Scaling(kind, shift, scale);
    }

    private static double[] doubles(Object values) {
        if (values instanceof double[] doubles) {
            return doubles;
        }
        float[] floats = (float[]) values;
        double[] doubles = new double[floats.length];
        for (int i = 0; i < floats.length; i++) {
            doubles[i] = floats[i];
        }
        return doubles;
    }

    private static DenseLayer layer(ZipFile zip, Map<String, Object> layer, String where, boolean isDouble, int nIn,
            int nOut, Set<String> used) throws IOException {
        Map<String, Object> activation = object(layer.get("activation"), where + " activation");
        Object name = activation.get("name");
        ActivationFacts.Entry entry = ActivationFacts.named(String.valueOf(name)).orElseThrow(() ->
                new IOException(where + " has unknown activation \"" + name + "\"; expected one of "
                        + ActivationFacts.ALL.stream().map(ActivationFacts.Entry::name).toList()));
        double parameter = 0;
        if (entry.parameter() != null) {
            Object value = activation.get(entry.parameter());
            if (!(value instanceof Number number) || !(number.doubleValue() >= 0)
                    || Double.isInfinite(number.doubleValue())) {
                throw new IOException(where + " activation " + name + " needs a finite \"" + entry.parameter()
                        + "\" >= 0, was " + value);
            }
            parameter = number.doubleValue();
        }
        if ((long) nIn * nOut > Integer.MAX_VALUE / Double.BYTES) {
            throw new IOException(where + " has " + (long) nIn * nOut + " weights, more than a Java array holds");
        }
        Object weights = array(zip, entryName(layer, "weights", where, used), where + " weights", isDouble,
                new long[] {nIn, nOut}, null);
        Object bias = array(zip, entryName(layer, "bias", where, used), where + " bias", isDouble,
                new long[] {1, nOut}, new long[] {nOut});
        ActivationKernel kernel = entry.kernel(parameter);
        if (isDouble) {
            double[][] rows = new double[nIn][];
            for (int i = 0; i < nIn; i++) {
                rows[i] = Arrays.copyOfRange((double[]) weights, i * nOut, (i + 1) * nOut);
            }
            return new DenseLayer(nIn, nOut, null, null, rows, (double[]) bias, entry.name(), kernel);
        }
        float[][] rows = new float[nIn][];
        for (int i = 0; i < nIn; i++) {
            rows[i] = Arrays.copyOfRange((float[]) weights, i * nOut, (i + 1) * nOut);
        }
        return new DenseLayer(nIn, nOut, rows, (float[]) bias, null, null, entry.name(), kernel);
    }

    /**
     * The values of entry {@code name}: its header must declare {@code shape} (or {@code otherShape})
     * and the model's data type before any data is read; the values must be finite.
     */
    private static Object array(ZipFile zip, String name, String what, boolean isDouble, long[] shape,
            long[] otherShape) throws IOException {
        ZipEntry entry = zipEntry(zip, name);
        try (CheckedInputStream in = new CheckedInputStream(zip.getInputStream(entry), new CRC32())) {
            Npy.Header header;
            Object values;
            try {
                header = Npy.readHeader(in);
                if (header.isDouble() != isDouble) {
                    throw new IOException("are " + (header.isDouble() ? "float64" : "float32")
                            + " but the model's data type is " + (isDouble ? "float64" : "float32"));
                }
                if (!Arrays.equals(header.shape(), shape) && !Arrays.equals(header.shape(), otherShape)) {
                    throw new IOException("have shape " + Arrays.toString(header.shape()) + " but model.json says "
                            + Arrays.toString(shape));
                }
                values = isDouble ? Npy.readDoubles(in, header) : Npy.readFloats(in, header);
            } catch (IOException e) {
                throw new IOException(what + " (" + name + ") " + e.getMessage(), e);
            }
            requireChecksum(entry, in.getChecksum().getValue());
            if (!allFinite(values)) {
                throw new IOException(what + " (" + name + ") hold NaN or infinite values");
            }
            return values;
        }
    }

    private static boolean allFinite(Object values) {
        if (values instanceof double[] doubles) {
            return Arrays.stream(doubles).allMatch(Double::isFinite);
        }
        for (float value : (float[]) values) {
            if (!Float.isFinite(value)) {
                return false;
            }
        }
        return true;
    }

    private static String entryName(Map<String, Object> layer, String field, String where, Set<String> used)
            throws IOException {
        if (!(layer.get(field) instanceof String name) || name.isEmpty()) {
            throw new IOException(where + " has no \"" + field + "\" entry name");
        }
        used.add(name);
        return name;
    }

    /** The bytes of entry {@code name}, at most {@code limit} of them, checked against the zip's CRC-32. */
    private static byte[] bytes(ZipFile zip, String name, int limit) throws IOException {
        ZipEntry entry = zipEntry(zip, name);
        byte[] bytes;
        try (InputStream in = zip.getInputStream(entry)) {
            bytes = in.readNBytes(limit);
            if (in.read() >= 0) {
                throw new IOException(name + " is larger than " + limit + " bytes, the most this version reads "
                        + "(raise the limit with -D" + MAX_JSON_BYTES_PROPERTY + "=N)");
            }
        }
        CRC32 crc = new CRC32();
        crc.update(bytes);
        requireChecksum(entry, crc.getValue());
        return bytes;
    }

    private static ZipEntry zipEntry(ZipFile zip, String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new IOException("the zip has no " + name + ("model.json".equals(name) ? " (not a scratchnet model)" : ""));
        }
        return entry;
    }

    private static void requireChecksum(ZipEntry entry, long crc) throws IOException {
        if (entry.getCrc() != -1 && crc != entry.getCrc()) {
            throw new IOException(entry.getName() + " is damaged: its checksum does not match");
        }
    }

    private static Set<String> entryNames(ZipFile zip) throws IOException {
        Set<String> names = new LinkedHashSet<>();
        for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
            String name = entries.nextElement().getName();
            if (!names.add(name)) {
                throw new IOException("the zip holds entry \"" + name + "\" more than once");
            }
        }
        return names;
    }

    private static void requireZipMagic(Path path) throws IOException {
        byte[] start;
        try (InputStream in = Files.newInputStream(path)) {
            start = in.readNBytes(ZIP_MAGIC.length);
        }
        if (start.length == 0) {
            throw new IOException("the file is empty");
        }
        if (!Arrays.equals(start, ZIP_MAGIC)) {
            throw new IOException("not a zip file (a saved model is a zip holding model.json)");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value, String what) throws IOException {
        if (!(value instanceof Map<?, ?>)) {
            throw new IOException(what + " must be a JSON object, was " + value);
        }
        return (Map<String, Object>) value;
    }

    /** The layer size in {@code field}: a whole number in {@code [1, Integer.MAX_VALUE]}. */
    private static int size(Map<String, Object> layer, String field, String where) throws IOException {
        if (!(layer.get(field) instanceof Long value) || value < 1 || value > Integer.MAX_VALUE) {
            throw new IOException(where + " \"" + field + "\" must be a whole number in [1, " + Integer.MAX_VALUE
                    + "], was " + layer.get(field));
        }
        return value.intValue();
    }

    private static int maxJsonBytes() {
        String value = System.getProperty(MAX_JSON_BYTES_PROPERTY);
        try {
            return value == null ? DEFAULT_MAX_JSON_BYTES : Math.max(1, Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            return DEFAULT_MAX_JSON_BYTES;
        }
    }
}
