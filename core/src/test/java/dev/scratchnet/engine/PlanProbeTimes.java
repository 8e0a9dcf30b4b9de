package dev.scratchnet.engine;

import dev.scratchnet.Activation;
import dev.scratchnet.Layer;
import dev.scratchnet.Loss;
import dev.scratchnet.Network;
import dev.scratchnet.buffers.Matrix;
import dev.scratchnet.internal.Permutation;
import dev.scratchnet.kernels.LossKernel;
import dev.scratchnet.ops.OpTable;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.StringJoiner;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Whether the plan probe chooses what a long run says is fastest. Not a test: run it by hand on a
 * quiet machine (docs/speed.md, "Choosing a plan", gives the command). For W2's shape and the scale
 * table's cells (784-H-10, H of 64, 256, 1024, 2048, batches of 16, 64, 256), each in a fresh JVM as
 * a first fit meets it:
 * <ol>
 *   <li>the probe as {@link FastArithmetic} runs it ({@link StepTimer}), first, on cold code: what it
 *       measured for each candidate, its timed steps, and what it chose ({@link TrainingPlans#fastest});</li>
 *   <li>then the probe of before ({@link #formerProbe}: one step of each in turn, the first round
 *       untimed, until 5 ms after two rounds, each one's fastest step), for comparison;</li>
 *   <li>the probe again, on code the two probes warmed, as a later fit of the process would run it
 *       after a first probe found the JIT busy;</li>
 *   <li>the truth: fused SGD steps of each candidate over random rows in a shuffled order, as a fit
 *       reads them, after a warm-up of 30 steps or 0.3 s each, in {@link #BLOCKS} interleaved blocks of
 *       10 to 60 steps, the median of the blocks' mean step.</li>
 * </ol>
 * Arguments: none for every cell; {@code former} to run the former probe first (cold) instead;
 * {@code warm} to run half a second of each candidate's steps before the probes (a process whose
 * earlier fits compiled the code); a child JVM gets {@code cell WIDTHS BATCH ROWS FIRST}. The last lines are a table of each probe's
 * choice against the best plan of the long run.
 */
final class PlanProbeTimes {

    private static final int BLOCKS = 5;
    private static final long TRUTH_WARM_UP_NANOS = 300_000_000L;
    private static final long BLOCK_NANOS = 400_000_000L;
    private static final int ROWS = 8000;

    private PlanProbeTimes() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("cell")) {
            cell(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), args[4]);
            return;
        }
        String first = args.length > 0 && (args[0].equals("former") || args[0].equals("warm")) ? args[0] : "probe";
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[] {"784-256-128-10", "64"});
        for (int hidden : new int[] {64, 256, 1024, 2048}) {
            for (int batch : new int[] {16, 64, 256}) {
                cells.add(new String[] {"784-" + hidden + "-10", String.valueOf(batch)});
            }
        }
        System.out.printf(Locale.ROOT, "%d processors, load average %.2f at the start; cold first: %s%n",
                Runtime.getRuntime().availableProcessors(), load(), first);
        List<String> results = new ArrayList<>();
        for (String[] cell : cells) {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-cp", System.getProperty("java.class.path"), PlanProbeTimes.class.getName(), "cell",
                    cell[0], cell[1], String.valueOf(ROWS), first));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putIfAbsent("OMP_NUM_THREADS", "1");
            Process child = builder.start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("RESULT ")) {
                        results.add(line.substring("RESULT ".length()));
                    } else if (!line.contains("SLF4J") && !line.startsWith("[main] INFO")) {
                        System.out.println(line);
                    }
                }
            }
            child.waitFor();
        }
        System.out.printf(Locale.ROOT, "%nload average %.2f at the end%n%n", load());
        System.out.printf("%-20s %-16s %-30s %-30s %-24s%n", "cell", "best (long run)", "probe: choice, x best",
                "probe again: choice, x best", "former probe");
        results.forEach(System.out::println);
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static void cell(String widthsText, int batch, int rows, String first) {
        int[] widths = Arrays.stream(widthsText.split("-")).mapToInt(Integer::parseInt).toArray();
        Network.Builder builder = Network.builder().seed(1);
        for (int i = 0; i + 1 < widths.length; i++) {
            builder.dense(widths[i], widths[i + 1], i + 2 < widths.length ? Activation.RELU : Activation.SOFTMAX);
        }
        List<Layer> layers = builder.build().layers();
        DataType dataType = DataType.FLOAT;
        LossKernel kernel = OpTable.of(Loss.CROSS_ENTROPY).orElseThrow().kernel().apply(Loss.CROSS_ENTROPY);
        boolean fused = OpTable.fused(Activation.SOFTMAX, Loss.CROSS_ENTROPY);
        long workPerRow = 0;
        for (Layer layer : layers) {
            workPerRow += (long) layer.nIn() * layer.nOut();
        }
        int processors = Runtime.getRuntime().availableProcessors();
        TrainingPlans plans = new TrainingPlans(TrainingThreads.of(0), null, "auto", new TrainingPlans.Machine(
                () -> {
                    throw new java.io.IOException("not used");
                }, "none", processors, () -> 0));
        PlanChoice rule = plans.rule(batch, workPerRow);
        List<PlanChoice> candidates = plans.candidates(batch, rule);
        String name = widthsText + " b" + batch;
        System.out.printf(Locale.ROOT, "%n%s (%,d multiply-adds a batch; rule: %s), load %.2f%n", name,
                batch * workPerRow, rule.id(), load());
        if (candidates.size() < 2) {
            System.out.println("  one candidate only");
            return;
        }
        long stepsAnEpoch = (rows + batch - 1) / batch;
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        PlanChoice probeChoice = null;
        PlanChoice warmChoice = null;
        PlanChoice formerChoice = null;
        String[] order = first.equals("former") ? new String[] {"former", "probe", "probe"}
                : new String[] {"probe", "former", "probe"};
        if (first.equals("warm")) {
            warm(layers, dataType, candidates, kernel, fused, batch);
        }
        for (int run = 0; run < order.length; run++) {
            String which = order[run];
            long jitBefore = jit.getTotalCompilationTime();
            long start = System.nanoTime();
            long[] statistic = null;
            long[][] samples = null;
            int spoiled = 0;
            try (ProbeBatch probeBatch = ProbeBatch.of(layers, dataType, candidates, kernel, fused, batch)) {
                if (which.equals("probe")) {
                    StepTimer.Result result = probeBatch.time(StepTimer.Budget.forFit(stepsAnEpoch));
                    statistic = result.times().orElse(null);
                    samples = result.samples();
                    spoiled = result.spoiled();
                } else {
                    samples = formerProbe(probeBatch.steps());
                    statistic = Arrays.stream(samples).mapToLong(s -> Arrays.stream(s).min().orElseThrow()).toArray();
                }
            }
            double ms = (System.nanoTime() - start) / 1e6;
            PlanChoice chosen = statistic == null ? rule.from("inconclusive") : TrainingPlans.fastest(candidates, statistic);
            System.out.printf(Locale.ROOT, "  %s probe%s: %.1f ms (JIT compiling %d ms meanwhile%s) -> %s%n",
                    which.equals("probe") ? "the" : "the former", run == 2 ? " (again)" : first.equals("warm") ? ""
                    : run == 0 ? " (cold, first)" : "", ms,
                    jit.getTotalCompilationTime() - jitBefore, which.equals("probe") ? ", " + spoiled
                    + " rounds spoiled" : "", statistic == null ? "nothing: the rule, " + rule.id() : chosen.id());
            for (int c = 0; statistic != null && c < candidates.size(); c++) {
                StringJoiner steps = new StringJoiner(" ");
                Arrays.stream(samples[c]).forEach(s -> steps.add(String.format(Locale.ROOT, "%.0f", s / 1e3)));
                System.out.printf(Locale.ROOT, "    %-16s %8.3f ms   steps (us): %s%n", candidates.get(c).id(),
                        statistic[c] / 1e6, steps);
            }
            if (which.equals("probe") && probeChoice == null) {
                probeChoice = chosen;
            } else if (which.equals("probe")) {
                warmChoice = chosen;
            } else {
                formerChoice = chosen;
            }
        }
        double[] truth = truth(layers, dataType, candidates, kernel, fused, batch, rows);
        int best = 0;
        for (int c = 1; c < truth.length; c++) {
            best = truth[c] < truth[best] ? c : best;
        }
        StringJoiner line = new StringJoiner(", ");
        for (int c = 0; c < candidates.size(); c++) {
            line.add(String.format(Locale.ROOT, "%s %.3f ms", candidates.get(c).id(), truth[c] / 1e6));
        }
        System.out.printf(Locale.ROOT, "  long run (median of %d blocks' mean step): %s; load %.2f%n", BLOCKS, line,
                load());
        System.out.printf(Locale.ROOT, "RESULT %-20s %-16s %-30s %-30s %-24s%n", name, candidates.get(best).id(),
                verdict(probeChoice, candidates, truth, best), verdict(warmChoice, candidates, truth, best),
                verdict(formerChoice, candidates, truth, best));
    }

    private static String verdict(PlanChoice chosen, List<PlanChoice> candidates, double[] truth, int best) {
        int c = 0;
        while (!candidates.get(c).id().equals(chosen.id())) {
            c++;
        }
        return String.format(Locale.ROOT, "%s%s, %.2f", chosen.id(), chosen.source().equals("inconclusive")
                ? " (rule: none)" : "", truth[c] / truth[best]);
    }

    /** The probe of before this change, as it was: each step's fastest, one of each in turn, the first round untimed. */
    static long[][] formerProbe(List<Runnable> steps) {
        List<List<Long>> samples = new ArrayList<>();
        steps.forEach(s -> samples.add(new ArrayList<>()));
        long start = System.nanoTime();
        for (int round = 0; round < 64; round++) {
            for (int i = 0; i < steps.size(); i++) {
                long before = System.nanoTime();
                steps.get(i).run();
                long took = System.nanoTime() - before;
                if (round > 0) {
                    samples.get(i).add(took);
                }
            }
            if (round + 1 >= 2 && System.nanoTime() - start >= 5_000_000) {
                break;
            }
        }
        return samples.stream().map(s -> s.stream().mapToLong(Long::longValue).toArray()).toArray(long[][]::new);
    }

    /** Half a second of gradient steps of each candidate: the code a probe runs, compiled, as after earlier fits. */
    private static void warm(List<Layer> layers, DataType dataType, List<PlanChoice> candidates, LossKernel kernel,
                             boolean fused, int batch) {
        try (ProbeBatch probeBatch = ProbeBatch.of(layers, dataType, candidates, kernel, fused, batch)) {
            for (Runnable step : probeBatch.steps()) {
                long start = System.nanoTime();
                while (System.nanoTime() - start < 500_000_000L) {
                    step.run();
                }
            }
        }
    }

    /** Each candidate's long-run nanoseconds a fused SGD step, in the candidates' order. */
    private static double[] truth(List<Layer> layers, DataType dataType, List<PlanChoice> candidates, LossKernel kernel,
                                  boolean fused, int batch, int rows) {
        Random random = new Random(7);
        INDArray features = Nd4j.rand(dataType, rows, layers.get(0).nIn());
        INDArray targets = Nd4j.zeros(dataType, rows, layers.get(layers.size() - 1).nOut());
        for (int r = 0; r < rows; r++) {
            targets.putScalar(r, random.nextInt(targets.columns()), 1.0);
        }
        INDArray x = Matrix.readable(features);
        INDArray y = Matrix.readable(targets);
        int[] order = Permutation.of(rows, random);
        List<TrainingPath> paths = new ArrayList<>();
        int[] next = new int[candidates.size()];
        double[][] blockMeans = new double[candidates.size()][BLOCKS];
        try {
            for (PlanChoice candidate : candidates) {
                paths.add(FastArithmetic.path(layers, dataType, candidate, kernel, fused, batch, null));
            }
            long[] blockSteps = new long[candidates.size()];
            for (int c = 0; c < candidates.size(); c++) {
                long start = System.nanoTime();
                int steps = 0;
                while (steps < 30 || System.nanoTime() - start < TRUTH_WARM_UP_NANOS) {
                    next[c] = step(paths.get(c), x, y, order, next[c], batch, rows);
                    steps++;
                }
                double perStep = (System.nanoTime() - start) / (double) steps;
                blockSteps[c] = Math.max(10, Math.min(60, (long) (BLOCK_NANOS / perStep)));
            }
            for (int block = 0; block < BLOCKS; block++) {
                for (int c = 0; c < candidates.size(); c++) {
                    long start = System.nanoTime();
                    for (long s = 0; s < blockSteps[c]; s++) {
                        next[c] = step(paths.get(c), x, y, order, next[c], batch, rows);
                    }
                    blockMeans[c][block] = (System.nanoTime() - start) / (double) blockSteps[c];
                }
            }
        } finally {
            paths.forEach(TrainingPath::release);
        }
        return Arrays.stream(blockMeans).mapToDouble(means -> {
            double[] sorted = means.clone();
            Arrays.sort(sorted);
            return sorted[sorted.length / 2];
        }).toArray();
    }

    /** One fused SGD step on the batch from {@code from}; where the next batch starts. */
    private static int step(TrainingPath path, INDArray x, INDArray y, int[] order, int from, int batch, int rows) {
        int start = from + batch > rows ? 0 : from;
        path.sgdStep(x, y, order, start, start + batch, 0.01, 0);
        return start + batch;
    }
}
