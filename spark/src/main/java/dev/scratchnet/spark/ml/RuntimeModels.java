package dev.scratchnet.spark.ml;

import dev.scratchnet.runtime.Model;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The runtime models an executor JVM predicts with, loaded once per model and kept (the eight used
 * last), keyed by the model's digest, so that a transform loads its model once per executor rather
 * than once per row or task. {@link Model} is thread-safe, so the executor's tasks share it. Only
 * {@code scratchnet-runtime} is touched here, never ND4J or scratchnet-core.
 */
final class RuntimeModels {

    private static final int KEPT = 8;
    private static final Map<String, Model> MODELS = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Model> eldest) {
            return size() > KEPT;
        }
    };

    private RuntimeModels() {
    }

    /** The model of digest {@code key}, loaded by {@code load} when this JVM does not hold it yet. */
    static synchronized Model of(String key, Supplier<byte[]> load) {
        return MODELS.computeIfAbsent(key, k -> read(load.get()));
    }

    private static Model read(byte[] bytes) {
        try {
            Path file = Files.createTempFile("scratchnet-ml-", ".zip");
            try {
                Files.write(file, bytes);
                return Model.load(file);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read a scratchnet model file on an executor", e);
        }
    }
}
