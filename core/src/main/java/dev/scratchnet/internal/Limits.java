package dev.scratchnet.internal;

import dev.scratchnet.runtime.files.ModelFileFormat;
import dev.scratchnet.runtime.files.PositiveProperty;

/**
 * Limits on sizes read from input that no memory check catches early enough, each with a default
 * that suits the data this library is for and a system property that raises it:
 * <pre>
 *   scratchnet.maxClasses         10000      classes in one-hot targets, labels and confusion matrices
 *   scratchnet.csv.maxLineChars   16777216   characters on one CSV line (16 Mi: a million columns fit)
 *   scratchnet.model.maxJsonBytes 1048576    bytes of a model file's model.json (thousands of layers)
 * </pre>
 * The properties are read at each check, so {@code -Dscratchnet.maxClasses=50000} on the command
 * line or {@code System.setProperty} before the call both work.
 */
public final class Limits {

    /** Property for the largest class count. */
    public static final String MAX_CLASSES = "scratchnet.maxClasses";
    /** Property for the longest CSV line, in characters. */
    public static final String MAX_CSV_LINE_CHARS = "scratchnet.csv.maxLineChars";
    /** Property for the largest model.json entry, in bytes. */
    public static final String MAX_MODEL_JSON_BYTES = ModelFileFormat.MAX_JSON_BYTES_PROPERTY;

    private Limits() {
    }

    /** The largest class count accepted (default 10000). */
    public static int maxClasses() {
        return value(MAX_CLASSES, 10_000);
    }

    /** The longest CSV line accepted, in characters (default 16 Mi). */
    public static int maxCsvLineChars() {
        return value(MAX_CSV_LINE_CHARS, 16 * 1024 * 1024);
    }

    /** The largest model.json accepted, in bytes (default 1 MiB). */
    public static int maxModelJsonBytes() {
        return ModelFileFormat.maxJsonBytes();
    }

    /** Fails when {@code numClasses}, found in {@code where}, exceeds {@link #maxClasses()}. */
    public static void requireClasses(String where, long numClasses) {
        int limit = maxClasses();
        if (numClasses > limit) {
            throw new IllegalArgumentException(where + " asks for " + numClasses + " classes; at most " + limit
                    + " are allowed (raise the limit with -D" + MAX_CLASSES + "=N)");
        }
    }

    /** The positive whole number in system property {@code property}, or {@code defaultValue} when it is unset. */
    public static int value(String property, int defaultValue) {
        return PositiveProperty.read(property, defaultValue);
    }
}
