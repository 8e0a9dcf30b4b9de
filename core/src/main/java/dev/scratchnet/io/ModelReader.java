package dev.scratchnet.io;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scratchnet.Activation;
import dev.scratchnet.Network;
import dev.scratchnet.Scaler;
import dev.scratchnet.internal.Limits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Reads the zip {@link ModelFile} writes and rebuilds the network through
 * {@code Network.builder().dense(W, b, activation)}, so that the builder's checks apply.
 * Everything is read and checked before the network is built: a truncated, foreign, corrupt or
 * newer-format file fails with an {@link IOException} that names the file and the problem, and
 * no network is returned.
 * <p>
 * A file means one model: an entry named twice, an entry no layer uses, a duplicate key in
 * model.json or a layer size beyond {@code int} is refused, naming the entry. Nothing is read
 * beyond what the format implies: model.json up to {@link Limits#maxModelJsonBytes()}, each
 * array's header, then exactly the bytes of the shape model.json declares for it, after checking
 * that they fit in memory; whatever an entry would inflate to beyond that is never read.
 */
public final class ModelReader {

    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final byte[] EMPTY_ZIP_MAGIC = {'P', 'K', 5, 6};

    private ModelReader() {
    }

    /** Loads the network saved at {@code path}. */
    public static Network load(Path path) throws IOException {
        try {
            return read(path);
        } catch (ModelException e) {
            throw new IOException("cannot load model " + path + ": " + e.getMessage(), e.getCause());
        }
    }

    private static Network read(Path path) throws IOException, ModelException {
        if (!Files.isRegularFile(path)) {
            throw new NoSuchFileException(path.toString(), null, "no model file here");
        }
        checkZipMagic(path);
        try (ZipFile zip = new ZipFile(path.toFile())) {
            Set<String> names = entryNames(zip);
            JsonNode json = parseJson(entry(zip, ModelFile.MODEL_JSON, Limits.maxModelJsonBytes()));
            DataType dataType = checkHeader(json);
            JsonNode layers = json.get("layers");
            if (layers == null || !layers.isArray() || layers.isEmpty()) {
                throw new ModelException("model.json needs a non-empty \"layers\" array, found " + layers);
            }
            requireOnlyUsedEntries(names, layers, json.get("preprocessing"));
            Network.Builder builder = Network.builder().seed(integer(json, "seed", "model.json")).dataType(dataType);
            for (int i = 0; i < layers.size(); i++) {
                addLayer(builder, zip, layers.get(i), i, dataType);
            }
            addPreprocessing(builder, zip, json, dataType, size(layers.get(0), "nIn", "dense layer 1"),
                    size(layers.get(layers.size() - 1), "nOut", "dense layer " + layers.size()));
            try {
                return builder.build();
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new ModelException("the layers do not make a network: " + e.getMessage());
            }
        } catch (ZipException | java.io.EOFException e) {
            throw new ModelException("the zip is damaged or truncated (" + e.getMessage() + ")", e);
        }
    }

    private static void checkZipMagic(Path path) throws IOException, ModelException {
        byte[] start;
        try (InputStream in = Files.newInputStream(path)) {
            start = in.readNBytes(ZIP_MAGIC.length);
        }
        if (start.length == 0) {
            throw new ModelException("the file is empty");
        }
        if (!Arrays.equals(start, ZIP_MAGIC) && !Arrays.equals(start, EMPTY_ZIP_MAGIC)) {
            throw new ModelException("not a zip file (a saved model is a zip holding model.json)");
        }
    }

    private static DataType checkHeader(JsonNode json) throws ModelException {
        if (!json.isObject() || !ModelFile.FORMAT.equals(json.path("format").asText(null))) {
            throw new ModelException("model.json is not a scratchnet model (expected \"format\": \""
                    + ModelFile.FORMAT + "\")");
        }
        JsonNode version = json.get("formatVersion");
        if (version == null || !version.canConvertToInt() || !version.isIntegralNumber() || version.asInt() < 1) {
            throw new ModelException("model.json has no valid \"formatVersion\" (a positive integer), found " + version);
        }
        if (version.asInt() > ModelFile.FORMAT_VERSION) {
            throw new ModelException("format version " + version.asInt() + " was written by a newer scratchnet; "
                    + "this version reads format version " + ModelFile.FORMAT_VERSION + " and older");
        }
        String dataType = json.path("dataType").asText("");
        return switch (dataType) {
            case "float32" -> DataType.FLOAT;
            case "float64" -> DataType.DOUBLE;
            default -> throw new ModelException("model.json \"dataType\" must be \"float32\" or \"float64\", was \""
                    + dataType + "\"");
        };
    }

    private static void addLayer(Network.Builder builder, ZipFile zip, JsonNode layer, int index, DataType dataType)
            throws IOException, ModelException {
        // people count layers from 1: "dense layer 1" is the file's dense0
        String where = "dense layer " + (index + 1);
        if (layer == null || !layer.isObject() || !"dense".equals(layer.path("type").asText())) {
            throw new ModelException(where + " must be an object with \"type\": \"dense\", was " + layer);
        }
        int nIn = size(layer, "nIn", where);
        int nOut = size(layer, "nOut", where);
        Activation activation;
        try {
            activation = Activations.fromJson(layer.get("activation"), where);
        } catch (IOException e) {
            throw new ModelException(e.getMessage());
        }
        INDArray weights = array(zip, layer, "weights", where, dataType, shape -> {
            if (!Arrays.equals(shape, new long[] {nIn, nOut})) {
                throw new ModelException(where + " weights have shape " + Arrays.toString(shape)
                        + " but model.json says [" + nIn + ", " + nOut + "]");
            }
        });
        INDArray bias = array(zip, layer, "bias", where, dataType, shape -> {
            if (!Arrays.equals(shape, new long[] {1, nOut}) && !Arrays.equals(shape, new long[] {nOut})) {
                throw new ModelException(where + " bias has shape " + Arrays.toString(shape) + " but model.json says [1, "
                        + nOut + "]");
            }
        });
        try {
            builder.dense(weights, bias, activation);
        } catch (IllegalArgumentException e) {
            throw new ModelException(where + ": " + e.getMessage());
        }
        JsonNode dropout = layer.get("dropout");
        if (dropout != null) {
            if (!dropout.isNumber()) {
                throw new ModelException(where + " \"dropout\" must be a number in (0, 1), was " + dropout);
            }
            try {
                builder.dropout(dropout.asDouble());
            } catch (IllegalArgumentException e) {
                throw new ModelException(where + ": " + e.getMessage());
            }
        }
    }

    /** Format 2's scalers and class names, when model.json has them. */
    private static void addPreprocessing(Network.Builder builder, ZipFile zip, JsonNode json, DataType dataType,
            int nIn, int nOut) throws IOException, ModelException {
        JsonNode preprocessing = json.get("preprocessing");
        if (preprocessing != null) {
            if (!preprocessing.isObject()) {
                throw new ModelException("model.json \"preprocessing\" must be an object, was " + preprocessing);
            }
            Scaler inputs = scaler(zip, preprocessing.get("inputs"), "inputs", nIn, dataType);
            Scaler targets = scaler(zip, preprocessing.get("targets"), "targets", nOut, dataType);
            if (inputs != null) {
                builder.scaler(inputs);
            }
            if (targets != null) {
                builder.targetScaler(targets);
            }
        }
        List<String> classNames = strings(json, "classNames");
        if (classNames != null) {
            builder.classNames(classNames);
        }
        List<String> inputNames = strings(json, "inputNames");
        if (inputNames != null) {
            builder.inputNames(inputNames);
        }
        if (json.get("table") != null) {
            try {
                builder.table(TableSection.fromJson(json.get("table")));
            } catch (IOException e) {
                throw new ModelException(e.getMessage());
            }
        }
    }

    /** The array of strings in model.json's {@code field}, or null when there is none. */
    private static List<String> strings(JsonNode json, String field) throws ModelException {
        JsonNode array = json.get(field);
        if (array == null) {
            return null;
        }
        if (!array.isArray()) {
            throw new ModelException("model.json \"" + field + "\" must be an array of strings, was " + array);
        }
        List<String> names = new ArrayList<>();
        for (JsonNode name : array) {
            if (!name.isTextual()) {
                throw new ModelException("model.json \"" + field + "\" must hold strings, found " + name);
            }
            names.add(name.asText());
        }
        return names;
    }

    /** One scaler of the preprocessing ({@code part} is inputs or targets), or null when model.json has none. */
    private static Scaler scaler(ZipFile zip, JsonNode json, String part, int width, DataType dataType)
            throws IOException, ModelException {
        if (json == null) {
            return null;
        }
        String where = "preprocessing " + part;
        if (!json.isObject() || !json.path("kind").isTextual()) {
            throw new ModelException(where + " must be an object with a \"kind\", was " + json);
        }
        ShapeCheck row = shape -> {
            if (!Arrays.equals(shape, new long[] {1, width})) {
                throw new ModelException(where + " arrays have shape " + Arrays.toString(shape) + " but the network's "
                        + part + " are " + width + " wide: expected [1, " + width + "]");
            }
        };
        INDArray shift = array(zip, json, "shift", where, dataType, row);
        INDArray scale = array(zip, json, "scale", where, dataType, row);
        try {
            return Scaler.of(json.get("kind").asText(), shift.castTo(DataType.DOUBLE).toDoubleVector(),
                    scale.castTo(DataType.DOUBLE).toDoubleVector());
        } catch (IllegalArgumentException e) {
            throw new ModelException(where + ": " + e.getMessage());
        }
    }

    /**
     * The array in the entry that {@code layer}'s {@code field} names: its {@code .npy} header is
     * read first and its shape handed to {@code expectedShape}, so that a shape model.json does not
     * declare is refused before a single data byte is read; then exactly the data the shape needs.
     */
    private static INDArray array(ZipFile zip, JsonNode layer, String field, String where, DataType dataType,
            ShapeCheck expectedShape) throws IOException, ModelException {
        String name = layer.path(field).asText("");
        if (name.isEmpty()) {
            throw new ModelException(where + " has no \"" + field + "\" entry name");
        }
        ZipEntry entry = zipEntry(zip, name);
        try (CheckedInputStream in = new CheckedInputStream(zip.getInputStream(entry), new CRC32())) {
            Npy.Header header;
            INDArray array;
            try {
                header = Npy.readHeader(in);
                if (header.dataType() != dataType) {
                    throw new ModelException(where + " " + field + " (" + name + ") are "
                            + ModelFile.dataTypeName(header.dataType()) + " but the model's data type is "
                            + ModelFile.dataTypeName(dataType));
                }
                expectedShape.check(header.shape());
                array = Npy.readData(in, header);
            } catch (ZipException | java.io.EOFException e) {
                throw new ModelException(name + " is damaged (" + e.getMessage() + ")", e);
            } catch (IOException e) {
                throw new ModelException(where + " " + field + " (" + name + "): " + e.getMessage());
            }
            requireChecksum(entry, in.getChecksum().getValue());
            return array;
        }
    }

    /** A check of an array's shape, made from its header before its data is read. */
    @FunctionalInterface
    private interface ShapeCheck {
        void check(long[] shape) throws ModelException;
    }

    /**
     * The bytes of entry {@code name}, checked against the CRC-32 the zip recorded for it; at most
     * {@code limit} bytes are read, and an entry longer than that is refused.
     */
    private static byte[] entry(ZipFile zip, String name, int limit) throws IOException, ModelException {
        ZipEntry entry = zipEntry(zip, name);
        byte[] bytes;
        try (InputStream in = zip.getInputStream(entry)) {
            bytes = in.readNBytes(limit);
            if (in.read() >= 0) {
                throw new ModelException(name + " is larger than " + limit + " bytes, the most this version reads "
                        + "(raise the limit with -D" + Limits.MAX_MODEL_JSON_BYTES + "=N)");
            }
        } catch (ZipException | java.io.EOFException e) {
            throw new ModelException(name + " is damaged (" + e.getMessage() + ")", e);
        }
        CRC32 crc = new CRC32();
        crc.update(bytes);
        requireChecksum(entry, crc.getValue());
        return bytes;
    }

    private static ZipEntry zipEntry(ZipFile zip, String name) throws ModelException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new ModelException("the zip has no " + name
                    + (ModelFile.MODEL_JSON.equals(name) ? " (not a scratchnet model)" : ""));
        }
        return entry;
    }

    private static void requireChecksum(ZipEntry entry, long crc) throws ModelException {
        if (entry.getCrc() != -1 && crc != entry.getCrc()) {
            throw new ModelException(entry.getName() + " is damaged: its checksum does not match");
        }
    }

    /** The names of the zip's entries, each of which must appear once. */
    private static Set<String> entryNames(ZipFile zip) throws ModelException {
        Set<String> names = new LinkedHashSet<>();
        for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
            String name = entries.nextElement().getName();
            if (!names.add(name)) {
                throw new ModelException("the zip holds entry \"" + name + "\" more than once; a model file names "
                        + "each entry once, so that every reader sees the same model");
            }
        }
        return names;
    }

    /** Fails when the zip holds an entry that is neither model.json nor an array a layer or a scaler names. */
    private static void requireOnlyUsedEntries(Set<String> names, JsonNode layers, JsonNode preprocessing)
            throws ModelException {
        Set<String> used = new LinkedHashSet<>();
        used.add(ModelFile.MODEL_JSON);
        for (JsonNode layer : layers) {
            used.add(layer.path("weights").asText(""));
            used.add(layer.path("bias").asText(""));
        }
        if (preprocessing != null) {
            for (String part : List.of("inputs", "targets")) {
                used.add(preprocessing.path(part).path("shift").asText(""));
                used.add(preprocessing.path(part).path("scale").asText(""));
            }
        }
        for (String name : names) {
            if (!used.contains(name)) {
                throw new ModelException("the zip holds entry \"" + name + "\", which no part of the model uses; "
                        + "a model file holds model.json and the arrays its layers and scalers name, nothing else");
            }
        }
    }

    private static JsonNode parseJson(byte[] bytes) throws ModelException {
        try {
            return new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).readTree(bytes);
        } catch (JacksonException e) {
            throw new ModelException("model.json is not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new ModelException("model.json cannot be read (" + e.getMessage() + ")");
        }
    }

    private static long integer(JsonNode json, String field, String where) throws ModelException {
        JsonNode value = json.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new ModelException(where + " needs an integer \"" + field + "\", found " + value);
        }
        return value.asLong();
    }

    /** The layer size in {@code field}: a whole number in {@code [1, Integer.MAX_VALUE]}. */
    private static int size(JsonNode json, String field, String where) throws ModelException {
        long value = integer(json, field, where);
        if (value < 1 || value > Integer.MAX_VALUE) {
            throw new ModelException(where + " \"" + field + "\" is " + value + "; a layer size must be in [1, "
                    + Integer.MAX_VALUE + "]");
        }
        return (int) value;
    }

    /** A problem with the file's content; {@link #load} adds the file name. */
    private static final class ModelException extends Exception {
        ModelException(String message) {
            super(message);
        }

        ModelException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
