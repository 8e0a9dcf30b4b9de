package dev.scratchnet.io;

import dev.scratchnet.Network;
import dev.scratchnet.Scaler;
import dev.scratchnet.runtime.files.ModelFileReader;
import dev.scratchnet.runtime.files.SavedModel;
import java.io.IOException;
import java.nio.file.Path;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Reads a model file through {@link ModelFileReader}, the reader the ND4J-free runtime (and so
 * {@code serve}) uses too, which checks everything before anything is built: a truncated,
 * foreign, corrupt or newer-format file, or one whose parts do not make a network, fails with an
 * {@link IOException} that names the file and the problem, and no network is returned. The
 * network is then rebuilt through {@code Network.builder().dense(W, b, activation)}, so that the
 * builder's own checks apply as well; arrays are read after checking the Java heap and ND4J's memory.
 */
public final class ModelReader {

    private ModelReader() {
    }

    /** Loads the network saved at {@code path}. */
    public static Network load(Path path) throws IOException {
        SavedModel saved = ModelFileReader.read(path, Npy.MEMORY);
        DataType dataType = saved.isDouble() ? DataType.DOUBLE : DataType.FLOAT;
        try {
            Network.Builder builder = Network.builder().seed(saved.seed()).dataType(dataType);
            for (SavedModel.Layer layer : saved.layers()) {
                builder.dense(Npy.toArray(layer.weights()), Npy.toArray(layer.bias()),
                        Activations.of(layer.activation()));
                if (layer.dropout() > 0) {
                    builder.dropout(layer.dropout());
                }
            }
            if (saved.inputs() != null) {
                builder.scaler(scaler(saved.inputs()));
            }
            if (saved.targets() != null) {
                builder.targetScaler(scaler(saved.targets()));
            }
            if (saved.table() != null) {
                builder.table(saved.table());
            }
            return builder.classNames(saved.classNames()).inputNames(saved.inputNames()).build();
        } catch (IllegalArgumentException | IllegalStateException e) {
            // the reader checks what the builder does, so this is ND4J's memory or a check added since
            throw new IOException("cannot load model " + path + ": the layers do not make a network: "
                    + e.getMessage(), e);
        }
    }

    private static Scaler scaler(SavedModel.Scaler saved) {
        return Scaler.of(saved.kind(), saved.shift().toDoubles(), saved.scale().toDoubles());
    }
}
