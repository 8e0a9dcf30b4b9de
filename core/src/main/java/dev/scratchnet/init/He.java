package dev.scratchnet.init;

import dev.scratchnet.Initializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;

/**
 * He normal initialisation: {@code W ~ N(0, 2 / nIn)} (He et al., 2015), sized for ReLU layers,
 * which zero half their inputs.
 */
public final class He implements Initializer {

    @Override
    public void fill(INDArray weights, Random random) {
        Draw.normal(weights, Math.sqrt(2.0 / weights.rows()), random);
    }

    @Override
    public String name() {
        return "he";
    }

    @Override
    public String toString() {
        return name();
    }
}
