package dev.scratchnet.runtime.files;

import java.util.Locale;

/**
 * Checks that Java arrays sized by numbers found in input fit in the heap before they are made, so
 * that a small file declaring a huge shape is refused with a message instead of ending in an
 * {@link OutOfMemoryError}: the JVM's maximum heap ({@code -Xmx}) less what is in use. When that
 * looks too small, one {@code System.gc()} runs first, so garbage does not count as use. The core's
 * memory checks say the same through this class.
 */
public final class Heap {

    private Heap() {
    }

    /**
     * Fails unless {@code bytes} of Java arrays for {@code what} fit in the heap that is free.
     *
     * @throws IllegalArgumentException naming what, the bytes it needs, the bytes free and {@code -Xmx}
     */
    public static void require(String what, long bytes) {
        if (bytes <= available()) {
            return;
        }
        System.gc();
        long available = available();
        if (bytes > available) {
            throw new IllegalArgumentException(what + " needs " + describe(bytes) + " of Java heap but only "
                    + describe(available) + " is free (maximum heap " + describe(Runtime.getRuntime().maxMemory())
                    + "); give Java more with -Xmx");
        }
    }

    private static long available() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
    }

    /** {@code 1610612736 bytes (1.5 GiB)}: exact, and readable at a glance. */
    public static String describe(long bytes) {
        if (bytes == Long.MAX_VALUE) {
            return "more than " + Long.MAX_VALUE + " bytes";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double scaled = bytes;
        int unit = -1;
        while (scaled >= 1024 && unit < units.length - 1) {
            scaled /= 1024;
            unit++;
        }
        return bytes + " bytes" + (unit < 0 ? "" : String.format(Locale.ROOT, " (%.1f %s)", scaled, units[unit]));
    }
}
