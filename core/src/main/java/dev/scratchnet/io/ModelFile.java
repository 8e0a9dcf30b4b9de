package dev.scratchnet.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scratchnet.Layer;
import dev.scratchnet.Network;
import dev.scratchnet.Scaler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Writes a network as one zip file:
 * <pre>
 *   model.json      {"format": "scratchnet-model", "formatVersion": 1, "dataType": "float32",
 *                    "seed": 1, "layers": [{"type": "dense", "nIn": 64, "nOut": 15,
 *                    "activation": {"name": "relu"}, "initializer": "xavier",
 *                    "weights": "dense0.W.npy", "bias": "dense0.b.npy"}, …]}
 *   dense0.W.npy    W [nIn, nOut] of dense layer 1, '&lt;f4' (float32) or '&lt;f8' (float64)
 *   dense0.b.npy    b [1, nOut] of dense layer 1
 *   …
 * </pre>
 * Format version 2 adds, when the network has them, its preprocessing, its class names and the
 * dropout rate after a layer ({@code "dropout": 0.2} in that layer's entry):
 * <pre>
 *   model.json      …, "preprocessing": {"inputs": {"kind": "standardize",
 *                    "shift": "preprocessing.inputs.shift.npy", "scale": "preprocessing.inputs.scale.npy"},
 *                    "targets": {…}}, "classNames": ["setosa", …], "inputNames": ["sepal_length", …]
 *   preprocessing.inputs.shift.npy   [1, nIn]: x' = (x − shift) / scale, in the network's data type
 * </pre>
 * A network without either is written as version 1, which older versions of scratchnet read.
 * Format version 3 adds, for a network that encodes a table's rows ({@code Network.table()}), the
 * object {@code "table"} that {@link dev.scratchnet.runtime.TableColumns#toJson()} writes: each
 * feature column's kind, fill value, categories and missing indicator.
 * The zip is written through {@link AtomicFile}, so a crash leaves either the old file or the new
 * one, never half a model.
 * Entries carry a fixed timestamp, so one network always gives the same bytes.
 * {@link ModelReader} reads it back.
 */
public final class ModelFile {

    /** The name of the JSON entry. */
    public static final String MODEL_JSON = "model.json";
    /** The value of {@code "format"} that marks a scratchnet model. */
    public static final String FORMAT = "scratchnet-model";
    /**
     * The newest version this code writes and reads (2: preprocessing, class names and dropout; 3: a
     * table's columns, written only for a network that has them).
     */
    public static final int FORMAT_VERSION = 3;

    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2024, 1, 1, 0, 0);

    private ModelFile() {
    }

    /**
     * Saves {@code network} to {@code path}, replacing any file there; creates missing parent directories.
     *
     * @throws IOException           when the file cannot be written (the target is then left as it was)
     * @throws IllegalStateException when a layer's activation is not one a saved model can name
     */
    public static void save(Network network, Path path) throws IOException {
        save(network, path, UnaryOperator.identity());
    }

    /**
     * As {@link #save(Network, Path)}, with the file's stream passed through {@code through} first:
     * the seam tests use to make a write fail half-way.
     */
    static void save(Network network, Path path, UnaryOperator<OutputStream> through) throws IOException {
        write(contents(network), path, through);
    }

    /**
     * The file's entries, name by name, in memory: the only step that reads the network, so that a
     * caller who holds the training lock around it (as {@code Network.save} does) gets one state of
     * the weights, never a mix of two batches.
     */
    public static Map<String, byte[]> contents(Network network) throws IOException {
        ObjectNode json = describe(network);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(MODEL_JSON, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(json));
        for (int i = 0; i < network.numLayers(); i++) {
            Layer layer = network.layer(i);
            JsonNode entry = json.get("layers").get(i);
            entries.put(entry.get("weights").asText(), Npy.write(layer.weights()));
            entries.put(entry.get("bias").asText(), Npy.write(layer.bias()));
        }
        putScaler(entries, "inputs", network.scaler().orElse(null), network.dataType());
        putScaler(entries, "targets", network.targetScaler().orElse(null), network.dataType());
        return entries;
    }

    private static void putScaler(Map<String, byte[]> entries, String part, Scaler scaler, DataType dataType)
            throws IOException {
        if (scaler != null) {
            entries.put(scalerEntry(part, "shift"), Npy.write(Nd4j.createFromArray(new double[][] {scaler.shift()})
                    .castTo(dataType)));
            entries.put(scalerEntry(part, "scale"), Npy.write(Nd4j.createFromArray(new double[][] {scaler.scale()})
                    .castTo(dataType)));
        }
    }

    /** Writes {@code entries} (from {@link #contents}) as the model zip at {@code path}, atomically. */
    public static void write(Map<String, byte[]> entries, Path path) throws IOException {
        write(entries, path, UnaryOperator.identity());
    }

    private static void write(Map<String, byte[]> entries, Path path, UnaryOperator<OutputStream> through)
            throws IOException {
        AtomicFile.write(path, out -> {
            ZipOutputStream zip = new ZipOutputStream(through.apply(out));
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                put(zip, entry.getKey(), entry.getValue());
            }
            zip.close(); // also ends the deflater; closing the file again afterwards is harmless
        });
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(ENTRY_TIME);
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }

    /** The model.json tree for {@code network}. */
    static ObjectNode describe(Network network) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode json = mapper.createObjectNode();
        json.put("format", FORMAT);
        boolean version2 = network.scaler().isPresent() || network.targetScaler().isPresent()
                || !network.classNames().isEmpty() || !network.inputNames().isEmpty() || hasDropout(network);
        json.put("formatVersion", network.table().isPresent() ? 3 : version2 ? 2 : 1);
        json.put("dataType", dataTypeName(network.dataType()));
        json.put("seed", network.seed());
        ArrayNode layers = json.putArray("layers");
        for (int i = 0; i < network.numLayers(); i++) {
            Layer layer = network.layer(i);
            ObjectNode entry = layers.addObject();
            entry.put("type", "dense");
            entry.put("nIn", layer.nIn());
            entry.put("nOut", layer.nOut());
            entry.set("activation", Activations.toJson(layer.activation(), i, mapper));
            entry.put("initializer", layer.initializerName());
            entry.put("weights", "dense" + i + ".W.npy");
            entry.put("bias", "dense" + i + ".b.npy");
            if (network.dropoutRate(i) > 0) {
                entry.put("dropout", network.dropoutRate(i));
            }
        }
        if (network.scaler().isPresent() || network.targetScaler().isPresent()) {
            ObjectNode preprocessing = json.putObject("preprocessing");
            network.scaler().ifPresent(scaler -> preprocessing.set("inputs", scalerJson("inputs", scaler, mapper)));
            network.targetScaler().ifPresent(scaler -> preprocessing.set("targets", scalerJson("targets", scaler, mapper)));
        }
        if (!network.classNames().isEmpty()) {
            ArrayNode names = json.putArray("classNames");
            network.classNames().forEach(names::add);
        }
        if (!network.inputNames().isEmpty()) {
            ArrayNode names = json.putArray("inputNames");
            network.inputNames().forEach(names::add);
        }
        network.table().ifPresent(table -> json.set("table", TableSection.toJson(table)));
        return json;
    }

    private static boolean hasDropout(Network network) {
        for (int i = 0; i < network.numLayers(); i++) {
            if (network.dropoutRate(i) > 0) {
                return true;
            }
        }
        return false;
    }

    private static ObjectNode scalerJson(String part, Scaler scaler, ObjectMapper mapper) {
        ObjectNode json = mapper.createObjectNode();
        json.put("kind", scaler.kind());
        json.put("shift", scalerEntry(part, "shift"));
        json.put("scale", scalerEntry(part, "scale"));
        return json;
    }

    /** The entry name of a scaler's array, e.g. {@code preprocessing.inputs.shift.npy}. */
    static String scalerEntry(String part, String array) {
        return "preprocessing." + part + "." + array + ".npy";
    }

    /** {@code float32} or {@code float64}, the names numpy uses. */
    static String dataTypeName(DataType dataType) {
        return dataType == DataType.DOUBLE ? "float64" : "float32";
    }
}
