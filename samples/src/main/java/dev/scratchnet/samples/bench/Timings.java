package dev.scratchnet.samples.bench;

import java.util.Arrays;
import java.util.List;

/**
 * Repeated measurements of one workload, in seconds, summarised by their median and spread.
 *
 * @param seconds one entry per run
 */
record Timings(List<Double> seconds) {

    double median() {
        double[] sorted = seconds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    double min() {
        return seconds.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    double max() {
        return seconds.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    static Timings of(double... seconds) {
        return new Timings(Arrays.stream(seconds).boxed().toList());
    }
}
