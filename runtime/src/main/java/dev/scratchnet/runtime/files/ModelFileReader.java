package dev.scratchnet.runtime.files;

import dev.scratchnet.kernels.ActivationFacts;
import dev.scratchnet.runtime.TableColumns;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipException;

/**
 * Reads a model file ({@link ModelFileFormat} has the layout) into a {@link SavedModel}: the one
 * reader behind the core's {@code Network.load}, the runtime's {@code Model.load} and so
 * {@code serve}, so that all three accept the same files and refuse the others in the same words.
 * Everything is read and checked before anything is returned: a missing, empty, truncated, foreign,
 * corrupt or newer-format file, or one whose parts do not make a network ({@link ModelRules}), fails
 * with an {@link IOException} that names the file and the problem.
 * <p>
 * A file means one model: an entry named twice, an entry no part uses, a duplicate key in
 * model.json or a layer size beyond {@code int} is refused, naming it. Nothing is read beyond what
 * the format implies ({@link BoundedZip}): model.json up to {@link ModelFileFormat#maxJsonBytes()},
 * each array's header, then exactly the bytes of the shape model.json declares for it, after a
 * {@link Npy.MemoryCheck}; whatever an entry would inflate to beyond that is never read.
 */
public final class ModelFileReader {

    private ModelFileReader() {
    }

    /**
     * Reads the model file at {@code path}, asking {@code memory} before each array's data is read.
     *
     * @throws java.nio.file.NoSuchFileException when there is no file at {@code path}
     * @throws IOException                       {@code cannot load model PATH: PROBLEM} otherwise
     */
    public static SavedModel read(Path path, Npy.MemoryCheck memory) throws IOException {
        try {
            return read(path, new Reading(memory));
        } catch (FileProblem e) {
            throw new IOException("cannot load model " + path + ": " + e.getMessage(), e.getCause());
        }
    }

    private static SavedModel read(Path path, Reading reading) throws IOException, FileProblem {
        try (BoundedZip zip = BoundedZip.open(path, "a saved model is a zip holding model.json")) {
            reading.zip = zip;
            return reading.model();
        } catch (ZipException | java.io.EOFException e) {
            throw new FileProblem("the zip is damaged or truncated (" + e.getMessage() + ")", e);
        }
    }

    /** One reading of one file: the zip and the memory check its arrays are read with. */
    private static final class Reading {

        private final Npy.MemoryCheck memory;
        private BoundedZip zip;
        private boolean isDouble;

        Reading(Npy.MemoryCheck memory) {
            this.memory = memory;
        }

        SavedModel model() throws IOException, FileProblem {
            Object root = parse(zip.bytes(ModelFileFormat.MODEL_JSON, ModelFileFormat.maxJsonBytes(),
                    ModelFileFormat.MAX_JSON_BYTES_PROPERTY));
            Map<String, Object> json = header(root);
            if (!(json.get("layers") instanceof List<?> layers) || layers.isEmpty()) {
                throw new FileProblem("model.json needs a non-empty \"layers\" array, found "
                        + JsonWriter.compact(json.get("layers")));
            }
            requireOnlyUsedEntries(layers, json.get("preprocessing"));
            long seed = integer(json, "seed", "model.json");
            List<SavedModel.Layer> dense = new ArrayList<>();
            for (int i = 0; i < layers.size(); i++) {
                dense.add(layer(layers.get(i), i));
            }
            SavedModel.Scaler inputs = null;
            SavedModel.Scaler targets = null;
            if (json.containsKey("preprocessing")) {
                if (!(json.get("preprocessing") instanceof Map<?, ?> preprocessing)) {
                    throw new FileProblem("model.json \"preprocessing\" must be an object, was "
                            + JsonWriter.compact(json.get("preprocessing")));
                }
                inputs = scaler(preprocessing, "inputs", dense.get(0).nIn());
                targets = scaler(preprocessing, "targets", dense.get(dense.size() - 1).nOut());
            }
            SavedModel model = new SavedModel(isDouble, seed, dense, inputs, targets, strings(json, "classNames"),
                    strings(json, "inputNames"), table(json));
            try {
                requireNetwork(model);
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new FileProblem("the layers do not make a network: " + e.getMessage());
            }
            return model;
        }

