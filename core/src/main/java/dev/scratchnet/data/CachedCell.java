package dev.scratchnet.data;

/**
 * A CSV cell as {@link CsvCache} stores it, in one {@code long}: a finite number as its double's
 * bits; a missing cell, or a text by its id in its column's dictionary, as a negative NaN pattern
 * (which no finite double and no {@code Double.parseDouble} result has).
 */
public final class CachedCell {

    /** A missing cell. */
    public static final long MISSING = 0xFFF0_0000_0000_0000L;
    /** A text whose column kept no dictionary (too many distinct texts): only an error can come of it. */
    public static final long UNKNOWN_TEXT = 0xFFF8_0000_0000_0000L;
    private static final long ID = 0xFFF4_0000_0000_0000L;

    private CachedCell() {
    }

    /** A finite number. */
    public static long number(double value) {
        return Double.doubleToRawLongBits(value);
    }

    /** Text number {@code id} of its column's dictionary. */
    public static long text(int id) {
        return ID | id;
    }

    /** Whether {@code cell} holds a number. */
    public static boolean isNumber(long cell) {
        return (cell & 0xFFF0_0000_0000_0000L) != 0xFFF0_0000_0000_0000L;
    }

    /** Whether {@code cell} holds a text id. */
    public static boolean isText(long cell) {
        return (cell & 0xFFFC_0000_0000_0000L) == ID;
    }

    /** The number of a number cell. */
    public static double value(long cell) {
        return Double.longBitsToDouble(cell);
    }

    /** The dictionary id of a text cell. */
    public static int id(long cell) {
        return (int) (cell & 0xFFFF_FFFFL);
    }

    /** {@code value}'s bits turned so that unsigned order is the numbers' order (−0.0 before 0.0, as {@code Arrays.sort}). */
    public static long sortable(double value) {
        long bits = Double.doubleToRawLongBits(value);
        return bits ^ ((bits >> 63) | Long.MIN_VALUE);
    }

    /** The number whose {@link #sortable} key is {@code key}. */
    public static double unsortable(long key) {
        long bits = key < 0 ? key ^ Long.MIN_VALUE : ~key;
        return Double.longBitsToDouble(bits);
    }
}
