package dev.scratchnet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Same seed, data and settings give bit-identical weights twice in one JVM, on both engines; fresh JVMs are {@link DeterminismIT}. */
class DeterminismInOneJvmIT {

    @Test
    void twoRunsInOneJvmGiveBitIdenticalWeights() {
        assertEquals(DeterminismProbe.run("digits"), DeterminismProbe.run("digits"));
        assertEquals(Engines.with("reference", () -> DeterminismProbe.run("digits")),
                Engines.with("reference", () -> DeterminismProbe.run("digits")));
    }
}
