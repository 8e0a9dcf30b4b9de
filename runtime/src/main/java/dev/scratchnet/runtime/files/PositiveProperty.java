package dev.scratchnet.runtime.files;

/**
 * A limit a system property may raise, such as {@value ModelFileFormat#MAX_JSON_BYTES_PROPERTY}:
 * read at each call, so that {@code -Dname=N} on the command line and {@code System.setProperty}
 * before the call both work. The core's limits are read here too.
 */
public final class PositiveProperty {

    private PositiveProperty() {
    }

    /**
     * The positive whole number in system property {@code property}, or {@code defaultValue} when it is unset.
     *
     * @throws IllegalArgumentException when the property holds anything else
     */
    public static int read(String property, int defaultValue) {
        String text = System.getProperty(property);
        if (text == null || text.isBlank()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("system property " + property + " must be a whole number in [1, "
                + Integer.MAX_VALUE + "], was \"" + text + "\"");
    }
}
