package dev.scratchnet;

/**
 * One training's optimizer state over its parameters — velocities, moments, step counts — made by
 * {@link Optimizer#start} when a fit begins and dropped when it ends. The optimizer itself holds no
 * state, so one optimizer (and one {@link Fit}) serves any number of trainings, one after another or
 * at the same time.
 */
public interface OptimizerState {

    /**
     * Updates every parameter's value in place from its gradient, with this step's learning rate
     * (the optimizer's configured rate as the fit's {@link Schedule} sets it for the epoch).
     */
    void step(double learningRate);
}
