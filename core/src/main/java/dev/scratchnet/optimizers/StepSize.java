package dev.scratchnet.optimizers;

import dev.scratchnet.Optimizer;
import dev.scratchnet.OptimizerState;
import dev.scratchnet.Parameter;
import dev.scratchnet.internal.Checks;
import java.util.List;

/**
 * The configured learning rate every optimizer has, checked once; and the deprecated
 * {@link #step(List)}, which keeps one state for callers that still step an optimizer directly.
 */
abstract class StepSize implements Optimizer {

    private final double learningRate;
    private List<Parameter> legacyParameters;
    private OptimizerState legacyState;

    StepSize(double learningRate) {
        this.learningRate = Checks.positive("learningRate", learningRate);
    }

    @Override
    public final double learningRate() {
        return learningRate;
    }

    /** @deprecated see {@link Optimizer#step(List)}; one state per parameter list, kept here */
    @Deprecated
    @Override
    public final synchronized void step(List<Parameter> parameters) {
        if (legacyState == null || !legacyParameters.equals(parameters)) {
            legacyParameters = List.copyOf(parameters);
            legacyState = start(legacyParameters);
        }
        legacyState.step(learningRate);
    }

    @Override
    public final String toString() {
        return name();
    }
}
