package dev.scratchnet.spark;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The partition workers living in this JVM (an executor's, or in local mode the driver's), kept
 * between the steps (or the averaging rounds) of a training so that a partition's rows are stacked and its network built
 * once per training, not once per step. Keyed by training and partition; a training forgets its
 * workers when it ends. A worker that is missing — a new executor, a task retried elsewhere — is
 * built again from the partition's data, which gives the same worker.
 */
final class Workers {

    private static final Map<String, Object> WORKERS = new ConcurrentHashMap<>();

    private Workers() {
    }

    /** The worker of {@code partition} in training {@code trainingId}, built by {@code build} when missing. */
    static <W> W of(String trainingId, int partition, Supplier<W> build) {
        @SuppressWarnings("unchecked") // one training keeps one kind of worker under its id
        W worker = (W) WORKERS.computeIfAbsent(key(trainingId, partition), key -> build.get());
        return worker;
    }

    /** Drops every worker of training {@code trainingId} held in this JVM. */
    static void forget(String trainingId) {
        WORKERS.keySet().removeIf(key -> key.startsWith(trainingId + "/"));
    }

    /** How many workers this JVM holds (for tests). */
    static int count() {
        return WORKERS.size();
    }

    private static String key(String trainingId, int partition) {
        return trainingId + "/" + partition;
    }
}
