package dev.scratchnet.samples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The peak estimate from /proc/cpuinfo's lines: the clock, the vendor and the vector flags. */
class GemmProbeTest {

    private static GemmProbe.Peak peak(String vendor, String flags) {
        return GemmProbe.Peak.estimate(List.of("vendor_id\t: " + vendor, "cpu MHz\t\t: 2000.000", "flags\t\t: " + flags), 2);
    }

    @Test
    void flopsACycleFollowTheFlagsAndTheVendor() {
        assertEquals(64, peak("GenuineIntel", "sse4_2 avx avx2 fma avx512f").flopsPerCycle());
        assertEquals(32, peak("AuthenticAMD", "sse4_2 avx avx2 fma avx512f").flopsPerCycle());
        assertEquals(32, peak("GenuineIntel", "sse4_2 avx avx2 fma").flopsPerCycle());
        assertEquals(16, peak("GenuineIntel", "sse4_2 avx").flopsPerCycle());
        assertEquals(8, peak("GenuineIntel", "sse4_2").flopsPerCycle());
    }

    @Test
    void amdRunsAvx512OnFullWidthUnitsFromZen5On() {
        List<String> zen4 = List.of("vendor_id\t: AuthenticAMD", "cpu family\t: 25", "cpu MHz\t\t: 2000.000",
                "flags\t\t: avx2 fma avx512f");
        List<String> zen5 = List.of("vendor_id\t: AuthenticAMD", "cpu family\t: 26", "cpu MHz\t\t: 2000.000",
                "flags\t\t: avx2 fma avx512f");
        assertEquals(32, GemmProbe.Peak.estimate(zen4, 2).flopsPerCycle());
        assertEquals(64, GemmProbe.Peak.estimate(zen5, 2).flopsPerCycle());
        assertTrue(GemmProbe.Peak.estimate(zen5, 2).why().startsWith("AMD family 26, avx512f"));
        // without AVX-512 a Zen 5 is counted as any AVX2 machine
        assertEquals(32, GemmProbe.Peak.estimate(List.of("vendor_id\t: AuthenticAMD", "cpu family\t: 26",
                "flags\t\t: avx2 fma"), 2).flopsPerCycle());
    }

    @Test
    void thePeakIsProcessorsTimesClockTimesFlops() {
        GemmProbe.Peak intel = peak("GenuineIntel", "avx2 fma avx512f");
        assertEquals(256, intel.gflops(), 1e-9);
        String text = intel.describe(64);
        assertTrue(text.startsWith("256 GFLOP/s (2 x 2000 MHz x 64 flops a cycle, avx512f"), text);
        assertTrue(text.endsWith("measured 25 % of it"), text);
        assertTrue(GemmProbe.Peak.estimate(List.of(), 2).describe(10).startsWith("unknown"));
    }
}
