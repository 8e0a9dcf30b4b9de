package dev.scratchnet;

import dev.scratchnet.layers.Dense;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One {@code dense(...)} call recorded by {@link Network.Builder}, turned into a layer at
 * {@code build()} once the data type and the seed are known.
 *
 * @param nIn         the input width, or null when it follows from the previous layer
 * @param initializer how to fill W, or null when {@code weights} are explicit
 * @param weights     explicit W [nIn, nOut], or null
 * @param bias        explicit b [1, nOut], or null
 */
record LayerSpec(Integer nIn, int nOut, Activation activation, Initializer initializer,
                 INDArray weights, INDArray bias) {

    Layer create(String name, int chainedNIn, DataType dataType, Random random) {
        if (weights != null) {
            // fresh copies, so that building twice never shares arrays between networks
            INDArray w = Nd4j.create(dataType, weights.shape()).assign(weights);
            INDArray b = Nd4j.create(dataType, bias.shape()).assign(bias);
            return new Dense(name, w, b, activation, "explicit");
        }
        INDArray w = Nd4j.create(dataType, chainedNIn, nOut);
        initializer.fill(w, random);
        return new Dense(name, w, Nd4j.zeros(dataType, 1, nOut), activation, initializer.name());
    }
}
