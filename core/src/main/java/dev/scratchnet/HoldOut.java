package dev.scratchnet;

/**
 * Which rows of a {@link DataSource} a validation split holds out: row {@code index} of block
 * {@code block} is held when a hash of the seed, the block and the index falls below the fraction.
 * The same rows every pass and every run, whatever order the blocks are read in; about
 * {@code fraction} of the rows, not stratified by class (that would need the classes of every
 * row before the first epoch).
 */
record HoldOut(double fraction, long seed) {

    /** Holds out nothing. */
    static final HoldOut NONE = new HoldOut(0, 0);

    boolean held(int block, long index) {
        if (fraction <= 0) {
            return false;
        }
        long h = mix(seed ^ mix(block * 0x9E3779B97F4A7C15L + index));
        // the top 53 bits as a double in [0, 1)
        return (h >>> 11) * 0x1.0p-53 < fraction;
    }

    /** SplitMix64's finaliser: every input bit moves every output bit. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
