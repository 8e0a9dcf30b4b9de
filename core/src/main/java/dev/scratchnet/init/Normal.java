package dev.scratchnet.init;

import dev.scratchnet.Initializer;
import dev.scratchnet.internal.Checks;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;

/** Normal initialisation: {@code W ~ N(0, std²)}. */
public final class Normal implements Initializer {

    private final double std;

    /** @param std the standard deviation; finite and {@code > 0} */
    public Normal(double std) {
        this.std = Checks.positive("normal initializer std", std);
    }

    /** The standard deviation. */
    public double std() {
        return std;
    }

    @Override
    public void fill(INDArray weights, Random random) {
        Draw.normal(weights, std, random);
    }

    @Override
    public String name() {
        return "normal(" + std + ")";
    }

    @Override
    public String toString() {
        return name();
    }
}
