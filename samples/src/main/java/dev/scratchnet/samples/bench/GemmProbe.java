package dev.scratchnet.samples.bench;

import dev.scratchnet.buffers.Blas;
import dev.scratchnet.buffers.Matrix;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The bench header's limit: float32 GEMM of {@value #SIZE}³ through the bundled OpenBLAS on one thread
 * and on every processor (best of {@value #RUNS}), against an estimate of this CPU's float32 peak:
 * processors × clock × floating-point operations a cycle. The clock is {@code cpu MHz} of
 * {@code /proc/cpuinfo} (what the kernel last saw; turbo may run higher, a throttled virtual CPU
 * lower); the operations a cycle come from the flags and the vendor: two fused multiply-add units
 * of 16 float32 lanes on Intel with {@code avx512f} and on AMD from Zen 5 ({@code cpu family} 26) on
 * (64), two 256-bit ones on older AMD (Zen 2 to 4 run AVX-512 through them) or with
 * {@code avx2}+{@code fma} (32), {@code avx} without FMA 16, else 8.
 * Hyperthreads share their core's units, so on a machine that counts them the estimate is twice the
 * truth. A yardstick, not a bound: where {@code cpu MHz} is the base clock and the cores boost above
 * it, a GEMM measures more than 100 % of the estimate (BENCHMARKS.md has such a run).
 */
final class GemmProbe {

    static final int SIZE = 1024;
    static final int RUNS = 5;

    private GemmProbe() {
    }

    /** One line for the bench header: the measured GFLOP/s and the peak estimate with how it was made. */
    static String line() {
        int processors = Runtime.getRuntime().availableProcessors();
        double one = gflops(1);
        double all = processors > 1 ? gflops(processors) : one;
        Peak peak = Peak.estimate(cpuInfo(), processors);
        return String.format("GEMM float32 %d^3: %.0f GFLOP/s on 1 thread, %.0f on %d; peak estimate %s",
                SIZE, one, all, processors, peak.describe(all));
    }

    /** The best of {@link #RUNS} products on {@code threads} OpenBLAS threads, in GFLOP/s; the count put back after. */
    private static double gflops(int threads) {
        Matrix a = Matrix.create(DataType.FLOAT, SIZE, SIZE);
        Matrix b = Matrix.create(DataType.FLOAT, SIZE, SIZE);
        Matrix c = Matrix.create(DataType.FLOAT, SIZE, SIZE);
        a.array().assign(Nd4j.rand(DataType.FLOAT, SIZE, SIZE));
        b.array().assign(Nd4j.rand(DataType.FLOAT, SIZE, SIZE));
        int before = Nd4j.factory().blas().getMaxThreads();
        Nd4j.factory().blas().setMaxThreads(threads);
        try {
            long best = Long.MAX_VALUE;
            for (int run = 0; run <= RUNS; run++) {
                long start = System.nanoTime();
                Blas.gemm(false, false, SIZE, SIZE, SIZE, 1, a, b, 0, c);
                long took = System.nanoTime() - start;
                // the first run pays for the threads' start and the pages' first touch
                best = run == 0 ? best : Math.min(best, took);
            }
            return 2.0 * SIZE * SIZE * SIZE / best;
        } finally {
            Nd4j.factory().blas().setMaxThreads(before);
        }
    }

    private static List<String> cpuInfo() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** A float32 peak: processors × MHz × operations a cycle, and the evidence. */
    record Peak(int processors, double megahertz, int flopsPerCycle, String why) {

        /** AMD's {@code cpu family} from Zen 5 on (26, 0x1A), whose FMA units are 512 bits wide. */
        static final int ZEN_5_FAMILY = 26;

        /** From {@code /proc/cpuinfo}'s lines; 0 MHz when it does not say. */
        static Peak estimate(List<String> cpuInfo, int processors) {
            double megahertz = 0;
            int family = 0;
            String vendor = "";
            List<String> flags = new ArrayList<>();
            for (String line : cpuInfo) {
                String value = line.contains(":") ? line.substring(line.indexOf(':') + 1).trim() : "";
                if (line.startsWith("cpu MHz") && megahertz == 0) {
                    megahertz = Double.parseDouble(value);
                } else if (line.startsWith("cpu family") && family == 0) {
                    family = Integer.parseInt(value);
                } else if (line.startsWith("vendor_id") && vendor.isEmpty()) {
                    vendor = value;
                } else if (line.startsWith("flags") && flags.isEmpty()) {
                    flags.addAll(Arrays.asList(value.split(" ")));
                }
            }
            boolean amd = vendor.equals("AuthenticAMD");
            if (flags.contains("avx512f") && !amd) {
                return new Peak(processors, megahertz, 64, "avx512f: 2 FMA units x 16 lanes x 2");
            }
            if (flags.contains("avx512f") && family >= ZEN_5_FAMILY) {
                return new Peak(processors, megahertz, 64, "AMD family " + family + ", avx512f: 2 FMA units x 16 lanes x 2");
            }
            if (flags.contains("fma") && (flags.contains("avx2") || amd)) {
                return new Peak(processors, megahertz, 32, (amd ? "AMD" + (flags.contains("avx512f") ? ", avx512f" : "")
                        : "avx2+fma") + ": 2 FMA units x 8 lanes x 2");
            }
            if (flags.contains("avx")) {
                return new Peak(processors, megahertz, 16, "avx: 8-lane add + 8-lane multiply");
            }
            return new Peak(processors, megahertz, 8, "sse: 4-lane add + 4-lane multiply");
        }

        double gflops() {
            return processors * megahertz * flopsPerCycle / 1000;
        }

        /** E.g. {@code 134 GFLOP/s (2 x 2096 MHz x 32 flops a cycle, AMD: …); measured 61 % of it}. */
        String describe(double measured) {
            if (megahertz == 0) {
                return "unknown (no cpu MHz in /proc/cpuinfo)";
            }
            return String.format("%.0f GFLOP/s (%d x %.0f MHz x %d flops a cycle, %s); measured %.0f %% of it",
                    gflops(), processors, megahertz, flopsPerCycle, why, 100 * measured / gflops());
        }
    }
}
