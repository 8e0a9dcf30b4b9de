package dev.scratchnet.init;

import dev.scratchnet.Initializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;

/**
 * Glorot (Xavier) uniform initialisation: {@code W ~ U(−l, l)} with {@code l = sqrt(6 / (nIn + nOut))}
 * (Glorot and Bengio, 2010), which keeps the variance of activations and gradients roughly equal
 * across layers.
 */
public final class Glorot implements Initializer {

    @Override
    public void fill(INDArray weights, Random random) {
        double limit = Math.sqrt(6.0 / (weights.rows() + weights.columns()));
        Draw.uniform(weights, -limit, limit, random);
    }

    @Override
    public String name() {
        return "xavier";
    }

    @Override
    public String toString() {
        return name();
    }
}
