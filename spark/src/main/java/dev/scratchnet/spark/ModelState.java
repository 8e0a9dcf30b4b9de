package dev.scratchnet.spark;

import java.io.Serializable;

/**
 * What parameter averaging sends to the partitions at the start of a round and gets back from each
 * at its end: the weights and the optimizer's state, flat.
 *
 * @param weights        the parameters in {@link FlatParameters}' order
 * @param optimizer      the optimizer state's arrays ({@code OptimizerState.arrays()}: Adam's moments,
 *                       momentum's velocity), each flattened in row-major order
 * @param optimizerSteps the state's step count ({@code OptimizerState.steps()}: Adam's {@code t})
 */
record ModelState(double[] weights, double[][] optimizer, long optimizerSteps) implements Serializable {

    private static final long serialVersionUID = 1L;
}
