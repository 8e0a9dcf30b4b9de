package dev.scratchnet.server;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import dev.scratchnet.runtime.Model;
import dev.scratchnet.runtime.TableNotes;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the body of {@code POST /predict}, {@code {"rows": [[x0, x1, …], …]}}, into float rows for
 * the model, refusing anything else with a {@link RequestError} that says where the body went wrong:
 * not JSON, not an object, other fields, no rows or more than the limit, a row of the wrong width, a
 * value that is not a number, NaN, infinite or beyond float32's range.
 */
final class RowsRequest {

    /** What the body should look like, for messages. */
    static final String SHAPE = "{\"rows\": [[x0, x1, …], …]} (or rows by column name: [{\"name\": value, …}, …])";

    /** Reads NaN and Infinity tokens too, so that they are refused by name rather than as bad JSON. */
    private static final ObjectReader READER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build().reader();

    private RowsRequest() {
    }

    /** The rows in {@code body}, each {@code width} finite float32 values, at most {@code maxRows} of them. */
    static float[][] read(byte[] body, int width, int maxRows) {
        return read(body, width, maxRows, null, TableNotes.NONE);
    }

    /**
     * As {@link #read(byte[], int, int)}, where a row may also be an object by column name
     * ({@code {"island": "Biscoe", "bill_length_mm": 41.2}}) when {@code model} names its columns:
     * such a row is encoded as the model says (text one-hot, null or a missing token filled in),
     * with notes to {@code notes}.
     */
    static float[][] read(byte[] body, int width, int maxRows, Model model, TableNotes notes) {
        JsonNode json = parse(body);
        if (!json.isObject()) {
            throw new RequestError(400, "expected a JSON object " + SHAPE + ", was " + kind(json));
        }
        for (Iterator<String> fields = json.fieldNames(); fields.hasNext(); ) {
            String field = fields.next();
            if (!field.equals("rows")) {
                throw new RequestError(400, "unknown field \"" + field + "\"; expected only \"rows\": " + SHAPE);
            }
        }
        JsonNode rows = json.get("rows");
        if (rows == null || !rows.isArray()) {
            throw new RequestError(400, "expected \"rows\", an array of rows: " + SHAPE + ", was "
                    + (rows == null ? "no \"rows\" field" : kind(rows)));
        }
        if (rows.isEmpty()) {
            throw new RequestError(400, "\"rows\" is empty; expected 1 to " + maxRows + " rows of " + width + " numbers");
        }
        if (rows.size() > maxRows) {
            throw new RequestError(413, "\"rows\" holds " + rows.size() + " rows; at most " + maxRows
                    + " are taken per request (send several requests, or start the server with a higher --max-rows)");
        }
        float[][] values = new float[rows.size()][];
        for (int r = 0; r < values.length; r++) {
            boolean byName = model != null && rows.get(r).isObject()
                    && (model.table().isPresent() || !model.inputNames().isEmpty());
            values[r] = byName ? named(rows.get(r), r, model, notes) : row(rows.get(r), r, width);
        }
        return values;
    }

    private static float[] named(JsonNode row, int r, Model model, TableNotes notes) {
        Map<String, Object> cells = new LinkedHashMap<>();
        java.util.List<String> used = model.table().map(table -> table.names()).orElse(model.inputNames());
        for (Iterator<Map.Entry<String, JsonNode>> fields = row.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!used.contains(field.getKey())) {
                continue; // a column the model does not take, such as the target: ignored, as predict --csv does
            }
            JsonNode value = field.getValue();
            if (!value.isNumber() && !value.isTextual() && !value.isNull()) {
                throw new RequestError(400, "rows[" + r + "][\"" + field.getKey() + "\"] is " + kind(value)
                        + "; expected a number, a text or null");
            }
            if (value.isNumber() && !Double.isFinite(value.doubleValue())) {
                throw new RequestError(400, "rows[" + r + "][\"" + field.getKey() + "\"] is " + value.asText()
                        + "; the model predicts from finite numbers only");
            }
            cells.put(field.getKey(), value.isNull() ? null : value.isNumber() ? (Object) value.doubleValue()
                    : value.asText());
        }
        try {
            return model.encode(cells, notes);
        } catch (IllegalArgumentException e) {
            throw new RequestError(400, "rows[" + r + "]: " + e.getMessage());
        }
    }

    private static float[] row(JsonNode row, int r, int width) {
        if (!row.isArray()) {
            throw new RequestError(400, "rows[" + r + "] must be an array of " + width + " numbers, was " + kind(row));
        }
        if (row.size() != width) {
            throw new RequestError(400, "rows[" + r + "] has " + row.size() + (row.size() == 1 ? " value" : " values")
                    + " but the model expects " + width);
        }
        float[] values = new float[width];
        for (int c = 0; c < width; c++) {
            JsonNode value = row.get(c);
            String where = "rows[" + r + "][" + c + "]";
            if (!value.isNumber()) {
                throw new RequestError(400, where + " is " + kind(value) + "; expected a number");
            }
            double number = value.doubleValue();
            if (Double.isNaN(number) || Double.isInfinite(number)) {
                throw new RequestError(400, where + " is " + value.asText() + "; the model predicts from finite numbers only");
            }
            values[c] = (float) number;
            if (Float.isInfinite(values[c])) {
                throw new RequestError(400, where + " is " + value.asText() + ", beyond float32's range (±"
                        + Float.MAX_VALUE + ")");
            }
        }
        return values;
    }

    private static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            throw new RequestError(400, "the body is empty; expected JSON: " + SHAPE);
        }
        try {
            JsonNode json = READER.readTree(body);
            if (json == null || json.isMissingNode()) {
                throw new RequestError(400, "the body holds no JSON value; expected " + SHAPE);
            }
            return json;
        } catch (JsonParseException e) {
            throw new RequestError(400, "the body is not JSON (" + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + "); expected " + SHAPE);
        } catch (JsonProcessingException e) {
            throw new RequestError(400, "the body is not JSON (" + e.getOriginalMessage() + "); expected " + SHAPE);
        } catch (IOException e) {
            throw new RequestError(400, "the body cannot be read as JSON (" + e.getMessage() + "); expected " + SHAPE);
        }
    }

    /** How a value reads in a message: {@code a string "abc"}, {@code an object}, {@code null}. */
    static String kind(JsonNode value) {
        if (value.isTextual()) {
            String text = value.asText();
            return "the string \"" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "\"";
        }
        if (value.isObject()) {
            return "an object";
        }
        if (value.isArray()) {
            return "an array";
        }
        if (value.isBoolean()) {
            return value.asText();
        }
        if (value.isNull()) {
            return "null";
        }
        return value.isNumber() ? "the number " + value.asText() : value.getNodeType().toString().toLowerCase();
    }
}
