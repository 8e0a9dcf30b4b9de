package dev.scratchnet.optimizers;

import dev.scratchnet.Optimizer;
import dev.scratchnet.OptimizerState;
import dev.scratchnet.Parameter;
import dev.scratchnet.TestArrays;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Runs an optimizer for a few steps from known float64 weights with known gradients, so that a
 * test can compare the weights with a scalar reference of the update rule.
 */
final class OptimizerSteps {

    /** The starting weights, one parameter {@code [2, 3]}. */
    static final double[] WEIGHTS = {0.5, -1.25, 2.0, 0.0, 3.5, -0.75};
    /** The gradient handed to each of three steps (a sign flip and a zero included). */
    static final double[][] GRADIENTS = {
        {0.1, -2.0, 0.5, 1.5, -0.25, 0.0},
        {-0.3, -1.0, 0.25, 1.0, 0.5, 0.75},
        {0.2, 0.5, -0.5, 2.0, -0.125, 0.0},
    };

    private OptimizerSteps() {
    }

    /** The weights (flattened) after {@code GRADIENTS.length} steps of {@code optimizer}. */
    static double[] run(Optimizer optimizer) {
        return runSteps(optimizer, GRADIENTS.length);
    }

    /** The weights (flattened) after the first {@code steps} gradients. */
    static double[] runSteps(Optimizer optimizer, int steps) {
        INDArray value = TestArrays.matrix(row(WEIGHTS, 0), row(WEIGHTS, 3));
        INDArray gradient = value.dup();
        Parameter parameter = new Parameter("w", value, gradient, true);
        OptimizerState state = optimizer.start(List.of(parameter));
        for (int s = 0; s < steps; s++) {
            gradient.assign(TestArrays.matrix(row(GRADIENTS[s], 0), row(GRADIENTS[s], 3)));
            state.step(optimizer.learningRate());
        }
        return value.ravel().toDoubleVector();
    }

    private static double[] row(double[] values, int from) {
        return new double[] {values[from], values[from + 1], values[from + 2]};
    }
}
