package dev.scratchnet.samples.bench;

import dev.scratchnet.Activation;
import dev.scratchnet.DataSet;
import dev.scratchnet.Fit;
import dev.scratchnet.Loss;
import dev.scratchnet.Network;
import dev.scratchnet.Optimizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code ./scratchnet bench --scale}: how training time grows with the work, against numpy in the
 * same run. Per cell, 784-H-10 ReLU/softmax, cross-entropy, SGD 0.1, one epoch over the first 8000
 * rows including the shuffle, through the public API: scratchnet with its default training threads
 * and with {@code Network.Builder.threads(1)} (runs alternating), numpy on its default threads and on
 * one; medians, and each scratchnet column as a ratio to numpy's default.
 */
final class ScaleBench {

    static final int[] HIDDEN = {64, 256, 1024, 2048};
    static final int[] BATCHES = {16, 64, 256};
    private static final long WARM_UP_NANOS = 2_000_000_000L;

    private final DataSet train;
    private final int repeats;
    /** The cells to time, as {@code "HxBATCH"}. */
    private final List<String> cells;

    /** @param cells {@code "HxBATCH"} each; empty for the whole table */
    ScaleBench(DataSet train, int repeats, List<String> cells) {
        this.train = train;
        this.repeats = repeats;
        List<String> all = new ArrayList<>();
        for (int hidden : HIDDEN) {
            for (int batch : BATCHES) {
                all.add(hidden + "x" + batch);
            }
        }
        this.cells = cells.isEmpty() ? all : List.copyOf(cells);
    }

    /** Times every cell, runs numpy unless {@code numpy} is false, and prints the table. */
    void run(Path mnistDir, Path workDir, boolean numpy) throws IOException, InterruptedException {
        String loadBefore = load();
        System.out.println("scaling: 784-H-10 ReLU/softmax, cross-entropy, SGD 0.1, one epoch over " + train.size()
                + " rows incl. shuffle, median of " + repeats);
        System.out.println("scratchnet training threads: " + trainingThreads(network(64, 0)));
        warmUp();
        List<Timings[]> ours = new ArrayList<>();
        for (String cell : cells) {
            String[] sizes = cell.split("x");
            ours.add(timeCell(Integer.parseInt(sizes[0]), Integer.parseInt(sizes[1])));
        }
        Map<String, Timings> numpyDefault = Map.of();
        Map<String, Timings> numpyOne = Map.of();
        String reason = numpy ? NumpyReference.unavailableReason() : "--no-numpy";
        if (reason == null) {
            numpyDefault = NumpyReference.runScale(mnistDir, repeats, String.join(",", cells), false, workDir);
            numpyOne = NumpyReference.runScale(mnistDir, repeats, String.join(",", cells), true, workDir);
        } else {
            System.out.println("numpy reference skipped: " + reason);
        }
        System.out.printf("%n%-5s %-6s %-12s %-12s %-14s %-14s %-12s %s%n", "H", "batch", "scratchnet", "threads(1)",
                "numpy default", "numpy 1 thread", "ratio", "ratio threads(1)");
        for (int i = 0; i < cells.size(); i++) {
            String[] cell = cells.get(i).split("x");
            Timings theirs = numpyDefault.get(cell[0] + " " + cell[1]);
            Timings theirsOne = numpyOne.get(cell[0] + " " + cell[1]);
            Timings mine = ours.get(i)[0];
            Timings mineOne = ours.get(i)[1];
            System.out.printf("%-5s %-6s %-12s %-12s %-14s %-14s %-12s %s%n", cell[0], cell[1], seconds(mine),
                    seconds(mineOne), seconds(theirs), seconds(theirsOne), ratio(mine, theirs), ratio(mineOne, theirs));
        }
        System.out.println("scratchnet: the default training threads; threads(1): Network.Builder.threads(1), the"
                + " batch on one thread as before; ratio: scratchnet / numpy default (below 1: scratchnet is faster)");
        System.out.println("load average (1, 5, 15 min) before: " + loadBefore + ", after: " + load());
    }

    /** A second or two of small cells in both modes, so that the JIT has compiled the loops before timing. */
    private void warmUp() {
        long end = System.nanoTime() + WARM_UP_NANOS;
        do {
            for (int batch : BATCHES) {
                epoch(network(256, 0), batch);
                epoch(network(256, 1), batch);
            }
        } while (System.nanoTime() < end);
    }

    /** The cell's timings with the default threads and with one, runs alternating. */
    private Timings[] timeCell(int hidden, int batch) {
        List<Double> auto = new ArrayList<>();
        List<Double> one = new ArrayList<>();
        for (int i = 0; i < repeats; i++) {
            auto.add(epoch(network(hidden, 0), batch));
            one.add(epoch(network(hidden, 1), batch));
        }
        return new Timings[] {new Timings(auto), new Timings(one)};
    }

    /** Seconds of one epoch of {@code net} in batches of {@code batch}, the network built beforehand. */
    private double epoch(Network net, int batch) {
        Fit fit = Fit.builder().loss(Loss.CROSS_ENTROPY).optimizer(Optimizer.sgd(0.1)).epochs(1).batchSize(batch)
                .seed(1).build();
        long start = System.nanoTime();
        net.fit(train, fit);
        return (System.nanoTime() - start) / 1e9;
    }

    /** 784-H-10 with {@code threads} training threads (0: the default). */
    private static Network network(int hidden, int threads) {
        Network.Builder builder = Network.builder().seed(1).dense(784, hidden, Activation.RELU)
                .dense(hidden, 10, Activation.SOFTMAX);
        if (threads > 0) {
            builder.threads(threads);
        }
        return builder.build();
    }

    /** What the summary says of the training threads. */
    private static String trainingThreads(Network net) {
        String summary = net.summary();
        int at = summary.lastIndexOf("training threads: ");
        return at < 0 ? "?" : summary.substring(at + "training threads: ".length()).strip();
    }

    private static String seconds(Timings timings) {
        return timings == null ? "-" : String.format("%.3f s", timings.median());
    }

    private static String ratio(Timings mine, Timings theirs) {
        return theirs == null ? "-" : String.format("%.2f", mine.median() / theirs.median());
    }

    /** The load average as {@code uptime} shows it, or "unknown" off Linux. */
    private static String load() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + ", " + fields[1] + ", " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
