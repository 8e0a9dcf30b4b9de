package dev.scratchnet.engine;

import java.util.List;
import java.util.Optional;

/**
 * Times candidate plans for one shape: a typical training step under each, in nanoseconds, in the
 * candidates' order, or nothing when no reliable time could be had. The fast backend's probe runs
 * real steps ({@link StepTimer}); tests hand {@link TrainingPlans} one that needs no clock.
 */
@FunctionalInterface
interface PlanProbe {

    /**
     * A typical step of each of {@code candidates}, in nanoseconds; empty when the probe could not
     * time them undisturbed (the JIT compiling throughout), and the choice should wait for a later fit.
     */
    Optional<long[]> time(List<PlanChoice> candidates);
}
