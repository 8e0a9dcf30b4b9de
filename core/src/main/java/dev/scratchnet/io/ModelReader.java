package dev.scratchnet.io;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scratchnet.Activation;
import dev.scratchnet.Network;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
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
            JsonNode json = parseJson(entry(zip, ModelFile.MODEL_JSON));
            DataType dataType = checkHeader(json);
            JsonNode layers = json.get("layers");
            if (layers == null || !layers.isArray() || layers.isEmpty()) {
                throw new ModelException("model.json needs a non-empty \"layers\" array, found " + layers);
            }
            Network.Builder builder = Network.builder().seed(integer(json, "seed", "model.json")).dataType(dataType);
            for (int i = 0; i < layers.size(); i++) {
                addLayer(builder, zip, layers.get(i), i, dataType);
            }
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
        String where = "layer " + index;
        if (layer == null || !layer.isObject() || !"dense".equals(layer.path("type").asText())) {
            throw new ModelException(where + " must be an object with \"type\": \"dense\", was " + layer);
        }
        int nIn = (int) integer(layer, "nIn", where);
        int nOut = (int) integer(layer, "nOut", where);
        Activation activation;
        try {
            activation = Activations.fromJson(layer.get("activation"), where);
        } catch (IOException e) {
            throw new ModelException(e.getMessage());
        }
        INDArray weights = array(zip, layer, "weights", where, dataType);
        INDArray bias = array(zip, layer, "bias", where, dataType);
        if (!Arrays.equals(weights.shape(), new long[] {nIn, nOut})) {
            throw new ModelException(where + " weights have shape " + Arrays.toString(weights.shape())
                    + " but model.json says [" + nIn + ", " + nOut + "]");
        }
        boolean biasFits = Arrays.equals(bias.shape(), new long[] {1, nOut}) || Arrays.equals(bias.shape(), new long[] {nOut});
        if (!biasFits) {
            throw new ModelException(where + " bias has shape " + Arrays.toString(bias.shape()) + " but model.json says [1, "
                    + nOut + "]");
        }
        try {
            builder.dense(weights, bias, activation);
        } catch (IllegalArgumentException e) {
            throw new ModelException(where + ": " + e.getMessage());
        }
    }

    private static INDArray array(ZipFile zip, JsonNode layer, String field, String where, DataType dataType)
            throws IOException, ModelException {
        String name = layer.path(field).asText("");
        if (name.isEmpty()) {
            throw new ModelException(where + " has no \"" + field + "\" entry name");
        }
        INDArray array;
        try {
            array = Npy.read(entry(zip, name));
        } catch (IOException e) {
            throw new ModelException(where + " " + field + " (" + name + "): " + e.getMessage());
        }
        if (array.dataType() != dataType) {
            throw new ModelException(where + " " + field + " (" + name + ") are " + ModelFile.dataTypeName(array.dataType())
                    + " but the model's data type is " + ModelFile.dataTypeName(dataType));
        }
        return array;
    }

    /** The bytes of entry {@code name}, checked against the CRC-32 the zip recorded for it. */
    private static byte[] entry(ZipFile zip, String name) throws IOException, ModelException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new ModelException("the zip has no " + name
                    + (ModelFile.MODEL_JSON.equals(name) ? " (not a scratchnet model)" : ""));
        }
        byte[] bytes;
        try (InputStream in = zip.getInputStream(entry)) {
            bytes = in.readAllBytes();
        } catch (ZipException | java.io.EOFException e) {
            throw new ModelException(name + " is damaged (" + e.getMessage() + ")", e);
        }
        CRC32 crc = new CRC32();
        crc.update(bytes);
        if (entry.getCrc() != -1 && crc.getValue() != entry.getCrc()) {
            throw new ModelException(name + " is damaged: its checksum does not match");
        }
        return bytes;
    }

    private static JsonNode parseJson(byte[] bytes) throws ModelException {
        try {
            return new ObjectMapper().readTree(bytes);
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
