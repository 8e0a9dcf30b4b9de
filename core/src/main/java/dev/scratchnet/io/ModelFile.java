package dev.scratchnet.io;

import dev.scratchnet.Layer;
import dev.scratchnet.Network;
import dev.scratchnet.Scaler;
import dev.scratchnet.runtime.files.ModelFileFormat;
import dev.scratchnet.runtime.files.ModelFileWriter;
import dev.scratchnet.runtime.files.NpyArray;
import dev.scratchnet.runtime.files.SavedModel;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Writes a network as one model file, a zip of model.json and one {@code .npy} array per weight,
 * bias and scaler array ({@link ModelFileFormat} has the layout and the versions): the network is
 * turned into a {@link SavedModel} on plain arrays, and {@link ModelFileWriter}, which the ND4J-free
 * runtime shares, writes it. A network without preprocessing, class names or dropout is written as
 * version 1, which older versions of scratchnet read; only a network with a table's columns
 * ({@code Network.table()}) is written as version 3. The zip is written through
 * {@link AtomicFile}, so a crash leaves either the old file or the new one, never half a model; one
 * network always gives the same bytes. {@link ModelReader} reads it back.
 */
public final class ModelFile {

    /** The name of the JSON entry. */
    public static final String MODEL_JSON = ModelFileFormat.MODEL_JSON;
    /** The value of {@code "format"} that marks a scratchnet model. */
    public static final String FORMAT = ModelFileFormat.FORMAT;
    /**
     * The newest version this code writes and reads (2: preprocessing, class names and dropout; 3: a
     * table's columns, written only for a network that has them).
     */
    public static final int FORMAT_VERSION = ModelFileFormat.FORMAT_VERSION;

    private ModelFile() {
    }

    /**
     * Saves {@code network} to {@code path}, replacing any file there; creates missing parent directories.
     *
     * @throws IOException           when the file cannot be written (the target is then left as it was)
     * @throws IllegalStateException when a layer's activation is not one a saved model can name
     */
    public static void save(Network network, Path path) throws IOException {
        save(network, path, UnaryOperator.identity());
    }

    /**
     * As {@link #save(Network, Path)}, with the file's stream passed through {@code through} first:
     * the seam tests use to make a write fail half-way.
     */
    static void save(Network network, Path path, UnaryOperator<OutputStream> through) throws IOException {
        write(contents(network), path, through);
    }

    /**
     * The file's entries, name by name, in memory: the only step that reads the network, so that a
     * caller who holds the training lock around it (as {@code Network.save} does) gets one state of
     * the weights, never a mix of two batches.
     */
    public static Map<String, byte[]> contents(Network network) throws IOException {
        return ModelFileWriter.entries(saved(network));
    }

    /** Writes {@code entries} (from {@link #contents}) as the model zip at {@code path}, atomically. */
    public static void write(Map<String, byte[]> entries, Path path) throws IOException {
        write(entries, path, UnaryOperator.identity());
    }

    private static void write(Map<String, byte[]> entries, Path path, UnaryOperator<OutputStream> through)
            throws IOException {
        AtomicFile.write(path, out -> ModelFileWriter.writeZip(entries, through.apply(out)));
    }

    /** {@code network} on plain arrays, as the file holds it. */
    static SavedModel saved(Network network) {
        boolean isDouble = network.dataType() == DataType.DOUBLE;
        List<SavedModel.Layer> layers = new ArrayList<>();
        for (int i = 0; i < network.numLayers(); i++) {
            Layer layer = network.layer(i);
            layers.add(new SavedModel.Layer(Activations.saved(layer.activation(), i), layer.initializerName(),
                    Npy.plain(layer.weights()), Npy.plain(layer.bias()), network.dropoutRate(i)));
        }
        return new SavedModel(isDouble, network.seed(), layers, scaler(network.scaler().orElse(null), isDouble),
                scaler(network.targetScaler().orElse(null), isDouble), network.classNames(), network.inputNames(),
                network.table().orElse(null));
    }

    /** A scaler's arrays, [1, width] in the network's data type. */
    private static SavedModel.Scaler scaler(Scaler scaler, boolean isDouble) {
        if (scaler == null) {
            return null;
        }
        return new SavedModel.Scaler(scaler.kind(), row(scaler.shift(), isDouble), row(scaler.scale(), isDouble));
    }

    private static NpyArray row(double[] values, boolean isDouble) {
        if (isDouble) {
            return NpyArray.of(values.clone(), 1, values.length);
        }
        float[] floats = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            floats[i] = (float) values[i];
        }
        return NpyArray.of(floats, 1, floats.length);
    }

    /** {@code float32} or {@code float64}, the names numpy uses. */
    static String dataTypeName(DataType dataType) {
        return ModelFileFormat.dataTypeName(dataType == DataType.DOUBLE);
    }
}
