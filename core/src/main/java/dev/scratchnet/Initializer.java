package dev.scratchnet;

import dev.scratchnet.init.Constant;
import dev.scratchnet.init.Glorot;
import dev.scratchnet.init.He;
import dev.scratchnet.init.Normal;
import dev.scratchnet.init.Uniform;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;

/**
 * Fills a new layer's weights {@code W [nIn, nOut]} from the network's seeded generator.
 * Biases always start at zero. Initializers never make a generator of their own, so the
 * network's seed decides every initial weight.
 */
public interface Initializer {

    /** Glorot (Xavier) uniform: {@code U(−l, l)}, {@code l = sqrt(6 / (nIn + nOut))}; the default. */
    Initializer XAVIER = new Glorot();
    /** He normal: {@code N(0, 2 / nIn)}, for ReLU layers. */
    Initializer HE = new He();

    /** Normal {@code N(0, std²)}; {@code std} must be > 0. */
    static Initializer normal(double std) {
        return new Normal(std);
    }

    /** Uniform {@code U(lo, hi)}; needs {@code lo < hi}. */
    static Initializer uniform(double lo, double hi) {
        return new Uniform(lo, hi);
    }

    /** All zeros (every unit then learns the same thing: useful for tests, rarely for training). */
    static Initializer zeros() {
        return Constant.ZERO;
    }

    /**
     * Overwrites {@code weights} ({@code [nIn, nOut]}, float or double) with fresh values. Values are
     * drawn in float64 and then stored, so float32 and float64 networks with one seed start alike.
     */
    void fill(INDArray weights, Random random);

    /** The name saved models and summaries use, e.g. {@code xavier} or {@code normal(0.01)}. */
    String name();
}
