package dev.scratchnet.data;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Objects;

/**
 * How a CSV file is written: its separator (or null, to detect it from the header line among
 * comma, semicolon, tab and {@code |}) and its encoding. Quotes follow RFC 4180 ({@code "} around a
 * cell that holds the separator, a line break or {@code ""}); a UTF-8 byte-order mark is skipped.
 *
 * @param separator the character between cells, or null to detect it
 * @param encoding  the file's character set
 */
public record CsvFormat(Character separator, Charset encoding) {

    /** Separators detection chooses from, in the order that breaks ties. */
    static final String CANDIDATES = ",;\t|";

    /** Detected separator, UTF-8. */
    public static final CsvFormat DEFAULT = new CsvFormat(null, StandardCharsets.UTF_8);

    /** Checks the parts: the encoding is required; the separator may not be a quote or a line break. */
    public CsvFormat {
        Objects.requireNonNull(encoding, "encoding must not be null");
        if (separator != null && (separator == '"' || separator == '\n' || separator == '\r')) {
            throw new IllegalArgumentException("the separator cannot be a quote or a line break, was "
                    + describe(separator));
        }
    }

    /**
     * The format that command-line options name: {@code separator} is null (detect), one character,
     * or {@code tab}/{@code \t}; {@code encoding} is null (UTF-8) or a charset name such as
     * {@code ISO-8859-1} or {@code windows-1252}.
     */
    public static CsvFormat of(String separator, String encoding) {
        Character chosen = null;
        if (separator != null) {
            if (separator.equalsIgnoreCase("tab") || separator.equals("\\t") || separator.equals("\t")) {
                chosen = '\t';
            } else if (separator.length() == 1) {
                chosen = separator.charAt(0);
            } else {
                throw new IllegalArgumentException("--separator must be one character (or tab), was \"" + separator
                        + "\"");
            }
        }
        return new CsvFormat(chosen, encoding == null ? StandardCharsets.UTF_8 : charset(encoding));
    }

    private static Charset charset(String name) {
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new IllegalArgumentException("--encoding \"" + name + "\" is not a character set this Java knows; "
                    + "try UTF-8, ISO-8859-1 (Latin-1) or windows-1252");
        }
    }

    /** A separator as people read it: {@code tab} or the character in quotes. */
    static String describe(char separator) {
        return separator == '\t' ? "tab" : "'" + separator + "'";
    }
}
