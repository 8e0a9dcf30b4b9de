package dev.scratchnet.runtime.files;

import dev.scratchnet.runtime.TableColumns;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a {@link SavedModel} as the entries of a model file ({@link ModelFileFormat} has the
 * layout) and entries as a zip. Entries carry a fixed timestamp, so one model always gives the same
 * bytes; the core writes the zip through a temporary file it renames, so a crash never leaves half
 * a model.
 */
public final class ModelFileWriter {

    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2024, 1, 1, 0, 0);

    private ModelFileWriter() {
    }

    /** The file's entries, name by name, in zip order: model.json, each layer's W and b, the scalers' arrays. */
    public static Map<String, byte[]> entries(SavedModel model) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(ModelFileFormat.MODEL_JSON, JsonWriter.pretty(describe(model)).getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < model.layers().size(); i++) {
            SavedModel.Layer layer = model.layers().get(i);
            entries.put(ModelFileFormat.layerEntry(i, "W"), Npy.write(layer.weights()));
            entries.put(ModelFileFormat.layerEntry(i, "b"), Npy.write(layer.bias()));
        }
        putScaler(entries, "inputs", model.inputs());
        putScaler(entries, "targets", model.targets());
        return entries;
    }

    private static void putScaler(Map<String, byte[]> entries, String part, SavedModel.Scaler scaler) {
        if (scaler != null) {
            entries.put(ModelFileFormat.scalerEntry(part, "shift"), Npy.write(scaler.shift()));
            entries.put(ModelFileFormat.scalerEntry(part, "scale"), Npy.write(scaler.scale()));
        }
    }

    /** Writes {@code entries} as a zip to {@code out} and closes it. */
    public static void writeZip(Map<String, byte[]> entries, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
            ZipEntry zipEntry = new ZipEntry(entry.getKey());
            zipEntry.setTimeLocal(ENTRY_TIME);
            zip.putNextEntry(zipEntry);
            zip.write(entry.getValue());
            zip.closeEntry();
        }
        zip.close(); // also ends the deflater; closing the file again afterwards is harmless
    }

    /** The model.json tree, its fields in file order. */
    static Map<String, Object> describe(SavedModel model) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("format", ModelFileFormat.FORMAT);
        json.put("formatVersion", ModelFileFormat.versionFor(model));
        json.put("dataType", model.dataType());
        json.put("seed", model.seed());
        List<Object> layers = new ArrayList<>();
        for (int i = 0; i < model.layers().size(); i++) {
            SavedModel.Layer layer = model.layers().get(i);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("type", "dense");
            entry.put("nIn", layer.nIn());
            entry.put("nOut", layer.nOut());
            Map<String, Object> activation = new LinkedHashMap<>();
            activation.put("name", layer.activation().name());
            if (layer.activation().parameter() != null) {
                activation.put(layer.activation().parameter(), layer.activation().value());
            }
            entry.put("activation", activation);
            entry.put("initializer", layer.initializer());
            entry.put("weights", ModelFileFormat.layerEntry(i, "W"));
            entry.put("bias", ModelFileFormat.layerEntry(i, "b"));
            if (layer.dropout() > 0) {
                entry.put("dropout", layer.dropout());
            }
            layers.add(entry);
        }
        json.put("layers", layers);
        if (model.inputs() != null || model.targets() != null) {
            Map<String, Object> preprocessing = new LinkedHashMap<>();
            putScalerJson(preprocessing, "inputs", model.inputs());
            putScalerJson(preprocessing, "targets", model.targets());
            json.put("preprocessing", preprocessing);
        }
        if (!model.classNames().isEmpty()) {
            json.put("classNames", model.classNames());
        }
        if (!model.inputNames().isEmpty()) {
            json.put("inputNames", model.inputNames());
        }
        if (model.table() != null) {
            json.put("table", tableJson(model.table()));
        }
        return json;
    }

    /** The table's object as {@link TableColumns#toJson()} writes it: one serialisation of the columns. */
    private static Object tableJson(TableColumns table) {
        try {
            return Json.parse(table.toJson());
        } catch (IOException e) {
            throw new IllegalStateException("the table's columns gave JSON that cannot be read back: " + e.getMessage(),
                    e);
        }
    }

    private static void putScalerJson(Map<String, Object> preprocessing, String part, SavedModel.Scaler scaler) {
        if (scaler != null) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("kind", scaler.kind());
            json.put("shift", ModelFileFormat.scalerEntry(part, "shift"));
            json.put("scale", ModelFileFormat.scalerEntry(part, "scale"));
            preprocessing.put(part, json);
        }
    }
}
