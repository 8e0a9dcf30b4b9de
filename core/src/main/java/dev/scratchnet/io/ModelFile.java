package dev.scratchnet.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scratchnet.Layer;
import dev.scratchnet.Network;
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

/**
 * Writes a network as one zip file:
 * <pre>
 *   model.json      {"format": "scratchnet-model", "formatVersion": 1, "dataType": "float32",
 *                    "seed": 1, "layers": [{"type": "dense", "nIn": 64, "nOut": 15,
 *                    "activation": {"name": "relu"}, "initializer": "xavier",
 *                    "weights": "dense0.W.npy", "bias": "dense0.b.npy"}, …]}
 *   dense0.W.npy    W [nIn, nOut] of layer 0, '&lt;f4' (float32) or '&lt;f8' (float64)
 *   dense0.b.npy    b [1, nOut] of layer 0
 *   …
 * </pre>
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
    /** The version this code writes, and the newest it reads. */
    public static final int FORMAT_VERSION = 1;

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
        return entries;
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
        json.put("formatVersion", FORMAT_VERSION);
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
        }
        return json;
    }

    /** {@code float32} or {@code float64}, the names numpy uses. */
    static String dataTypeName(DataType dataType) {
        return dataType == DataType.DOUBLE ? "float64" : "float32";
    }
}
