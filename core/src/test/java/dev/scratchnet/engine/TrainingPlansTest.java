package dev.scratchnet.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scratchnet.Plan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a training plan is chosen, with probes that need no clock: pins, the cache that later
 * processes read, the probe's margin, and the fixed rule when the cache cannot be used. A "process"
 * here is a {@link TrainingPlans} with a memory of its own (its cache name).
 */
class TrainingPlansTest {

    /** W2's shape: 64 rows of 784-256-128-10, 15 million multiply-adds, which the rule splits. */
    private static final long W2_WORK = 784L * 256 + 256L * 128 + 128L * 10;
    private static final String W2 = "float 784-256-128-10 batch 64";
    private static final AtomicInteger PROCESSES = new AtomicInteger();

    @TempDir
    Path temp;

    /** A probe that says the candidates take these times, by plan (a plan not named: far slower), and counts its calls. */
    private static final class FakeProbe implements PlanProbe {
        final Map<Plan, Long> nanos;
        final List<List<PlanChoice>> calls = new ArrayList<>();

        FakeProbe(Map<Plan, Long> nanos) {
            this.nanos = nanos;
        }

        @Override
        public Optional<long[]> time(List<PlanChoice> candidates) {
            calls.add(candidates);
            return Optional.of(candidates.stream().mapToLong(c -> nanos.getOrDefault(c.plan(), 1_000_000L)).toArray());
        }
    }

    private TrainingPlans process(Path directory, Plan pinned, String mode, int requestedThreads) {
        return new TrainingPlans(TrainingThreads.of(requestedThreads), pinned, mode, machine(directory, 2, 0.5));
    }

    /** A machine of {@code processors} whose cache lies in {@code directory}, at {@code load}; a process of its own. */
    private static TrainingPlans.Machine machine(Path directory, int processors, double load) {
        return new TrainingPlans.Machine(() -> PlanCache.open(directory, "machine"),
                directory + "#" + PROCESSES.incrementAndGet(), processors, () -> load);
    }

    private TrainingPlans process(Path directory) {
        return process(directory, null, "auto", 0);
    }

    @Test
    void aProbeChoosesOnceAndLaterProcessesReadTheCache() {
        Path cache = temp.resolve("scratchnet/plans");
        FakeProbe probe = new FakeProbe(Map.of(Plan.SPLIT_ROWS, 100L, Plan.ONE_THREAD, 150L, Plan.THREADED_BLAS, 80L));
        PlanChoice first = process(cache).choose(64, W2_WORK, W2, probe);
        assertEquals("threaded-blas 2", first.id());
        assertTrue(first.source().matches("probe, \\d+\\.\\d ms"), first.source());
        // the rule's choice is timed first, then the others once each
        assertEquals(List.of("split-rows 2", "one-thread", "split-products 2", "threaded-blas 2"),
                probe.calls.get(0).stream().map(PlanChoice::id).toList());
        FakeProbe never = new FakeProbe(Map.of());
        PlanChoice later = process(cache).choose(64, W2_WORK, W2, never);
        assertEquals("threaded-blas 2 (cache)", later.describe());
        assertTrue(never.calls.isEmpty(), "a later process measured again");
        // another shape is measured on its own
        process(cache).choose(16, W2_WORK, "float 784-256-128-10 batch 16", probe);
        assertEquals(2, probe.calls.size());
    }

    /**
     * The rule on a 2-processor machine, on the scale table's cells (784-H-10) and W2's shape: rows
     * from 64 a thread; products where rows would be fewer and the products large; rows from 16 a
     * thread; one thread for small batches of small products.
     */
    @Test
    void theRuleSplitsProductsWhereBlocksOfRowsWouldBeShort() {
        TrainingPlans plans = process(temp.resolve("rule"), null, "rule", 0);
        java.util.function.IntFunction<Long> cell = width -> 784L * width + width * 10L;
        assertEquals("one-thread", plans.rule(16, cell.apply(64)).id());
        assertEquals("split-rows 2", plans.rule(64, cell.apply(64)).id());
        assertEquals("split-rows 2", plans.rule(256, cell.apply(64)).id());
        assertEquals("one-thread", plans.rule(16, cell.apply(256)).id());
        assertEquals("split-rows 2", plans.rule(64, cell.apply(256)).id());
        assertEquals("split-products 2", plans.rule(16, cell.apply(1024)).id());
        assertEquals("split-products 2", plans.rule(64, cell.apply(1024)).id());
        assertEquals("split-rows 2", plans.rule(256, cell.apply(1024)).id());
        assertEquals("split-products 2", plans.rule(64, cell.apply(2048)).id());
        assertEquals("split-rows 2", plans.rule(256, cell.apply(2048)).id());
        assertEquals("split-rows 2", plans.rule(64, W2_WORK).id());
        TrainingPlans single = new TrainingPlans(TrainingThreads.of(0), null, "rule", machine(temp.resolve("one"), 1, 0));
        assertEquals("one-thread", single.rule(16, cell.apply(2048)).id());
    }

