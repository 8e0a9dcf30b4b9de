package dev.scratchnet.kernels;

/**
 * What training diagnostics watch in an activation's outputs: units that never fire (ReLU's kind:
 * {@code a > 0} exactly when {@code z > 0}, so a unit whose a is never above 0 passes no gradient),
 * outputs near an asymptote (sigmoid's and tanh's kind, where the gradient vanishes), or nothing.
 */
public enum Diagnosis {

    /** Nothing is watched. */
    NONE,
    /** The share of units with {@code a > 0} on no sampled row. */
    NEVER_FIRING,
    /** The share of outputs within a small distance of 0 or 1 (sigmoid). */
    SATURATING_AT_0_AND_1,
    /** The share of outputs within a small distance of −1 or 1 (tanh). */
    SATURATING_AT_MINUS_1_AND_1;

    /** Whether units that never fire are counted. */
    public boolean countsFiring() {
        return this == NEVER_FIRING;
    }

    /** Whether saturated outputs are counted. */
    public boolean countsSaturation() {
        return this == SATURATING_AT_0_AND_1 || this == SATURATING_AT_MINUS_1_AND_1;
    }

    /** How far the output {@code a} lies from the nearer asymptote; only for the saturating kinds. */
    public double distanceToAsymptote(double a) {
        return this == SATURATING_AT_0_AND_1 ? Math.min(a, 1 - a) : 1 - Math.abs(a);
    }
}
