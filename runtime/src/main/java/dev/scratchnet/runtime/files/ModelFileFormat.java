package dev.scratchnet.runtime.files;

import java.util.List;

/**
 * The model file's names and versions, in one place for the writer and the reader:
 * <pre>
 *   model.json      {"format": "scratchnet-model", "formatVersion": 1, "dataType": "float32",
 *                    "seed": 1, "layers": [{"type": "dense", "nIn": 64, "nOut": 15,
 *                    "activation": {"name": "relu"}, "initializer": "xavier",
 *                    "weights": "dense0.W.npy", "bias": "dense0.b.npy"}, …]}
 *   dense0.W.npy    W [nIn, nOut] of dense layer 1, '&lt;f4' (float32) or '&lt;f8' (float64)
 *   dense0.b.npy    b [1, nOut] of dense layer 1
 *   …
 * </pre>
 * Version 2 adds, when the model has them, its preprocessing, its class names and the dropout rate
 * after a layer ({@code "dropout": 0.2} in that layer's entry):
 * <pre>
 *   model.json      …, "preprocessing": {"inputs": {"kind": "standardize",
 *                    "shift": "preprocessing.inputs.shift.npy", "scale": "preprocessing.inputs.scale.npy"},
 *                    "targets": {…}}, "classNames": ["setosa", …], "inputNames": ["sepal_length", …]
 *   preprocessing.inputs.shift.npy   [1, nIn]: x' = (x − shift) / scale, in the model's data type
 * </pre>
 * Version 3 adds, for a model that encodes a table's rows ({@link SavedModel#table()}), the object
 * {@code "table"} that {@link dev.scratchnet.runtime.TableColumns#toJson()} writes: each feature
 * column's kind, fill value, categories and missing indicator.
 * <p>
 * A file is written in the oldest version that holds what the model has ({@link #versionFor}), so
 * that older readers read what they can. A new version adds its section to {@link SavedModel}, to
 * {@link ModelFileWriter} and {@link ModelFileReader}, raises {@link #FORMAT_VERSION} and says
 * here, and in {@link #versionFor}, when a model needs it.
 */
public final class ModelFileFormat {

    /** The name of the JSON entry. */
    public static final String MODEL_JSON = "model.json";
    /** The value of {@code "format"} that marks a scratchnet model. */
    public static final String FORMAT = "scratchnet-model";
    /**
     * The newest version this code writes and reads (2: preprocessing, class names and dropout; 3: a
     * table's columns, written only for a model that has them).
     */
    public static final int FORMAT_VERSION = 3;
    /** The system property that raises the model.json limit. */
    public static final String MAX_JSON_BYTES_PROPERTY = "scratchnet.model.maxJsonBytes";
    /** The parts of the preprocessing, in file order. */
    public static final List<String> SCALER_PARTS = List.of("inputs", "targets");

    private static final int DEFAULT_MAX_JSON_BYTES = 1024 * 1024;

    private ModelFileFormat() {
    }

    /** The oldest version that holds everything {@code model} has. */
    public static int versionFor(SavedModel model) {
        boolean version2 = model.inputs() != null || model.targets() != null || !model.classNames().isEmpty()
                || !model.inputNames().isEmpty() || model.layers().stream().anyMatch(layer -> layer.dropout() > 0);
        if (model.table() != null) {
            return 3;
        }
        return version2 ? 2 : 1;
    }

    /** The entry of layer {@code index}'s weights ({@code array} "W") or bias ("b"), e.g. {@code dense0.W.npy}. */
    public static String layerEntry(int index, String array) {
        return "dense" + index + "." + array + ".npy";
    }

    /** The entry of a scaler's array, e.g. {@code preprocessing.inputs.shift.npy}. */
    public static String scalerEntry(String part, String array) {
        return "preprocessing." + part + "." + array + ".npy";
    }

    /** {@code float32} or {@code float64}, the names numpy uses. */
    public static String dataTypeName(boolean isDouble) {
        return isDouble ? "float64" : "float32";
    }

    /**
     * The largest model.json read, in bytes: 1 MiB (thousands of layers), or the positive whole
     * number in {@value #MAX_JSON_BYTES_PROPERTY}, read at each call.
     *
     * @throws IllegalArgumentException when the property is set to something else
     */
    public static int maxJsonBytes() {
        return PositiveProperty.read(MAX_JSON_BYTES_PROPERTY, DEFAULT_MAX_JSON_BYTES);
    }
}
