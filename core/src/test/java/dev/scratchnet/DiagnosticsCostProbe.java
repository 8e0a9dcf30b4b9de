package dev.scratchnet;

import java.util.Arrays;
import java.util.Locale;

/**
 * What diagnostics cost: the same training timed with {@code diagnostics(false)} and {@code (true)},
 * alternating, after a warm-up; prints the medians and their ratio. Not a test: run it by hand
 * (see BENCHMARKS.md, "Diagnostics").
 */
final class DiagnosticsCostProbe {

    private DiagnosticsCostProbe() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        DataSet train = Datasets.digits().scale(1 / 16.0).split(0.8, 1).train();
        time("digits default 64-256-128-10 relu/softmax, adam 0.001, batch 32, 5 epochs", rounds, diagnose -> {
            Network net = Network.builder().seed(1).input(64).dense(256, Activation.RELU).dense(128, Activation.RELU)
                    .dense(10, Activation.SOFTMAX).build();
            net.fit(train, Fit.builder().loss(Loss.CROSS_ENTROPY).optimizer(Optimizer.adam(0.001)).epochs(5)
                    .batchSize(32).diagnostics(diagnose).build());
        });
        time("W1-like 64-15-10 relu/sigmoid, mse, sgd 2, batch 15, 20 epochs", rounds, diagnose -> {
            Network net = Network.builder().seed(1).input(64).dense(15, Activation.RELU).dense(10, Activation.SIGMOID)
                    .build();
            net.fit(train, Fit.builder().loss(Loss.MSE).optimizer(Optimizer.sgd(2)).epochs(20).batchSize(15)
                    .diagnostics(diagnose).build());
        });
    }

    private interface Run {
        void run(boolean diagnose);
    }

    private static void time(String name, int rounds, Run run) {
        run.run(false);
        run.run(true);
        double[] off = new double[rounds];
        double[] on = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            off[i] = seconds(run, false);
            on[i] = seconds(run, true);
        }
        double offMedian = median(off);
        double onMedian = median(on);
        System.out.printf(Locale.ROOT, "%s: off %.3f s, on %.3f s (medians of %d), on/off %.2f%n", name, offMedian,
                onMedian, rounds, onMedian / offMedian);
    }

    private static double seconds(Run run, boolean diagnose) {
        long start = System.nanoTime();
        run.run(diagnose);
        return (System.nanoTime() - start) / 1e9;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
