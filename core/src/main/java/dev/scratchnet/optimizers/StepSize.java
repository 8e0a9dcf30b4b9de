package dev.scratchnet.optimizers;

import dev.scratchnet.Optimizer;
import dev.scratchnet.internal.Checks;

/**
 * The learning rate every optimizer has, checked where it is set, so that schedules can change it
 * between epochs.
 */
abstract class StepSize implements Optimizer {

    private double learningRate;

    StepSize(double learningRate) {
        setLearningRate(learningRate);
    }

    @Override
    public final double learningRate() {
        return learningRate;
    }

    @Override
    public final void setLearningRate(double learningRate) {
        this.learningRate = Checks.positive("learningRate", learningRate);
    }

    @Override
    public final String toString() {
        return name();
    }
}
