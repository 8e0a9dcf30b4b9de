package dev.scratchnet;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

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

    /**
     * Whether {@link #arrays()} and {@link #steps()} are the whole of this state, so that a
     * checkpoint can save it and a resumed training continue it exactly; true for every optimizer
     * of scratchnet, false unless a state says so.
     */
    default boolean savable() {
        return false;
    }

    /**
     * The arrays this state keeps between steps (velocities, moments), in a fixed order, live: a
     * checkpoint copies them, a resume writes into them. Scratch space is not part of it.
     */
    default List<INDArray> arrays() {
        return List.of();
    }

    /** The steps taken so far, where the update depends on it (Adam's {@code t}); 0 elsewhere. */
    default long steps() {
        return 0;
    }

    /** Sets the count {@link #steps()} returns, for a resumed training. */
    default void restoreSteps(long steps) {
    }
}
