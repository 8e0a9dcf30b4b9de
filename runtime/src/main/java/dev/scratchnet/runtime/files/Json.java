package dev.scratchnet.runtime.files;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small reader for model.json (RFC 8259 JSON): objects become {@code Map<String, Object>} in
 * file order, arrays {@code List<Object>}, strings {@code String}, whole numbers {@code Long},
 * other numbers {@code Double}, {@code true}/{@code false} {@code Boolean} and {@code null} null.
 * It keeps the runtime free of a JSON library; {@link JsonWriter} writes the same kinds of value.
 * Bounded: the caller hands it text already capped in length, nesting deeper than
 * {@value #MAX_DEPTH} is refused, and a key that appears twice in one object is refused (a file
 * means one model, whichever reader reads it).
 */
public final class Json {

    private static final int MAX_DEPTH = 64;

    private final String text;
    private int position;

    private Json(String text) {
        this.text = text;
    }

    /** The value {@code text} holds, with nothing but white space after it. */
    public static Object parse(String text) throws IOException {
        Json json = new Json(text);
        Object value = json.value(0);
        json.skipWhiteSpace();
        if (json.position < text.length()) {
            throw json.error("unexpected text after the end of the value");
        }
        return value;
    }

    private Object value(int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH + " levels");
        }
        skipWhiteSpace();
        if (position >= text.length()) {
            throw error("the text ends where a value was expected");
        }
        char next = text.charAt(position);
        return switch (next) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> number();
        };
    }

    private Map<String, Object> object(int depth) throws IOException {
        Map<String, Object> object = new LinkedHashMap<>();
        position++; // '{'
        skipWhiteSpace();
        if (peek() == '}') {
            position++;
            return object;
        }
        while (true) {
            skipWhiteSpace();
            if (peek() != '"') {
                throw error("expected a key in quotes");
            }
            String key = string();
            skipWhiteSpace();
            expect(':');
            if (object.containsKey(key)) {
                // Jackson's words, which core messages quoted before this reader replaced it there
                throw error("Duplicate field '" + key + "': a key appears twice in one object");
            }
            object.put(key, value(depth + 1));
            skipWhiteSpace();
            if (peek() == ',') {
                position++;
            } else {
                expect('}');
                return object;
            }
        }
    }

    private List<Object> array(int depth) throws IOException {
        List<Object> array = new ArrayList<>();
        position++; // '['
        skipWhiteSpace();
        if (peek() == ']') {
            position++;
            return array;
        }
        while (true) {
            array.add(value(depth + 1));
            skipWhiteSpace();
            if (peek() == ',') {
                position++;
            } else {
                expect(']');
                return array;
            }
        }
    }

    private String string() throws IOException {
        position++; // opening quote
        StringBuilder value = new StringBuilder();
        while (true) {
            if (position >= text.length()) {
                throw error("a string is not closed");
            }
            char c = text.charAt(position++);
            if (c == '"') {
                return value.toString();
            }
            if (c < 0x20) {
                throw error("a control character inside a string");
            }
            if (c != '\\') {
                value.append(c);
                continue;
            }
            char escaped = position < text.length() ? text.charAt(position++) : '?';
            switch (escaped) {
                case '"', '\\', '/' -> value.append(escaped);
                case 'b' -> value.append('\b');
                case 'f' -> value.append('\f');
                case 'n' -> value.append('\n');
                case 'r' -> value.append('\r');
                case 't' -> value.append('\t');
                case 'u' -> value.append(unicodeEscape());
                default -> throw error("unknown escape \\" + escaped);
            }
        }
    }

    private char unicodeEscape() throws IOException {
        if (position + 4 > text.length()) {
            throw error("a \\u escape needs four hex digits");
        }
        try {
            char c = (char) Integer.parseInt(text.substring(position, position + 4), 16);
            position += 4;
            return c;
        } catch (NumberFormatException e) {
            throw error("a \\u escape needs four hex digits");
        }
    }

    /** A number as JSON writes it: {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}. */
    private Object number() throws IOException {
        int start = position;
        boolean whole = true;
        if (peek() == '-') {
            position++;
        }
        if (!digits()) {
            throw error("expected a value");
        }
        if (peek() == '.') {
            position++;
            whole = false;
            if (!digits()) {
                throw error("a number needs digits after its decimal point");
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            position++;
            whole = false;
            if (peek() == '+' || peek() == '-') {
                position++;
            }
            if (!digits()) {
                throw error("a number needs digits in its exponent");
            }
        }
        String number = text.substring(start, position);
        if (whole) {
            try {
                return Long.parseLong(number);
            } catch (NumberFormatException e) {
                throw error("whole number " + number + " does not fit in 64 bits");
            }
        }
        return Double.parseDouble(number);
    }

    private boolean digits() {
        int start = position;
        while (position < text.length() && text.charAt(position) >= '0' && text.charAt(position) <= '9') {
            position++;
        }
        return position > start;
    }

    private Object literal(String word, Object value) throws IOException {
        if (!text.startsWith(word, position)) {
            throw error("expected a value");
        }
        position += word.length();
        return value;
    }

    private void expect(char c) throws IOException {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        position++;
    }

    private char peek() {
        return position < text.length() ? text.charAt(position) : '\0';
    }

    private void skipWhiteSpace() {
        while (position < text.length() && " \t\r\n".indexOf(text.charAt(position)) >= 0) {
            position++;
        }
    }

    private IOException error(String problem) {
        return new IOException(problem + " at character " + position);
    }
}
