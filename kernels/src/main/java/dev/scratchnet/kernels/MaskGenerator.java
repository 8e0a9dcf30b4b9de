package dev.scratchnet.kernels;

/**
 * The random numbers of dropout masks: SplitMix64 (Steele, Lea and Flood, 2014), whose whole state
 * is one {@code long}, so that a checkpoint can save it and a resumed training draws on exactly
 * where it stopped.
 * <pre>
 *   state ← state + 0x9E3779B97F4A7C15
 *   z ← (state ⊕ (state ≫ 30)) · 0xBF58476D1CE4E5B9
 *   z ← (z ⊕ (z ≫ 27)) · 0x94D049BB133111EB
 *   z ← z ⊕ (z ≫ 31)
 *   next double = (z ≫ 11) · 2⁻⁵³, uniform in [0, 1)
 * </pre>
 * Drawing allocates nothing. Not thread-safe: one training owns one generator.
 */
public final class MaskGenerator {

    private long state;

    /** A generator whose first draws follow from {@code seed}. */
    public MaskGenerator(long seed) {
        this.state = seed;
    }

    /** The next number, uniform in {@code [0, 1)}. */
    public double nextDouble() {
        state += 0x9E3779B97F4A7C15L;
        long z = state;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return (z >>> 11) * 0x1.0p-53;
    }

    /** The whole state: a generator made with {@code new MaskGenerator(state())} draws what this one draws next. */
    public long state() {
        return state;
    }
}
