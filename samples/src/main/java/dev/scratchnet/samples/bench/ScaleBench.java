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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * {@code ./scratchnet bench --scale}: how training time grows with the work, against numpy in the
 * same run. Per cell, 784-H-10 ReLU/softmax, cross-entropy, SGD 0.1, one epoch over the first 8000
 * rows including the shuffle, through the public API: scratchnet with its default training threads
 * and with {@code Network.Builder.threads(1)}, numpy on its default threads and on one, in rounds of
 * all four ({@link #run}); medians, and each scratchnet column as a ratio to numpy's default.
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

    /**
     * Times every cell and, unless {@code numpy} is false, numpy's: in rounds, each of them every
     * cell of scratchnet (default threads, then one), then of numpy on its default threads, then on
     * one, so that a neighbour's busy minute or a quiet one falls on both sides alike rather than on
     * whichever ran then; prints the medians over the rounds.
     */
    void run(Path mnistDir, Path workDir, boolean numpy) throws IOException, InterruptedException {
        String loadBefore = load();
        System.out.println("scaling: 784-H-10 ReLU/softmax, cross-entropy, SGD 0.1, one epoch over " + train.size()
                + " rows incl. shuffle, median of " + repeats + " rounds (each: every cell of scratchnet, then of"
                + " numpy on its default threads, then on one)");
        System.out.println("scratchnet training threads: " + trainingThreads(network(64, 0)));
        warmUp();
        List<String> plans = new ArrayList<>();
        for (String cell : cells) {
            String[] sizes = cell.split("x");
            plans.add(plan(Integer.parseInt(sizes[0]), Integer.parseInt(sizes[1])));
        }
        String reason = numpy ? NumpyReference.unavailableReason() : "--no-numpy";
        if (reason != null) {
            System.out.println("numpy reference skipped: " + reason);
        }
        List<List<Double>> auto = new ArrayList<>();
        List<List<Double>> one = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            auto.add(new ArrayList<>());
            one.add(new ArrayList<>());
        }
        Map<String, List<Double>> numpyDefaultRuns = new LinkedHashMap<>();
        Map<String, List<Double>> numpyOneRuns = new LinkedHashMap<>();
        for (int round = 0; round < repeats; round++) {
            for (int i = 0; i < cells.size(); i++) {
                String[] sizes = cells.get(i).split("x");
                int hidden = Integer.parseInt(sizes[0]);
                int batch = Integer.parseInt(sizes[1]);
                auto.get(i).add(epoch(network(hidden, 0), batch));
                one.get(i).add(epoch(network(hidden, 1), batch));
            }
            if (reason == null) {
                String all = String.join(",", cells);
                Timings.addRound(numpyDefaultRuns, NumpyReference.runScale(mnistDir, 1, all, false, workDir));
                Timings.addRound(numpyOneRuns, NumpyReference.runScale(mnistDir, 1, all, true, workDir));
            }
        }
        List<Timings[]> ours = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            ours.add(new Timings[] {new Timings(auto.get(i)), new Timings(one.get(i))});
        }
        Map<String, Timings> numpyDefault = Timings.byName(numpyDefaultRuns);
        Map<String, Timings> numpyOne = Timings.byName(numpyOneRuns);
        System.out.printf("%n%-5s %-6s %-12s %-12s %-14s %-14s %-12s %-16s %s%n", "H", "batch", "scratchnet", "threads(1)",
                "numpy default", "numpy 1 thread", "ratio", "ratio threads(1)", "plan");
        for (int i = 0; i < cells.size(); i++) {
            String[] cell = cells.get(i).split("x");
            Timings theirs = numpyDefault.get(cell[0] + " " + cell[1]);
            Timings theirsOne = numpyOne.get(cell[0] + " " + cell[1]);
            Timings mine = ours.get(i)[0];
            Timings mineOne = ours.get(i)[1];
            System.out.printf("%-5s %-6s %-12s %-12s %-14s %-14s %-12s %-16s %s%n", cell[0], cell[1], seconds(mine),
                    seconds(mineOne), seconds(theirs), seconds(theirsOne), ratio(mine, theirs), ratio(mineOne, theirs),
                    plans.get(i));
        }
        System.out.println("scratchnet: the default training threads; threads(1): Network.Builder.threads(1), the"
                + " batch on one thread as before; ratio: scratchnet / numpy default (below 1: scratchnet is faster);"
                + " plan: the default's training plan and where it came from (docs/speed.md, \"Plans\")");
        printWhereTimeGoes(ours);
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

    /**
     * The plan the default network trains the cell with, chosen (and, the first time on this machine,
     * measured) by one untimed fit of a single batch, so that no probe falls into the timed runs.
     */
    private String plan(int hidden, int batch) {
        Network net = network(hidden, 0);
        DataSet first = DataSet.of(train.features().get(NDArrayIndex.interval(0, batch), NDArrayIndex.all()).dup(),
                train.targets().get(NDArrayIndex.interval(0, batch), NDArrayIndex.all()).dup());
        net.fit(first, Fit.builder().loss(Loss.CROSS_ENTROPY).optimizer(Optimizer.sgd(0.1)).epochs(1).batchSize(batch)
                .seed(1).build());
        String plan = BenchCommand.summaryValue(net.summary(), "training plan: ");
        int end = plan.indexOf(" for batches");
        return end < 0 ? plan : plan.substring(0, end);
    }

    /**
     * Per cell, the one-thread epoch split into its matrix products ({@link ProductsReplay}, median of
     * the repeats) and the rest: element-wise work and overhead.
     */
    private void printWhereTimeGoes(List<Timings[]> ours) {
        System.out.printf("%nwhere the time goes, threads(1) (products: the epoch's matrix products replayed alone)%n");
        System.out.printf("%-5s %-6s %-12s %-12s %-8s %s%n", "H", "batch", "threads(1)", "products", "share",
                "element-wise and overhead");
        for (int i = 0; i < cells.size(); i++) {
            String[] cell = cells.get(i).split("x");
            int hidden = Integer.parseInt(cell[0]);
            int batch = Integer.parseInt(cell[1]);
            List<Double> runs = new ArrayList<>();
            for (int r = 0; r < repeats; r++) {
                runs.add(ProductsReplay.seconds(train.size(), batch, 784, hidden, 10));
            }
            double products = new Timings(runs).median();
            double epoch = ours.get(i)[1].median();
            System.out.printf("%-5s %-6s %-12s %-12s %-8s %s%n", cell[0], cell[1], String.format("%.3f s", epoch),
                    String.format("%.3f s", products), String.format("%.0f %%", 100 * products / epoch),
                    String.format("%.3f s", epoch - products));
        }
    }

    /** Appends one round's runs of each cell to {@code runs}. */
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
        return BenchCommand.summaryValue(net.summary(), "training threads: ");
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
