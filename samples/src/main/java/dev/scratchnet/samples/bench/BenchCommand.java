package dev.scratchnet.samples.bench;

import com.sun.management.HotSpotDiagnosticMXBean;
import dev.scratchnet.Backend;
import dev.scratchnet.Setup;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.DoubleSupplier;
import java.util.stream.Stream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./scratchnet bench}: times the workloads of {@link Workloads} through the public API after a
 * warm-up, runs the numpy reference in the same invocation when python3 with numpy is present, and
 * prints medians, spreads and ratios (scratchnet ÷ numpy: below 1 means scratchnet is faster). Both
 * sides are timed in rounds, each round every selected workload once and then the numpy reference,
 * so that a busy or a quiet minute on a shared machine falls on both sides alike; in a round each
 * workload runs untimed right before its timed run, on both sides.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time training and inference (W1-W3) against a numpy reference run side by side.")
public final class BenchCommand implements Callable<Integer> {

    private static final String[] NAMES = {"W1", "W2", "W3", "W3B", "W3R", "W3RB", "W3O", "W3OB"};
    /** The workloads the numpy reference runs; the deployed rows compare with W3's and W3B's. */
    private static final Map<String, String> NUMPY_ROW = Map.of("W1", "W1", "W2", "W2", "W3", "W3", "W3B", "W3B",
            "W3R", "W3", "W3RB", "W3B", "W3O", "W3", "W3OB", "W3B");
    private static final long WARM_UP_NANOS = 1_000_000_000L;
    private static final long ROUND_WARM_UP_NANOS = 200_000_000L;
    private static final Map<String, String> TITLES = Map.of(
            "W1", "W1 digits 64-15-10, batch 15, 100 epochs",
            "W2", "W2 784-256-128-10, batch 64, 5 x 8000",
            "W3", "W3 inference, one image per call",
            "W3B", "W3 inference, all images in one call",
            "W3R", "W3 scratchnet-runtime, one image per call",
            "W3RB", "W3 scratchnet-runtime, all in one call",
            "W3O", "W3 ONNX Runtime, one image per call",
            "W3OB", "W3 ONNX Runtime, all in one call");

    @Option(names = "--data", description = "directory with MNIST IDX files (default: random MNIST-shaped data)")
    Path data;

    @Option(names = "--repeats", description = "rounds of timed runs, each every workload once and then the numpy"
            + " reference, after a first warm-up of at least a second per workload (default: ${DEFAULT-VALUE})")
    int repeats = 5;

    @Option(names = "--samples", description = "test images for W3 (default: ${DEFAULT-VALUE})")
    int samples = 2000;

    @Option(names = "--only", split = ",", description = "workloads to run: W1, W2, W3, W3B, W3R, W3RB (the runtime), W3O, W3OB (ONNX Runtime) (default: all)")
    List<String> only = List.of(NAMES);

    @Option(names = "--no-numpy", description = "skip the numpy reference")
    boolean noNumpy;

    @Option(names = "--no-startup", description = "skip the start-up probe")
    boolean noStartup;

    @Option(names = "--numpy-default-threads", description = "run the numpy reference of W1-W3 on numpy's default"
            + " threads (one per core) instead of the launcher's OMP_NUM_THREADS=1")
    boolean numpyDefaultThreads;

    @Option(names = "--scale", description = "only the scaling table: 784-H-10 for H in 64, 256, 1024, 2048 and batches of"
            + " 16, 64, 256, one epoch over 8000 rows each, scratchnet with its default training threads and with one,"
            + " numpy with its default threads and with one")
    boolean scale;

    @Option(names = "--scale-repeats", description = "timed runs per cell of --scale (default: ${DEFAULT-VALUE})")
    int scaleRepeats = 3;

    @Option(names = "--scale-cells", split = ",", description = "cells of --scale as HxBATCH, e.g. 256x64,2048x256 (default: all 12)")
    List<String> scaleCells = List.of();

