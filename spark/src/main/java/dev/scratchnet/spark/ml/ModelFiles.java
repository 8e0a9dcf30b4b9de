package dev.scratchnet.spark.ml;

import dev.scratchnet.Network;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A network's model file as bytes, to copy a network on the driver and keep it in a {@link ScratchnetModel}. */
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
}
