package dev.scratchnet.schedules;

/** The range check the schedules share. */
final class Factors {

    private Factors() {
    }

    /** Fails unless {@code 0 < value ≤ 1}: a factor that shrinks the rate or keeps it. */
    static double shrinking(String name, double value) {
        if (!(value > 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be in (0, 1], was " + value);
        }
        return value;
    }
}
