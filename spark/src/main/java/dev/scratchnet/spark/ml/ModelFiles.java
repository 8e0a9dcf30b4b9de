package dev.scratchnet.spark.ml;

import dev.scratchnet.Network;
import dev.scratchnet.runtime.Model;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A network's model file as bytes, to copy a network, ship it to the executors and save it with a stage. */
final class ModelFiles {

    private ModelFiles() {
    }

    /** The bytes of {@code network}'s model file ({@link Network#save}). */
    static byte[] bytes(Network network) {
        try {
            Path file = Files.createTempFile("scratchnet-ml-", ".zip");
            try {
                network.save(file);
                return Files.readAllBytes(file);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write a network's model file", e);
        }
    }

    /** The network saved in {@code bytes} (ND4J; the driver's side). */
    static Network network(byte[] bytes) {
        try {
            Path file = Files.createTempFile("scratchnet-ml-", ".zip");
            try {
                Files.write(file, bytes);
                return Network.load(file);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read a network's model file", e);
        }
    }

    /** The model saved in {@code bytes} for {@code scratchnet-runtime} (no ND4J; the executors' side). */
    static Model runtimeModel(byte[] bytes) {
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
