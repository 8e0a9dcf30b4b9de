package dev.scratchnet.optimizers;

/** The check of decay factors the optimizers share. */
final class Rates {

    private Rates() {
    }

    /** Fails unless {@code 0 ≤ value < 1}, the range of a momentum or a moving-average decay. */
    static double decay(String name, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1), was " + value);
        }
        return value;
    }
}