    @Test
    void aBusyMachineTakesTheRuleAndKeepsNothing() {
        FakeProbe probe = new FakeProbe(Map.of(Plan.SPLIT_ROWS, 100L, Plan.ONE_THREAD, 10L, Plan.THREADED_BLAS, 10L));
        Path cache = temp.resolve("plans");
        PlanChoice busy = new TrainingPlans(TrainingThreads.of(0), null, "auto", machine(cache, 2, 2.5))
                .choose(64, W2_WORK, W2, probe);
        assertEquals("split-rows 2 (rule: the machine is busy (load 2.5 on 2 processors), so nothing was measured)",
                busy.describe());
        assertTrue(probe.calls.isEmpty());
        // once quiet, the shape is measured and kept
        PlanChoice quiet = new TrainingPlans(TrainingThreads.of(0), null, "auto", machine(cache, 2, 2.0))
                .choose(64, W2_WORK, W2, probe);
        assertEquals("one-thread", quiet.id());
    }

    @Test
    void aProbeThatFoundTheJitBusyKeepsNothingAndALaterFitProbesAgain() throws IOException {
        Path cache = temp.resolve("plans");
        List<List<PlanChoice>> calls = new ArrayList<>();
        PlanProbe busy = candidates -> {
            calls.add(candidates);
            return Optional.empty();
        };
        TrainingPlans process = process(cache);
        PlanChoice first = process.choose(64, W2_WORK, W2, busy);
        assertEquals("split-rows 2", first.id());
        assertTrue(first.source().matches("rule: the probe \\(\\d+\\.\\d ms\\) found too few rounds that the JIT or the "
                + "collector left alone, so nothing was kept"), first.source());
        assertTrue(PlanCache.open(cache, "machine").get(W2).isEmpty(), "an unmeasured choice was kept");
        // the process tries again at its next fits, and gives up after a few
        for (int fit = 1; fit < TrainingPlans.PROBE_ATTEMPTS; fit++) {
            process.choose(64, W2_WORK, W2, busy);
        }
        assertEquals(TrainingPlans.PROBE_ATTEMPTS, calls.size());
        PlanChoice after = process.choose(64, W2_WORK, W2, busy);
        assertEquals("split-rows 2 (rule: 3 probes in this process found too few rounds that the JIT or the collector "
                + "left alone, so nothing was kept)", after.describe());
        assertEquals(TrainingPlans.PROBE_ATTEMPTS, calls.size(), "probed after giving up");
        // a probe that measures is kept as ever
        FakeProbe quiet = new FakeProbe(Map.of(Plan.SPLIT_ROWS, 100L, Plan.ONE_THREAD, 50L, Plan.THREADED_BLAS, 80L));
        assertEquals("one-thread", process(cache).choose(64, W2_WORK, W2, quiet).id());
        assertEquals("one-thread", PlanCache.open(cache, "machine").get(W2).orElseThrow());
    }

    @Test
    void aSmallBatchIsNotMeasured() {
        FakeProbe probe = new FakeProbe(Map.of());
        PlanChoice w1 = process(temp.resolve("plans")).choose(15, 64 * 15 + 15 * 10, "float 64-15-10 batch 15", probe);
        assertEquals("one-thread (rule)", w1.describe());
        assertTrue(probe.calls.isEmpty());
        assertTrue(Files.notExists(temp.resolve("plans")), "nothing to keep, nothing written");
    }

