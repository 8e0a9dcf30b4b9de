package dev.scratchnet.internal;

import java.util.Random;

/**
 * Seeded random orderings of {@code 0 .. n−1}. Scalar draws use {@link java.util.Random}, whose
 * sequence for a seed is fixed by its specification; ND4J's native generator is used only for
 * whole-array draws (initial weights), where it is reproducible.
 */
public final class Permutation {

    private Permutation() {
    }

    /** A fresh generator for {@code seed}: the same seed always gives the same draws. */
    public static Random generator(long seed) {
        return new Random(seed);
    }

    /** The order {@code 0, 1, …, n−1}. */
    public static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }

    /** A random permutation of {@code 0 .. n−1} (Fisher–Yates), drawn from {@code random}. */
    public static int[] of(int n, Random random) {
        int[] order = identity(n);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }
}
