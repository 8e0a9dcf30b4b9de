package dev.scratchnet.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How a plan probe times its candidates, on a clock the test advances: steps take what each says, the
 * JIT compiles and the collector runs when the test says. No real time passes.
 */
class StepTimerTest {

    private static final long MICRO = 1_000;
    private static final long MILLI = 1_000_000;

    /** A clock, the JIT's milliseconds and the collections, all moved by the fake steps. */
    private static final class Machine {
        long now;
        long compiled;
        long collections;
        /** The candidate whose step ran last: a helper thread is still spinning for it. */
        int lastRun = -1;
        int steps;

        StepTimer.Result time(List<Runnable> steps, long stepsAnEpoch) {
            return StepTimer.time(steps, StepTimer.Budget.forFit(stepsAnEpoch), () -> now, () -> compiled,
                    () -> collections);
        }

        /** A step of candidate {@code c} taking {@code nanos}, plus {@code handOff} when another candidate ran before. */
        Runnable step(int c, long nanos, long handOff) {
            return () -> {
                now += nanos + (lastRun == c ? 0 : handOff);
                lastRun = c;
                steps++;
            };
        }
    }

    @Test
    void eachCandidateIsTimedAsAFitRunsItNotAfterAnothers() {
        Machine machine = new Machine();
        // split rows: 300 us, but 600 us more when its helper has gone to sleep behind another candidate's step
        List<Runnable> steps = List.of(machine.step(0, 400 * MICRO, 0), machine.step(1, 300 * MICRO, 600 * MICRO));
        StepTimer.Result result = machine.time(steps, 125);
        assertArrayEquals(new long[] {400 * MICRO, 300 * MICRO}, result.times().orElseThrow());
        assertTrue(result.counted() >= StepTimer.MIN_ROUNDS, "rounds: " + result.counted());
        assertEquals(0, result.spoiled());
        // the rounds stopped at the floor of the budget, the warm-up besides
        assertTrue(result.nanos() <= StepTimer.Budget.FLOOR_NANOS + 4 * 700 * MICRO + 2 * MILLI, "" + result.nanos());
    }

    @Test
    void roundsTheJitOrACollectionDisturbedDoNotCount() {
        Machine machine = new Machine();
        List<Runnable> steps = new ArrayList<>();
        steps.add(machine.step(0, 500 * MICRO, 0));
        steps.add(() -> {
            // the other candidate's step: slow while the JIT compiles (every third step), or a collection runs
            machine.steps++;
            boolean disturbed = machine.steps % 3 == 0;
            machine.now += disturbed ? 5 * MILLI : 400 * MICRO;
            if (disturbed && machine.steps % 2 == 0) {
                machine.collections++;
            } else if (disturbed) {
                machine.compiled += 2;
            }
        });
        StepTimer.Result result = machine.time(steps, 100);
        assertTrue(result.spoiled() > 0);
        for (long step : result.samples()[1]) {
            assertEquals(400 * MICRO, step, "a disturbed step was counted");
        }
        assertArrayEquals(new long[] {500 * MICRO, 400 * MICRO}, result.times().orElseThrow());
    }

    @Test
    void aJitBusyThroughoutMeansNoTimesWithinTheLimit() {
        Machine machine = new Machine();
        List<Runnable> steps = List.of(machine.step(0, 300 * MICRO, 0), () -> {
            machine.now += 300 * MICRO;
            machine.compiled += 1;
        });
        StepTimer.Result result = machine.time(steps, 1000);
        assertTrue(result.times().isEmpty());
        assertEquals(0, result.counted());
        assertTrue(result.nanos() <= StepTimer.LIMIT_NANOS + 2 * MILLI, "the probe ran " + result.nanos());
    }

    @Test
    void longStepsGetTheFewestRoundsOverTheBudgetButNoMore() {
        Machine machine = new Machine();
        List<Runnable> steps = List.of(machine.step(0, 40 * MILLI, 0), machine.step(1, 30 * MILLI, 0));
        StepTimer.Result result = machine.time(steps, 32);
        assertEquals(StepTimer.FEWEST_ROUNDS, result.counted());
        // one step a turn: a long step pays no hand-off worth a second one
        assertEquals(2 * StepTimer.WARM_UP_STEPS + 2 * StepTimer.FEWEST_ROUNDS, machine.steps);
        assertArrayEquals(new long[] {40 * MILLI, 30 * MILLI}, result.times().orElseThrow());
    }

    @Test
    void aCandidateThatCannotWinIsNoLongerTimed() {
        Machine machine = new Machine();
        List<Runnable> steps = List.of(machine.step(0, 400 * MICRO, 0), machine.step(1, 420 * MICRO, 0),
                machine.step(2, 1300 * MICRO, 0));
        StepTimer.Result result = machine.time(steps, 125);
        assertEquals(StepTimer.FEWEST_ROUNDS, result.samples()[2].length);
        assertTrue(result.samples()[0].length > StepTimer.FEWEST_ROUNDS);
        assertArrayEquals(new long[] {400 * MICRO, 420 * MICRO, 1300 * MICRO}, result.times().orElseThrow());
        // one left: nothing to compare, the probe ends
        Machine other = new Machine();
        StepTimer.Result clear = other.time(List.of(other.step(0, 400 * MICRO, 0), other.step(1, 900 * MICRO, 0)), 125);
        assertEquals(StepTimer.FEWEST_ROUNDS, clear.counted());
    }

    @Test
    void stepsTooLongForTheCeilingMeasureNothing() {
        Machine machine = new Machine();
        List<Runnable> steps = List.of(machine.step(0, 90 * MILLI, 0), machine.step(1, 80 * MILLI, 0));
        StepTimer.Result result = machine.time(steps, 8);
        assertTrue(result.times().isEmpty());
        assertTrue(result.nanos() <= StepTimer.CEILING_NANOS + 170 * MILLI, "the probe ran " + result.nanos());
    }

    @Test
    void theBudgetIsAShareOfAnEpochBetweenAFloorAndACap() {
        assertEquals(StepTimer.Budget.FLOOR_NANOS, StepTimer.Budget.forFit(125).nanos(500 * MICRO));
        assertEquals((long) (0.02 * 2000 * MILLI), StepTimer.Budget.forFit(2000).nanos(MILLI));
        assertEquals(StepTimer.Budget.CAP_NANOS, StepTimer.Budget.forFit(100_000).nanos(MILLI));
        assertEquals(3, StepTimer.lowerMedian(new long[] {9, 3, 1, 4}));
        assertEquals(4, StepTimer.lowerMedian(new long[] {9, 3, 1, 4, 5}));
    }
}
