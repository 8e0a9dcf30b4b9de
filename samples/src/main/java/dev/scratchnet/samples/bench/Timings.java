package dev.scratchnet.samples.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /** Adds one round's runs of each named workload to the runs so far. */
    static void addRound(Map<String, List<Double>> runs, Map<String, Timings> round) {
        round.forEach((name, timings) -> runs.computeIfAbsent(name, key -> new ArrayList<>()).addAll(timings.seconds()));
    }

    /** The runs gathered over the rounds, as timings by name (in the order first seen). */
    static Map<String, Timings> byName(Map<String, List<Double>> runs) {
        Map<String, Timings> timings = new LinkedHashMap<>();
        runs.forEach((name, seconds) -> timings.put(name, new Timings(seconds)));
        return timings;
    }
}
