package dev.scratchnet.optimizers;

import dev.scratchnet.Optimizer;
import dev.scratchnet.OptimizerState;
import dev.scratchnet.Parameter;
import dev.scratchnet.internal.Checks;
import java.io.Serializable;
import java.util.List;

/**
 * The configured learning rate every optimizer has, checked once; and the deprecated
 * {@link #step(List)}, which keeps one state for callers that still step an optimizer directly.
 * Serializable (its settings only, never a training's state), so that scratchnet-spark can send it
 * to the executors that step it.
 */
abstract class StepSize implements Optimizer, Serializable {

    private static final long serialVersionUID = 1L;

    private final double learningRate;
    private transient List<Parameter> legacyParameters;
    private transient OptimizerState legacyState;

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
