package dev.scratchnet.samples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How {@code bench} reads the numpy reference's output; the timed runs themselves are {@link BenchCommandIT}. */
class NumpyReferenceTest {

    @Test
    void numpyOutputIsReadAsOneLinePerWorkload() {
        Map<String, Timings> timings = NumpyReference.parse("W1 0.5 0.7 0.6\nW3 8.4e-05 9e-05\n");

        assertEquals(List.of("W1", "W3"), List.copyOf(timings.keySet()));
        assertEquals(0.6, timings.get("W1").median(), 1e-12);
        assertEquals(8.7e-05, timings.get("W3").median(), 1e-12);
    }

    @Test
    void scalingCellsAreReadByHiddenWidthAndBatch() {
        Map<String, Timings> timings = NumpyReference.parseScale("S 64 16 0.07 0.06 0.08\nnoise\nS 2048 256 0.5 0.6\n");
        assertEquals(2, timings.size());
        assertEquals(0.07, timings.get("64 16").median(), 1e-12);
        assertEquals(0.55, timings.get("2048 256").median(), 1e-12);
    }
}
