package dev.scratchnet.init;

import dev.scratchnet.Initializer;
import dev.scratchnet.internal.Checks;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;

/** Uniform initialisation: {@code W ~ U(lo, hi)}. */
public final class Uniform implements Initializer {

    private final double lo;
    private final double hi;

    /** @param lo the lower bound; @param hi the upper bound, finite and {@code > lo} */
    public Uniform(double lo, double hi) {
        Checks.finite("uniform initializer lo", lo);
        Checks.finite("uniform initializer hi", hi);
        if (!(lo < hi)) {
            throw new IllegalArgumentException("uniform initializer needs lo < hi, was lo = " + lo + ", hi = " + hi);
        }
        this.lo = lo;
        this.hi = hi;
    }

    /** The lower bound. */
    public double lo() {
        return lo;
    }

    /** The upper bound. */
    public double hi() {
        return hi;
    }

    @Override
    public void fill(INDArray weights, Random random) {
        Draw.uniform(weights, lo, hi, random);
    }

    @Override
    public String name() {
        return "uniform(" + lo + ", " + hi + ")";
    }

    @Override
    public String toString() {
        return name();
    }
}