        /** The header's checks: a scratchnet model, a version this code reads, a data type. */
        private Map<String, Object> header(Object root) throws FileProblem {
            if (!(root instanceof Map<?, ?>) || !ModelFileFormat.FORMAT.equals(((Map<?, ?>) root).get("format"))) {
                throw new FileProblem("model.json is not a scratchnet model (expected \"format\": \""
                        + ModelFileFormat.FORMAT + "\")");
            }
            Map<String, Object> json = object(root);
            Object version = json.get("formatVersion");
            if (!(version instanceof Long number) || number < 1 || number > Integer.MAX_VALUE) {
                throw new FileProblem("model.json has no valid \"formatVersion\" (a positive integer), found "
                        + JsonWriter.compact(version));
            }
            if (number > ModelFileFormat.FORMAT_VERSION) {
                throw new FileProblem("format version " + number + " was written by a newer scratchnet; "
                        + "this version reads format version " + ModelFileFormat.FORMAT_VERSION + " and older");
            }
            String dataType = text(json.get("dataType"), "");
            isDouble = switch (dataType) {
                case "float32" -> false;
                case "float64" -> true;
                default -> throw new FileProblem("model.json \"dataType\" must be \"float32\" or \"float64\", was \""
                        + dataType + "\"");
            };
            return json;
        }

        private SavedModel.Layer layer(Object json, int index) throws IOException, FileProblem {
            // people count layers from 1: "dense layer 1" is the file's dense0
            String where = "dense layer " + (index + 1);
            if (!(json instanceof Map<?, ?>) || !"dense".equals(object(json).get("type"))) {
                throw new FileProblem(where + " must be an object with \"type\": \"dense\", was "
                        + JsonWriter.compact(json));
            }
            Map<String, Object> layer = object(json);
            int nIn = size(layer, "nIn", where);
            int nOut = size(layer, "nOut", where);
            SavedModel.Activation activation = activation(layer.get("activation"), where);
            NpyArray weights = array(layer, "weights", where, shape -> {
                if (!Arrays.equals(shape, new long[] {nIn, nOut})) {
                    throw new FileProblem(where + " weights have shape " + Arrays.toString(shape)
                            + " but model.json says [" + nIn + ", " + nOut + "]");
                }
            });
            NpyArray bias = array(layer, "bias", where, shape -> {
                if (!Arrays.equals(shape, new long[] {1, nOut}) && !Arrays.equals(shape, new long[] {nOut})) {
                    throw new FileProblem(where + " bias has shape " + Arrays.toString(shape)
                            + " but model.json says [1, " + nOut + "]");
                }
            });
            requireFinite(where, "weights", weights, nOut);
            requireFinite(where, "bias", bias, nOut);
            double dropout = 0;
            if (layer.containsKey("dropout")) {
                if (!(layer.get("dropout") instanceof Number rate)) {
                    throw new FileProblem(where + " \"dropout\" must be a number in (0, 1), was "
                            + JsonWriter.compact(layer.get("dropout")));
                }
                dropout = rate.doubleValue();
                try {
                    ModelRules.requireDropoutRate(dropout);
                } catch (IllegalArgumentException e) {
                    throw new FileProblem(where + ": " + e.getMessage());
                }
            }
            return new SavedModel.Layer(activation, text(layer.get("initializer"), null), weights, bias, dropout);
        }

