package dev.scratchnet.internal;

import dev.scratchnet.runtime.files.Heap;
import org.bytedeco.javacpp.Pointer;

/**
 * Checks that an allocation sized by a number found in input fits in the memory there is, before
 * it is made, so that a small file declaring a huge shape is refused with a message instead of
 * ending in an {@link OutOfMemoryError} (or in seconds of swapping).
 * <ul>
 *   <li>{@link #requireHeap} for Java arrays: the JVM's maximum heap ({@code -Xmx}) less what is in
 *       use. When that looks too small, one {@code System.gc()} runs first, so garbage does not
 *       count as use.</li>
 *   <li>{@link #requireNative} for ND4J arrays, which live outside the heap: JavaCPP's limit
 *       ({@code -Dorg.bytedeco.javacpp.maxbytes}, by default the maximum heap again) less the bytes
 *       JavaCPP has handed out, which is what ND4J's allocator itself enforces.</li>
 * </ul>
 * A refusal is an {@link IllegalArgumentException} naming what was to be allocated, the bytes it
 * needs and the limit, with the setting that raises the limit.
 */
public final class Memory {

    private Memory() {
    }

    /** Fails unless {@code bytes} of Java arrays for {@code what} fit in the heap that is free (the runtime's {@link Heap}). */
    public static void requireHeap(String what, long bytes) {
        Heap.require(what, bytes);
    }

    /** Fails unless {@code bytes} of ND4J (off-heap) arrays for {@code what} fit under JavaCPP's limit. */
    public static void requireNative(String what, long bytes) {
        long available = nativeAvailable();
        if (bytes <= available) {
            return;
        }
        System.gc(); // ND4J arrays that are garbage give their memory back when collected
        available = nativeAvailable();
        if (bytes > available) {
            throw new IllegalArgumentException(what + " needs " + describe(bytes) + " of ND4J memory but only "
                    + describe(available) + " is free (limit " + describe(Pointer.maxBytes())
                    + ", set with -Dorg.bytedeco.javacpp.maxbytes, by default the maximum heap -Xmx)");
        }
    }

    /** {@code count} values of {@code bytesEach}, or {@link Long#MAX_VALUE} when the product overflows a long. */
    public static long bytes(long count, long bytesEach) {
        try {
            return Math.multiplyExact(count, bytesEach);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    private static long nativeAvailable() {
        long limit = Pointer.maxBytes();
        return limit <= 0 ? Long.MAX_VALUE : Math.max(0, limit - Pointer.totalBytes());
    }

    /** {@code 1610612736 bytes (1.5 GiB)}: exact, and readable at a glance. */
    static String describe(long bytes) {
        return Heap.describe(bytes);
    }
}
