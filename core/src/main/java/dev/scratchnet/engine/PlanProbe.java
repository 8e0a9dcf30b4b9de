package dev.scratchnet.engine;

import java.util.List;

/**
 * Times candidate plans for one shape: the fastest time of a training step under each, in
 * nanoseconds, in the candidates' order. The fast backend's probe runs real steps
 * ({@link StepTimer}); tests hand {@link TrainingPlans} one that needs no clock.
 */
@FunctionalInterface
interface PlanProbe {

    /** The fastest step of each of {@code candidates}, in nanoseconds. */
    long[] time(List<PlanChoice> candidates);
}