        /** The activation in {@code json}: a name {@link ActivationFacts} knows, and its parameter if it takes one. */
        private static SavedModel.Activation activation(Object json, String where) throws FileProblem {
            if (!(json instanceof Map<?, ?> map) || !(map.get("name") instanceof String name)) {
                throw new FileProblem(where + " activation must be an object with a \"name\", was "
                        + JsonWriter.compact(json));
            }
            ActivationFacts.Entry entry = ActivationFacts.named(name).orElse(null);
            if (entry == null) {
                List<String> constants = ActivationFacts.ALL.stream().filter(e -> e.parameter() == null)
                        .map(ActivationFacts.Entry::name).toList();
                throw new FileProblem(where + " has unknown activation \"" + name + "\"; expected one of " + constants
                        + " or " + String.join(" or ", ActivationFacts.ALL.stream().filter(e -> e.parameter() != null)
                        .map(ActivationFacts.Entry::name).toList()));
            }
            if (entry.parameter() == null) {
                return new SavedModel.Activation(name, null, 0);
            }
            Object value = map.get(entry.parameter());
            if (!(value instanceof Number number) || !(number.doubleValue() >= 0)
                    || Double.isInfinite(number.doubleValue())) {
                throw new FileProblem(where + " activation " + name + " needs a finite \"" + entry.parameter()
                        + "\" >= 0, was " + (value == null ? "null" : JsonWriter.compact(value)));
            }
            return new SavedModel.Activation(name, entry.parameter(), number.doubleValue());
        }

        /** Every value finite, as the builder requires: the first that is not is named by row and column. */
        private static void requireFinite(String where, String field, NpyArray array, int columns) throws FileProblem {
            for (int i = 0; i < array.length(); i++) {
                double value = array.get(i);
                if (!Double.isFinite(value)) {
                    throw new FileProblem(where + ": " + where + " " + field + " row " + i / columns + " column "
                            + i % columns + " contains " + value + "; all values must be finite");
                }
            }
        }

        /** One scaler of the preprocessing ({@code part}: inputs or targets), or null when model.json has none. */
        private SavedModel.Scaler scaler(Map<?, ?> preprocessing, String part, int width)
                throws IOException, FileProblem {
            if (!preprocessing.containsKey(part)) {
                return null;
            }
            Object json = preprocessing.get(part);
            String where = "preprocessing " + part;
            if (!(json instanceof Map<?, ?> map) || !(map.get("kind") instanceof String kind)) {
                throw new FileProblem(where + " must be an object with a \"kind\", was " + JsonWriter.compact(json));
            }
            ShapeCheck row = shape -> {
                if (!Arrays.equals(shape, new long[] {1, width})) {
                    throw new FileProblem(where + " arrays have shape " + Arrays.toString(shape) + " but the network's "
                            + part + " are " + width + " wide: expected [1, " + width + "]");
                }
            };
            NpyArray shift = array(object(map), "shift", where, row);
            NpyArray scale = array(object(map), "scale", where, row);
            try {
                ModelRules.requireScaler(kind, shift.toDoubles(), scale.toDoubles());
            } catch (IllegalArgumentException e) {
                throw new FileProblem(where + ": " + e.getMessage());
            }
            return new SavedModel.Scaler(kind, shift, scale);
        }

        /**
         * The array in the entry that {@code json}'s {@code field} names, in the model's data type: its
         * header's shape is handed to {@code expectedShape} before a single data byte is read.
         */
        private NpyArray array(Map<String, Object> json, String field, String where, ShapeCheck expectedShape)
                throws IOException, FileProblem {
            String name = text(json.get(field), "");
            if (name.isEmpty()) {
                throw new FileProblem(where + " has no \"" + field + "\" entry name");
            }
            return zip.array(name, where + " " + field, header -> {
                if (header.isDouble() != isDouble) {
                    throw new FileProblem(where + " " + field + " (" + name + ") are "
                            + ModelFileFormat.dataTypeName(header.isDouble()) + " but the model's data type is "
                            + ModelFileFormat.dataTypeName(isDouble));
                }
                expectedShape.check(header.shape());
            }, memory);
        }

        /** Fails when the zip holds an entry that is neither model.json nor an array a layer or a scaler names. */
        private void requireOnlyUsedEntries(List<?> layers, Object preprocessing) throws FileProblem {
            Set<String> used = new LinkedHashSet<>();
            used.add(ModelFileFormat.MODEL_JSON);
            for (Object layer : layers) {
                used.add(text(field(layer, "weights"), ""));
                used.add(text(field(layer, "bias"), ""));
            }
            for (String part : ModelFileFormat.SCALER_PARTS) {
                used.add(text(field(field(preprocessing, part), "shift"), ""));
                used.add(text(field(field(preprocessing, part), "scale"), ""));
            }
            used.remove(""); // what a missing name reads as: no entry is named so
            for (String name : zip.names()) {
                if (!used.contains(name)) {
                    throw new FileProblem("the zip holds entry \"" + name + "\", which no part of the model uses; "
                            + "a model file holds model.json and the arrays its layers and scalers name, nothing else");
                }
            }
        }

