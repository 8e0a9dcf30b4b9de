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
 *   <li>{@link #requireNative} for ND4J arrays, which live outside the heap: JavaCPP's ceiling on
 *       the whole process's physical memory ({@code -Dorg.bytedeco.javacpp.maxPhysicalBytes}, by
 *       default 4× the maximum heap: 1 GiB with {@code -Xmx256m}) less the resident size now. That
 *       is the limit ND4J's allocations meet ({@code OutOfMemoryError: Physical memory usage is too
 *       high}); JavaCPP's {@code maxBytes} (by default the maximum heap) does not count ND4J's
 *       arrays ({@code Pointer.totalBytes()} stays near 0 however many there are), so it is no limit
 *       for them.</li>
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
                    + describe(available) + " is free (the process may use " + describe(Pointer.maxPhysicalBytes())
                    + " of physical memory and uses " + describe(Pointer.physicalBytes()) + "; the limit is set with "
                    + "-Dorg.bytedeco.javacpp.maxPhysicalBytes, by default 4 times the maximum heap -Xmx, "
                    + "alongside -Dorg.bytedeco.javacpp.maxbytes)");
        }
    }

    /**
     * The bytes ND4J can still allocate: JavaCPP's physical-memory ceiling less the resident size
     * ({@link Long#MAX_VALUE} when there is no ceiling).
     */
    public static long nativeFree() {
        return nativeAvailable();
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
        long limit = Pointer.maxPhysicalBytes();
        return limit <= 0 ? Long.MAX_VALUE : Math.max(0, limit - Pointer.physicalBytes());
    }

    /** {@code 1610612736 bytes (1.5 GiB)}: exact, and readable at a glance. */
    static String describe(long bytes) {
        return Heap.describe(bytes);
    }
}
