package dev.scratchnet.server;

import dev.scratchnet.runtime.Model;
import dev.scratchnet.runtime.TableColumns;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /model}: what a client needs to call the model, as JSON —
 * <pre>
 *   {"task": "classification", "dataType": "float32", "inputWidth": 64, "outputWidth": 10,
 *    "layers": [{"name": "dense0", "nIn": 64, "nOut": 32, "activation": "relu", "parameters": 2080}, …],
 *    "loss": null, "classes": ["0", …], "inputNames": [], "preprocessing": {"inputs": null, "targets": null},
 *    "columns": [], "image": {"side": 8},
 *    "limits": {"maxBodyBytes": 1048576, "maxRows": 1000, "maxPixels": 1048576}}
 * </pre>
 * {@code columns} lists the columns a row by name needs: for a table model each with its
 * {@code kind} ({@code number} or {@code text}), a text column's {@code categories}, the
 * {@code fill} of a missing cell and {@code missingIndicator}; for a model with input names only,
 * each as a number.
 * {@code loss} is null because model files do not record the loss a model was trained with;
 * {@code image} is null when the inputs are not a square picture, or name a table's columns
 * ({@code POST /predict-image} then refuses).
 */
final class ModelJson {

    private ModelJson() {
    }

    static Map<String, Object> of(Model model, Predictions predictions, ServerOptions options) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("task", predictions.classifies() ? "classification" : "regression");
        json.put("dataType", model.dataType());
        json.put("inputWidth", model.inputWidth());
        json.put("outputWidth", model.outputWidth());
        List<Map<String, Object>> layers = new ArrayList<>();
        List<Integer> widths = model.layerWidths();
        for (int k = 0; k < widths.size() - 1; k++) {
            Map<String, Object> layer = new LinkedHashMap<>();
            // identifiers count from 0, as summary() and the model file name them
            layer.put("name", "dense" + k);
            layer.put("nIn", widths.get(k));
            layer.put("nOut", widths.get(k + 1));
            layer.put("activation", model.activations().get(k));
            layer.put("parameters", (long) widths.get(k) * widths.get(k + 1) + widths.get(k + 1));
            layers.add(layer);
        }
        json.put("layers", layers);
        json.put("loss", null);
        json.put("classes", predictions.classes());
        json.put("inputNames", model.inputNames());
        Map<String, Object> preprocessing = new LinkedHashMap<>();
        preprocessing.put("inputs", model.inputScaling().orElse(null));
        preprocessing.put("targets", model.targetScaling().orElse(null));
        json.put("preprocessing", preprocessing);
        json.put("columns", model.table().map(ModelJson::columns).orElseGet(() -> model.inputNames().stream()
                .map(name -> (Map<String, Object>) new LinkedHashMap<String, Object>(Map.of("name", name, "kind",
                        "number"))).toList()));
        int side = Endpoints.pictureSide(model);
        json.put("image", side > 0 ? Map.of("side", side) : null);
        Map<String, Object> limits = new LinkedHashMap<>();
        limits.put("maxBodyBytes", options.maxBodyBytes());
        limits.put("maxRows", options.maxRows());
        limits.put("maxPixels", options.maxPixels());
        json.put("limits", limits);
        return json;
    }

    /** A table model's columns: name, kind, categories for text, the fill value and the missing indicator. */
    private static List<Map<String, Object>> columns(TableColumns table) {
        List<Map<String, Object>> columns = new ArrayList<>();
        for (TableColumns.Column column : table.columns()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("name", column.name());
            json.put("kind", column.text() ? "text" : "number");
            if (column.text()) {
                json.put("categories", column.categories());
            }
            json.put("fill", column.text() ? column.fillText() : column.fill());
            json.put("missingIndicator", column.indicator());
            columns.add(json);
        }
        return columns;
    }
}
