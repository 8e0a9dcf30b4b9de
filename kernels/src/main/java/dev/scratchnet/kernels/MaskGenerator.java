package dev.scratchnet.kernels;

/**
 * The random numbers of dropout masks: SplitMix64 (Steele, Lea and Flood, 2014), whose whole state
 * is one {@code long} and whose {@code k}-th number is reached in one multiplication:
 * <pre>
 *   at(seed, k):  s ← seed + (k + 1) · 0x9E3779B97F4A7C15          (mod 2⁶⁴)
 *                 z ← (s ⊕ (s ≫ 30)) · 0xBF58476D1CE4E5B9
 *                 z ← (z ⊕ (z ≫ 27)) · 0x94D049BB133111EB
 *                 z ← z ⊕ (z ≫ 31)
 *                 number = (z ≫ 11) · 2⁻⁵³, uniform in [0, 1)
 * </pre>
 * A training draws every mask value from its position ({@link #at}), so any thread, batch or
 * partition can draw any value, and a resumed training needs no generator state. A generator made
 * with {@code new MaskGenerator(seed)} draws {@code at(seed, 0), at(seed, 1), …} in turn. Drawing
 * allocates nothing. An instance is not thread-safe; {@link #at} is.
 */
public final class MaskGenerator {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private long state;

    /** A generator whose first draws follow from {@code seed}. */
    public MaskGenerator(long seed) {
        this.state = seed;
    }

    /** Number {@code position} (from 0) of the stream {@code seed}, uniform in {@code [0, 1)}. */
    public static double at(long seed, long position) {
        return mix(seed + (position + 1) * GOLDEN_GAMMA);
    }

    /** The next number, uniform in {@code [0, 1)}. */
    public double nextDouble() {
        state += GOLDEN_GAMMA;
        return mix(state);
    }

    /** The whole state: a generator made with {@code new MaskGenerator(state())} draws what this one draws next. */
    public long state() {
        return state;
    }

    private static double mix(long state) {
        long z = state;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return (z >>> 11) * 0x1.0p-53;
    }
}
