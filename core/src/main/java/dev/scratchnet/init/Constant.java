package dev.scratchnet.init;

import dev.scratchnet.Initializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;

/** Constant initialisation; scratchnet uses it for zeros only. Draws nothing from the generator. */
public final class Constant implements Initializer {

    /** All weights zero. */
    public static final Constant ZERO = new Constant();

    private Constant() {
    }

    @Override
    public void fill(INDArray weights, Random random) {
        weights.assign(0.0);
    }

    @Override
    public String name() {
        return "zeros";
    }

    @Override
    public String toString() {
        return name();
    }
}