        /** Format 3's table encoding, or null when model.json has no {@code "table"}. */
        private static TableColumns table(Map<String, Object> json) throws FileProblem {
            if (!json.containsKey("table")) {
                return null;
            }
            try {
                return TableColumns.fromJson(json.get("table"));
            } catch (IOException e) {
                throw new FileProblem(e.getMessage());
            }
        }

        /** The strings of array {@code field} in model.json, or an empty list when it has none. */
        private static List<String> strings(Map<String, Object> json, String field) throws FileProblem {
            if (!json.containsKey(field)) {
                return List.of();
            }
            if (!(json.get(field) instanceof List<?> array)) {
                throw new FileProblem("model.json \"" + field + "\" must be an array of strings, was "
                        + JsonWriter.compact(json.get(field)));
            }
            List<String> names = new ArrayList<>();
            for (Object name : array) {
                if (!(name instanceof String text)) {
                    throw new FileProblem("model.json \"" + field + "\" must hold strings, found "
                            + JsonWriter.compact(name));
                }
                names.add(text);
            }
            return names;
        }
    }

    /**
     * What a network built from {@code model} would check once it has every part: the layers chain,
     * the names fit the widths, no dropout after the output layer.
     */
    private static void requireNetwork(SavedModel model) {
        List<SavedModel.Layer> layers = model.layers();
        for (int i = 1; i < layers.size(); i++) {
            if (layers.get(i).nIn() != layers.get(i - 1).nOut()) {
                throw new IllegalArgumentException("dense layer " + (i + 1) + " expects nIn = " + layers.get(i).nIn()
                        + " but layer " + i + " has nOut = " + layers.get(i - 1).nOut());
            }
        }
        ModelRules.requireNames(layers.get(0).nIn(), layers.get(layers.size() - 1).nOut(), model.inputNames(),
                model.classNames());
        if (model.table() != null) {
            ModelRules.requireTableWidth(layers.get(0).nIn(), model.table().width());
        }
        ModelRules.requireNoDropoutAtOutput(layers.get(layers.size() - 1).dropout(), layers.size());
    }

    /** A check of an array's shape, made from its header before its data is read. */
    @FunctionalInterface
    private interface ShapeCheck {
        void check(long[] shape) throws FileProblem;
    }

    private static Object parse(byte[] bytes) throws FileProblem {
        try {
            return Json.parse(new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new FileProblem("model.json is not valid JSON (" + e.getMessage() + ")");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value) {
        return (Map<String, Object>) value;
    }

    /** Field {@code name} of {@code json} when it is an object, else null. */
    private static Object field(Object json, String name) {
        return json instanceof Map<?, ?> map ? map.get(name) : null;
    }

    /**
     * A scalar as text: a string as it is, a number or a boolean as JSON writes it; {@code absent}
     * for a missing value or null, and "" for an object or an array.
     */
    private static String text(Object value, String absent) {
        if (value == null) {
            return absent;
        }
        return value instanceof Map<?, ?> || value instanceof List<?> ? "" : value.toString();
    }

    private static long integer(Map<String, Object> json, String field, String where) throws FileProblem {
        if (!(json.get(field) instanceof Long value)) {
            throw new FileProblem(where + " needs an integer \"" + field + "\", found " + JsonWriter.compact(json.get(field)));
        }
        return value;
    }

    /** The layer size in {@code field}: a whole number in {@code [1, Integer.MAX_VALUE]}. */
    private static int size(Map<String, Object> json, String field, String where) throws FileProblem {
        long value = integer(json, field, where);
        if (value < 1 || value > Integer.MAX_VALUE) {
            throw new FileProblem(where + " \"" + field + "\" is " + value + "; a layer size must be in [1, "
                    + Integer.MAX_VALUE + "]");
        }
        return (int) value;
    }
}