    @Option(names = "--micro", description = "only the per-call costs of ND4J entry points against direct BLAS and Java loops")
    boolean micro;

    @Override
    public Integer call() throws Exception {
        if (micro) {
            MicroBench.run();
            return 0;
        }
        // generated data and the numpy reference's files; removed when the run ends, however it ends
        Path workDir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "scratchnet-bench");
        try {
            return benchmark(workDir);
        } finally {
            deleteTree(workDir);
        }
    }

    private int benchmark(Path workDir) throws IOException, InterruptedException {
        Path mnistDir = data;
        String dataText = data == null ? "random MNIST-shaped IDX files (10000 train, " + samples + " test)" : data.toString();
        if (mnistDir == null) {
            mnistDir = Files.createDirectory(workDir.resolve("mnist"));
            SyntheticMnist.write(mnistDir, 10000, samples, 1);
        }
        printSetting(dataText);
        Workloads workloads = new Workloads(mnistDir, samples);
        if (scale) {
            new ScaleBench(workloads.mnistTrain(), scaleRepeats, scaleCells).run(mnistDir, workDir, !noNumpy);
            return 0;
        }
        // the saved and exported model and the ONNX Runtime session only when a deployed row runs
        boolean deployed = only.stream().anyMatch(name -> name.startsWith("W3R") || name.startsWith("W3O"));
        Map<String, List<Double>> ourRuns = new LinkedHashMap<>();
        Map<String, List<Double>> numpyRuns = new LinkedHashMap<>();
        try (Deployments deployments = deployed
                ? new Deployments(workloads.served(), workloads.testImages(), workDir) : null) {
            Map<String, DoubleSupplier> runs = Map.of("W1", workloads::w1, "W2", workloads::w2,
                    "W3", workloads::w3Single, "W3B", workloads::w3Batched,
                    "W3R", () -> deployments.runtimeSingle(), "W3RB", () -> deployments.runtimeBatched(),
                    "W3O", () -> deployments.onnxSingle(), "W3OB", () -> deployments.onnxBatched());
            List<String> timed = new ArrayList<>();
            for (String name : NAMES) {
                if (name.startsWith("W3O") && only.contains(name) && !deployments.hasOnnxRuntime()) {
                    System.out.println(name + " skipped: ONNX Runtime is not on the class path (see BENCHMARKS.md, "
                            + "\"ONNX Runtime\")");
                } else if (only.contains(name)) {
                    timed.add(name);
                    warmUp(runs.get(name), WARM_UP_NANOS);
                }
            }
            String numpyRows = numpyRows();
            // in rounds, so that a neighbour's busy minute or a quiet one falls on both sides alike; in
            // each, a workload runs untimed right before its timed run, as the numpy reference's do
            for (int round = 0; round < repeats; round++) {
                for (String name : timed) {
                    warmUp(runs.get(name), ROUND_WARM_UP_NANOS);
                    ourRuns.computeIfAbsent(name, key -> new ArrayList<>()).add(runs.get(name).getAsDouble());
                }
                if (numpyRows != null) {
                    Timings.addRound(numpyRuns, NumpyReference.run(mnistDir, 1, samples, numpyRows,
                            numpyDefaultThreads, workDir));
                }
            }
        }
        Map<String, Timings> ours = Timings.byName(ourRuns);
        Map<String, Timings> numpy = Timings.byName(numpyRuns);
        printTable(ours, numpy);
        if (ours.containsKey("W2")) {
            printGemmFloor(ours.get("W2"), workloads.w2Examples());
        }
        if (!noStartup) {
            printStartup();
            printRuntimeStartup(workDir);
        }
        return 0;
    }

    /** Deletes {@code directory} and everything below it, deepest entries first. */
    private static void deleteTree(Path directory) throws IOException {
        try (Stream<Path> entries = Files.walk(directory)) {
            for (Path entry : entries.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(entry);
            }
        }
    }

    /**
     * Runs a workload untimed at least once and for at least {@code nanos}: a second before the first
     * round, so that the JIT has compiled its loops (W3B's 4 ms runs need dozens) and the timed runs
     * measure compiled code; a fifth of one before each timed run, so that it finds its helper threads,
     * buffers and caches as its previous runs left them, not as the other workloads and the numpy
     * reference did.
     */
    private static void warmUp(DoubleSupplier run, long nanos) {
        long warmUpEnd = System.nanoTime() + nanos;
        do {
            run.getAsDouble();
        } while (System.nanoTime() < warmUpEnd);
    }

    /** The numpy reference's rows for the selected workloads, or null (saying why) when it cannot run. */
    private String numpyRows() {
        if (noNumpy) {
            return null;
        }
        String reason = NumpyReference.unavailableReason();
        if (reason != null) {
            System.out.println("numpy reference skipped: " + reason);
            return null;
        }
        return String.join(",", List.of(NAMES).stream().filter(only::contains).map(NUMPY_ROW::get).distinct().toList());
    }

    private static void printSetting(String dataText) {
        Setup.apply();
        String summary = Workloads.mnistNetwork().summary();
        System.out.printf("scratchnet bench: %d cores, engine %s, native threads %s, training threads %s,"
                        + " training plan %s, OMP_NUM_THREADS=%s, OPENBLAS_CORETYPE=%s%n",
                Runtime.getRuntime().availableProcessors(), Backend.byDefault(), Setup.nativeThreads(),
                summaryValue(summary, "training threads: "), summaryValue(summary, "training plan: "),
                System.getenv().getOrDefault("OMP_NUM_THREADS", "(unset)"),
                System.getenv().getOrDefault("OPENBLAS_CORETYPE", "(unset)"));
        System.out.println(GemmProbe.line());
        System.out.println("JVM: Java " + System.getProperty("java.version") + ", heap on "
                + (heapOnHugePages() ? "transparent huge pages (-XX:+UseTransparentHugePages, the launcher's default)"
                        : "the kernel's default pages"));
        System.out.println("data: " + dataText);
    }

    /** Whether this JVM asked for its heap on transparent huge pages (false when it cannot tell). */
    private static boolean heapOnHugePages() {
        try {
            return Boolean.parseBoolean(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                    .getVMOption("UseTransparentHugePages").getValue());
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The rest of the summary's line after {@code label}, or {@code ?}. */
    static String summaryValue(String summary, String label) {
        int at = summary.lastIndexOf(label);
        if (at < 0) {
            return "?";
        }
        int end = summary.indexOf('\n', at);
        return summary.substring(at + label.length(), end < 0 ? summary.length() : end).strip();
    }

    private void printTable(Map<String, Timings> ours, Map<String, Timings> numpy) {
        System.out.printf("%n%-42s %-28s %-12s %s%n", "workload (median of " + repeats + ")", "scratchnet (min-max)",
                numpyDefaultThreads ? "numpy default" : "numpy", "ratio");
        for (Map.Entry<String, Timings> entry : ours.entrySet()) {
            Timings mine = entry.getValue();
            Timings theirs = numpy.get(NUMPY_ROW.get(entry.getKey()));
            boolean perImage = entry.getKey().startsWith("W3");
            System.out.printf("%-42s %-28s %-12s %s%n", TITLES.get(entry.getKey()),
                    format(mine.median(), perImage) + " (" + format(mine.min(), perImage) + "-"
                            + format(mine.max(), perImage) + ")",
                    theirs == null ? "-" : format(theirs.median(), perImage),
                    theirs == null ? "-" : String.format("%.2f", mine.median() / theirs.median()));
        }
        System.out.println("timed in " + repeats + " rounds: in each, every workload above, then the numpy reference"
                + " (a new python3 process); each workload runs untimed right before its timed run (scratchnet's"
                + " for 0.2 s, numpy's once)");
    }

    private static String format(double seconds, boolean perImage) {
        return perImage ? String.format("%.1f us", seconds * 1e6) : String.format("%.3f s", seconds);
    }

    /** W2 against 6 · parameters · examples floating-point operations at this machine's large-GEMM speed. */
    private static void printGemmFloor(Timings w2, int examples) {
        double flops = 6.0 * Workloads.mnistNetwork().parameterCount() * examples * 5;
        double gflops = largeGemmGflops();
        double floor = flops / (gflops * 1e9);
        System.out.printf("%nW2 GEMM floor: 6 x %d parameters x %d examples / %.0f GFLOP/s (1024^3 float32 gemm) = %.3f s;"
                + " W2 runs at %.2f x the floor%n", Workloads.mnistNetwork().parameterCount(), examples * 5, gflops, floor,
                w2.median() / floor);
    }

    private static double largeGemmGflops() {
        INDArray a = Nd4j.rand(DataType.FLOAT, 1024, 1024);
        INDArray b = Nd4j.rand(DataType.FLOAT, 1024, 1024);
        INDArray c = Nd4j.create(DataType.FLOAT, 1024, 1024);
        double[] rates = new double[7];
        for (int i = 0; i < rates.length; i++) {
            long start = System.nanoTime();
            Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
            rates[i] = 2.0 * 1024 * 1024 * 1024 / (System.nanoTime() - start);
        }
        java.util.Arrays.sort(rates);
        return rates[rates.length / 2];
    }

    /**
     * The runtime's start-up: a fresh JVM whose class path holds only the probe's code, the runtime
     * and the kernels loads a saved 64-15-10 model and predicts one row.
     */
    private static void printRuntimeStartup(Path workDir) throws IOException, InterruptedException {
        Path model = workDir.resolve("startup.zip");
        Workloads.digitsNetwork().save(model);
        String classPath = String.join(java.io.File.pathSeparator, location(RuntimeStartupProbe.class),
                location(dev.scratchnet.runtime.Model.class), location(dev.scratchnet.kernels.ActivationFacts.class));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Double> prediction = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Process process = new ProcessBuilder(java, "-cp", classPath, RuntimeStartupProbe.class.getName(),
                    model.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String[] lines = new String(process.getInputStream().readAllBytes()).trim().split("\n");
            if (process.waitFor() != 0) {
                System.out.println("runtime start-up probe failed");
                return;
            }
            prediction.add(Double.parseDouble(lines[lines.length - 1].trim()) / 1000);
        }
        System.out.printf("runtime start-up (median of 3 fresh JVMs, class path: scratchnet-runtime, scratchnet-kernels"
                + " and the probe, no ND4J): model loaded and first prediction %.2f s after JVM start%n",
                new Timings(prediction).median());
    }

    /** The jar or class folder {@code type} was loaded from. */
    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void printStartup() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Double> prediction = new ArrayList<>();
        List<Double> epoch = new ArrayList<>();
        // the probe starts as this JVM did, class-data-sharing archive included (the launcher passes one)
        List<String> command = new ArrayList<>(List.of(java));
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(argument -> argument.startsWith("-XX:SharedArchiveFile")).forEach(command::add);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), StartupProbe.class.getName()));
        for (int i = 0; i < 3; i++) {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            // the probe's own line is its last: the JVM may print warnings to standard output before it
            String[] lines = new String(process.getInputStream().readAllBytes()).trim().split("\n");
            String[] fields = lines[lines.length - 1].trim().split("\\s+");
            if (process.waitFor() != 0 || fields.length != 2) {
                System.out.println("start-up probe failed");
                return;
            }
            prediction.add(Double.parseDouble(fields[0]) / 1000);
            epoch.add(Double.parseDouble(fields[1]) / 1000);
        }
        System.out.printf("start-up (median of 3 fresh JVMs%s): first prediction %.2f s after JVM start,"
                + " one digits epoch done at %.2f s%n", command.size() > 4 ? ", class-data-sharing archive" : "",
                new Timings(prediction).median(), new Timings(epoch).median());
    }
}