    @Test
    void theCacheDirectoryIsMadePrivate() throws IOException {
        Path cache = temp.resolve("fresh/scratchnet/plans");
        process(cache).choose(64, W2_WORK, W2, new FakeProbe(Map.of(Plan.SPLIT_ROWS, 1L, Plan.ONE_THREAD, 2L,
                Plan.THREADED_BLAS, 3L)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cache)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cache.getParent())));
        assertEquals("split-rows 2", PlanCache.open(cache, "machine").get(W2).orElseThrow());
    }

    @Test
    void theRulesChoiceStaysUnlessAnotherIsClearlyFaster() {
        FakeProbe close = new FakeProbe(Map.of(Plan.SPLIT_ROWS, 100L, Plan.ONE_THREAD, 92L, Plan.THREADED_BLAS, 99L));
        assertEquals("split-rows 2", process(temp.resolve("a")).choose(64, W2_WORK, W2, close).id());
        FakeProbe clear = new FakeProbe(Map.of(Plan.SPLIT_ROWS, 100L, Plan.ONE_THREAD, 85L, Plan.THREADED_BLAS, 89L));
        assertEquals("one-thread", process(temp.resolve("b")).choose(64, W2_WORK, W2, clear).id());
    }

    @Test
    void anUnusableCacheMeansTheRuleAndNoProbe() throws IOException {
        FakeProbe probe = new FakeProbe(Map.of(Plan.SPLIT_ROWS, 100L, Plan.ONE_THREAD, 10L, Plan.THREADED_BLAS, 10L));
        TrainingPlans unwritable = new TrainingPlans(TrainingThreads.of(0), null, "auto",
                new TrainingPlans.Machine(() -> {
                    throw new IOException("read-only file system");
                }, "nowhere", 2, () -> 0.5));
        PlanChoice choice = unwritable.choose(64, W2_WORK, W2, probe);
        assertEquals("split-rows 2", choice.id());
        assertTrue(choice.source().startsWith("rule: the plan cache nowhere cannot be used: read-only"), choice.source());
        // a directory others may write is refused, not trusted
        Path shared = Files.createDirectories(temp.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        PlanChoice refused = process(shared).choose(64, W2_WORK, W2, probe);
        assertTrue(refused.source().contains("writable by group or others"), refused.source());
        assertTrue(probe.calls.isEmpty(), "probed without a cache to keep the choice");
        // the rule keeps one thread below 1,048,576 multiply-adds a batch: W1's 15 digits through 64-15-10
        assertEquals("one-thread", unwritable.choose(15, 64 * 15 + 15 * 10, "float 64-15-10 batch 15", probe).id());
    }

    @Test
    void aDamagedEntryIsMeasuredAgain() throws IOException {
        Path cache = temp.resolve("plans");
        PlanCache.open(cache, "machine").putIfAbsent(W2, "split-rows 99", id -> true);
        FakeProbe probe = new FakeProbe(Map.of(Plan.SPLIT_ROWS, 100L, Plan.ONE_THREAD, 50L, Plan.THREADED_BLAS, 80L));
        assertTrue(process(cache).choose(64, W2_WORK, W2, probe).describe().startsWith("one-thread (probe, "));
        Files.writeString(cache.resolve("machine.properties"), "\\u00zz broken");
        assertEquals("one-thread", process(cache).choose(64, W2_WORK, W2, probe).id());
        assertEquals(2, probe.calls.size());
    }

    @Test
    void pinsAndTheRuleModeNeverProbe() {
        FakeProbe probe = new FakeProbe(Map.of());
        Path cache = temp.resolve("plans");
        assertEquals("threaded-blas 2 (Network.Builder.plan)",
                process(cache, Plan.THREADED_BLAS, "auto", 0).choose(64, W2_WORK, W2, probe).describe());
        assertEquals("threaded-blas 4 (Network.Builder.plan)",
                process(cache, Plan.THREADED_BLAS, "auto", 4).choose(64, W2_WORK, W2, probe).describe());
        assertEquals("split-rows 2 (Network.Builder.plan)",
                process(cache, Plan.SPLIT_ROWS, "auto", 0).choose(16, 10, "tiny", probe).describe());
        assertEquals("one-thread (Network.Builder.threads)",
                process(cache, null, "auto", 1).choose(64, W2_WORK, W2, probe).describe());
        assertEquals("split-rows 3 (Network.Builder.threads)",
                process(cache, null, "auto", 3).choose(64, W2_WORK, W2, probe).describe());
        assertEquals("one-thread (system property scratchnet.plan)",
                process(cache, null, "one-thread", 0).choose(64, W2_WORK, W2, probe).describe());
        assertEquals("split-rows 2 (rule, scratchnet.plan=rule)",
                process(cache, null, "rule", 0).choose(64, W2_WORK, W2, probe).describe());
        assertTrue(probe.calls.isEmpty());
        assertTrue(Files.notExists(cache), "a pinned plan wrote the cache");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> process(cache, null, "fastest", 0));
        assertEquals("scratchnet.plan must be auto, rule, one-thread, split-rows, threaded-blas or split-products, was "
                + "\"fastest\"",
                e.getMessage());
    }

    @Test
    void withoutThePropertyTheDefaultModeDecides() {
        FakeProbe probe = new FakeProbe(Map.of(Plan.SPLIT_ROWS, 100L, Plan.ONE_THREAD, 50L, Plan.THREADED_BLAS, 80L));
        TrainingPlans unset = process(temp.resolve("plans"), null, null, 0);
        PlanChoice choice = unset.choose(64, W2_WORK, W2, probe);
        if (TrainingPlans.DEFAULT_MODE.equals("rule")) {
            assertEquals("split-rows 2 (rule, the default)", choice.describe());
            assertTrue(probe.calls.isEmpty());
        } else {
            assertEquals("auto", TrainingPlans.DEFAULT_MODE);
            assertTrue(choice.describe().startsWith("one-thread (probe, "), choice.describe());
        }
    }

    @Test
    void aResumeTakesTheCheckpointsPlanOverEverything() {
        TrainingPlans plans = process(temp.resolve("plans"), Plan.ONE_THREAD, "auto", 0);
        plans.resume("split-rows 3");
        assertEquals("split-rows 3 (checkpoint)", plans.choose(64, W2_WORK, W2, new FakeProbe(Map.of())).describe());
        assertEquals("split-rows 3 (checkpoint) for batches of 64", plans.describe());
        TrainingPlans products = process(temp.resolve("products"), Plan.ONE_THREAD, "auto", 0);
        products.resume("split-products 2");
        assertEquals("split-products 2 (checkpoint)", products.choose(16, W2_WORK, W2, new FakeProbe(Map.of())).describe());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> products.resume("split-products"));
        assertEquals("a plan is written as one-thread, split-rows N, threaded-blas N or split-products N, was "
                + "\"split-products\"", e.getMessage());
    }

    @Test
    void oneProcessorLeavesNothingToChoose() {
        FakeProbe probe = new FakeProbe(Map.of());
        TrainingPlans single = new TrainingPlans(TrainingThreads.of(0), null, "auto", machine(temp.resolve("plans"), 1, 0));
        assertEquals("one-thread", single.choose(64, W2_WORK, W2, probe).id());
        assertTrue(probe.calls.isEmpty());
    }

    @Test
    void theMachineKeyChangesWithTheCpuTheProcessorsAndTheVersion() {
        String key = MachineKey.hash("AMD EPYC 7B13", 2, "1.0");
        assertEquals(16, key.length());
        assertTrue(!key.equals(MachineKey.hash("Intel Xeon", 2, "1.0")) && !key.equals(MachineKey.hash("AMD EPYC 7B13", 4,
                "1.0")) && !key.equals(MachineKey.hash("AMD EPYC 7B13", 2, "1.1")));
        assertEquals(Path.of("/x/scratchnet/plans"), PlanCache.location(Map.of("XDG_CACHE_HOME", "/x"), "/home/u"));
        assertEquals(Path.of("/home/u/.cache/scratchnet/plans"), PlanCache.location(Map.of(), "/home/u"));
        assertEquals(Path.of("/home/u/.cache/scratchnet/plans"),
                PlanCache.location(Map.of("XDG_CACHE_HOME", "relative"), "/home/u"));
    }
}
