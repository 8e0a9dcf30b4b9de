package dev.scratchnet.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.scratchnet.Plan;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The order of a probe's rounds: no split batch timed right after products on OpenBLAS's threads. */
class ProbeBatchTest {

    @Test
    void aSplitBatchIsNeverTimedRightAfterThreadedBlas() {
        PlanChoice split = new PlanChoice(Plan.SPLIT_ROWS, 2, "rule");
        PlanChoice one = PlanChoice.oneThread("probe");
        PlanChoice blas = new PlanChoice(Plan.THREADED_BLAS, 2, "probe");
        // rounds run split, threaded BLAS, one thread, split, …: one thread follows threaded BLAS
        assertArrayEquals(new int[] {0, 2, 1}, ProbeBatch.timingOrder(List.of(split, one, blas)));
        assertArrayEquals(new int[] {1, 2, 0}, ProbeBatch.timingOrder(List.of(one, split, blas)));
        assertArrayEquals(new int[] {1, 0}, ProbeBatch.timingOrder(List.of(one, split)));
    }
}
