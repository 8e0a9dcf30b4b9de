package dev.scratchnet.runtime.files;

import java.util.List;
import java.util.Map;

/**
 * Writes the values {@link Json} reads ({@code Map}, {@code List}, {@code String}, whole numbers,
 * {@code Double}, {@code Boolean}, null) as JSON text, in two layouts that match Jackson's byte for
 * byte, so that model files keep the bytes earlier versions (which wrote them with Jackson) gave:
 * <ul>
 *   <li>{@link #pretty}: Jackson's default pretty printer, as model.json is written: an object's
 *       fields one per line, indented two spaces per enclosing object, {@code "key" : value};
 *       arrays on the line they open, {@code [ 1, 2 ]}, {@code [ ]} when empty;</li>
 *   <li>{@link #compact}: {@code {"key":value}}, as messages quote a value that was refused.</li>
 * </ul>
 * Numbers: whole numbers as digits, others as {@link Double#toString(double)} ({@code 1.0E-4}).
 * Strings: quotes and backslashes escaped, control characters as {@code \n}, {@code \t}, … or
 * as a four-digit hex escape in upper case, as are the halves of a surrogate pair (an emoji) in
 * {@link #pretty}; everything else as it is (the text is then encoded in UTF-8).
 */
public final class JsonWriter {

    private static final String HEX = "0123456789ABCDEF";

    private final StringBuilder out = new StringBuilder();
    private final boolean pretty;

    private JsonWriter(boolean pretty) {
        this.pretty = pretty;
    }

    /** {@code value} laid out as Jackson's default pretty printer lays it out. */
    public static String pretty(Object value) {
        JsonWriter writer = new JsonWriter(true);
        writer.value(value, 0);
        return writer.out.toString();
    }

    /** {@code value} on one line without spaces, as Jackson's {@code JsonNode.toString()} writes it. */
    public static String compact(Object value) {
        JsonWriter writer = new JsonWriter(false);
        writer.value(value, 0);
        return writer.out.toString();
    }

    /** {@code depth}: the number of objects around the value, which sets the indentation. */
    private void value(Object value, int depth) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Map<?, ?> map) {
            object(map, depth);
        } else if (value instanceof List<?> list) {
            array(list, depth);
        } else if (value instanceof String text) {
            string(text);
        } else if (value instanceof Double number) {
            out.append(Double.toString(number));
        } else if (value instanceof Long || value instanceof Integer || value instanceof Boolean) {
            out.append(value);
        } else {
            throw new IllegalArgumentException("JSON has no value of type " + value.getClass().getName());
        }
    }

    private void object(Map<?, ?> map, int depth) {
        out.append('{');
        if (map.isEmpty()) {
            out.append(pretty ? " }" : "}");
            return;
        }
        boolean first = true;
        for (Map.Entry<?, ?> field : map.entrySet()) {
            out.append(first ? "" : ",");
            first = false;
            newLine(depth + 1);
            string((String) field.getKey());
            out.append(pretty ? " : " : ":");
            value(field.getValue(), depth + 1);
        }
        newLine(depth);
        out.append('}');
    }

    private void array(List<?> list, int depth) {
        out.append('[');
        if (list.isEmpty()) {
            out.append(pretty ? " ]" : "]");
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            out.append(i == 0 ? (pretty ? " " : "") : (pretty ? ", " : ","));
            value(list.get(i), depth);
        }
        out.append(pretty ? " ]" : "]");
    }

    private void newLine(int depth) {
        if (pretty) {
            out.append('\n').append("  ".repeat(depth));
        }
    }

    private void string(String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20 || (pretty && Character.isSurrogate(c))) {
                        // Jackson's byte writer escapes each half of a surrogate pair; its toString does not
                        out.append("\\u").append(HEX.charAt(c >> 12)).append(HEX.charAt((c >> 8) & 0xF))
                                .append(HEX.charAt((c >> 4) & 0xF)).append(HEX.charAt(c & 0xF));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
