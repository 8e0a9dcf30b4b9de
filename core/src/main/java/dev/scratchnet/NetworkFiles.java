package dev.scratchnet;

import dev.scratchnet.io.ModelFile;
import dev.scratchnet.io.OnnxExport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@link Network#save} and {@link Network#exportOnnx}: each copies one state of the weights under the
 * network's weights lock — a fit running on another thread changes them batch by batch, each batch
 * under that lock, so the file holds the weights between two batches — and writes outside it.
 */
final class NetworkFiles {

    private NetworkFiles() {
    }

    /** As {@link Network#save}. */
    static void save(Network network, Path path) throws IOException {
        Map<String, byte[]> contents;
        synchronized (network.weightsLock()) {
            contents = ModelFile.contents(network);
        }
        ModelFile.write(contents, path);
    }

    /** As {@link Network#exportOnnx}. */
    static void exportOnnx(Network network, Path path) throws IOException {
        byte[] model;
        synchronized (network.weightsLock()) {
            model = OnnxExport.model(network);
        }
        OnnxExport.write(model, path);
    }
}
