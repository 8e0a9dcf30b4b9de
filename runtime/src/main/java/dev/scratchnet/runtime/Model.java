package dev.scratchnet.runtime;

import dev.scratchnet.kernels.ActivationFacts;
import dev.scratchnet.runtime.files.ModelFileReader;
import dev.scratchnet.runtime.files.Npy;
import dev.scratchnet.runtime.files.SavedModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A saved scratchnet model, loaded for prediction in plain Java: no ND4J, no native library. It
 * computes what {@code Network.predict} computes, {@code a = f(a_prev · W + b)} layer by layer, in
 * the model's own float32 or float64, with the activation loops the core's fast backend runs.
 * <pre>
 *   Model model = Model.load(Path.of("model.zip"));
 *   float[] probabilities = model.predict(row);      // row.length == model.inputWidth()
 *   int digit = model.predictClass(row);
 * </pre>
 * Thread-safe: the weights never change after loading, and each thread computes in scratch arrays
 * of its own, made on its first call; a single-row prediction allocates only its result.
 */
public final class Model {

    /** Rows computed together: each row of W is read once for up to this many rows. */
    static final int BLOCK_ROWS = 32;

    private final boolean isDouble;
    private final List<DenseLayer> layers;
    /** Format 2's scalers, or null. */
    private final Scaling inputs;
    private final Scaling targets;
    private final List<String> classNames;
    private final List<String> inputNames;
    /** Format 3's table encoding, or null. */
    private final TableColumns table;
    private final ThreadLocal<Rows[]> scratch = ThreadLocal.withInitial(this::newScratch);
    /** One thread's scaled input row, when the model has an input scaler. */
    private final ThreadLocal<float[]> scaledRow;

    private Model(SavedModel saved) {
        this.isDouble = saved.isDouble();
        this.layers = saved.layers().stream().map(Model::denseLayer).toList();
        this.inputs = scaling(saved.inputs());
        this.targets = scaling(saved.targets());
        this.classNames = saved.classNames();
        this.inputNames = saved.inputNames();
        this.table = saved.table();
        this.scaledRow = ThreadLocal.withInitial(() -> new float[inputWidth()]);
    }

    /**
     * Loads the model saved at {@code path} by {@code Network.save}: format version 1, or 2 with its
     * scalers (applied by every {@code predict}: raw rows in, outputs in the targets' units) and
     * class names. The file is read by the reader {@code Network.load} uses, so it accepts and
     * refuses the same files, in the same words.
     *
     * @throws IOException naming the file and the problem when it is missing, truncated, not a
     *                     scratchnet model, corrupt, of a newer format version, or its parts do
     *                     not make a network
     */
    public static Model load(Path path) throws IOException {
        Objects.requireNonNull(path, "path must not be null");
        return new Model(ModelFileReader.read(path, Npy.HEAP));
    }

    /** A layer of the file as this runtime computes it: W as one array per row, the activation's loops. */
    private static DenseLayer denseLayer(SavedModel.Layer layer) {
        SavedModel.Activation activation = layer.activation();
        ActivationFacts.Entry entry = ActivationFacts.require(activation.name());
        return DenseLayer.of(layer.weights(), layer.bias(), activation.name(), entry.kernel(activation.value()));
    }

    private static Scaling scaling(SavedModel.Scaler scaler) {
        return scaler == null ? null : new Scaling(scaler.kind(), scaler.shift().toDoubles(), scaler.scale().toDoubles());
    }

    /** How many numbers a row holds: the first layer's nIn. */
    public int inputWidth() {
        return layers.get(0).nIn();
    }

    /** How many numbers a prediction holds: the last layer's nOut. */
    public int outputWidth() {
        return layers.get(layers.size() - 1).nOut();
    }

    /** {@code float32} or {@code float64}: the type the model computes in. */
    public String dataType() {
        return isDouble ? "float64" : "float32";
    }

    /** The classes' names in output order, or an empty list when the file names none. */
    public List<String> classNames() {
        return classNames;
    }

    /** The input columns' names in row order, or an empty list when the file names none. */
    public List<String> inputNames() {
        return inputNames;
    }

    /**
     * How the model turns a table row's cells into its input row (text columns one-hot, missing
     * cells filled in), or empty when it takes numbers only.
     */
    public Optional<TableColumns> table() {
        return Optional.ofNullable(table);
    }

    /**
     * The outputs for a row given by column name ({@code {"island": "Biscoe", "bill_length_mm": 41.2}}):
     * numbers, texts, or null for a missing cell; with the model's table encoding when it has one,
     * else by its input names. Notes on filled cells and unseen categories go to {@code notes}.
     *
     * @throws IllegalArgumentException when a column the model takes is absent, or a cell cannot be encoded
     * @throws IllegalStateException    when the model names no input columns
     */
    public float[] predict(Map<String, ?> row, TableNotes notes) {
        return predict(encode(row, notes));
    }

    /** {@link #predict(Map, TableNotes)} without notes. */
    public float[] predict(Map<String, ?> row) {
        return predict(row, TableNotes.NONE);
    }

    /** The input row (before scaling) for a row given by column name, as {@link #predict(Map, TableNotes)} reads it. */
    public float[] encode(Map<String, ?> row, TableNotes notes) {
        double[] values;
        if (table != null) {
            values = table.encode(row, notes);
        } else if (!inputNames.isEmpty()) {
            values = TableColumns.numbers(inputNames, row);
        } else {
            throw new IllegalStateException("the model names no input columns; give rows as arrays of "
                    + inputWidth() + " numbers");
        }
        float[] floats = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            floats[i] = (float) values[i];
        }
        return floats;
    }

    /**
     * The widths from input to output: the first layer's nIn, then each layer's nOut, e.g.
     * {@code [64, 15, 10]} for dense layers 64 → 15 and 15 → 10.
     */
    public List<Integer> layerWidths() {
        List<Integer> widths = new ArrayList<>(List.of(inputWidth()));
        layers.forEach(layer -> widths.add(layer.nOut()));
        return List.copyOf(widths);
    }

    /**
     * The kind of scaler applied to the raw input rows before the first layer (as model.json names
     * it, e.g. {@code standardize}), or empty when the model takes its rows as they are.
     */
    public Optional<String> inputScaling() {
        return Optional.ofNullable(inputs).map(Scaling::kind);
    }

    /** The kind of scaler that turns outputs back into the targets' units, or empty when there is none. */
    public Optional<String> targetScaling() {
        return Optional.ofNullable(targets).map(Scaling::kind);
    }

    /** The layers' activation names, input side first, e.g. {@code [relu, relu, softmax]}. */
    public List<String> activations() {
        return layers.stream().map(DenseLayer::activation).toList();
    }

    /**
     * The model's outputs for one row: a new array of {@link #outputWidth()} numbers (rounded to
     * float32 for a float64 model). Allocates nothing else.
     *
     * @throws IllegalArgumentException when the row's length is not {@link #inputWidth()} or it
     *                                  holds NaN or an infinite value
     */
    public float[] predict(float[] row) {
        Rows[] rows = scratch.get();
        forward(rows, row);
        return inTargetUnits(rows[layers.size()].get(0));
    }

    private float[] inTargetUnits(float[] output) {
        if (targets != null) {
            targets.invert(output);
        }
        return output;
    }

    /** {@code row}, or its scaled copy in this thread's array when the model has an input scaler. */
    private float[] scaled(float[] row) {
        if (inputs == null) {
            return row;
        }
        float[] into = scaledRow.get();
        inputs.apply(row, into);
        return into;
    }

    /**
     * The outputs for each of {@code rows}, one new array per row.
     *
     * @throws IllegalArgumentException naming the row, as {@link #predict(float[])} does
     */
    public float[][] predict(float[][] rows) {
        Objects.requireNonNull(rows, "rows must not be null");
        float[][] outputs = new float[rows.length][];
        Rows[] buffers = scratch.get();
        for (int first = 0; first < rows.length; first += BLOCK_ROWS) {
            int n = Math.min(BLOCK_ROWS, rows.length - first);
            for (int r = 0; r < n; r++) {
                requireRow(rows[first + r], first + r, true);
                buffers[0].set(r, scaled(rows[first + r]));
            }
            run(buffers, n, first, true);
            for (int r = 0; r < n; r++) {
                outputs[first + r] = inTargetUnits(buffers[layers.size()].get(r));
            }
        }
        return outputs;
    }

    /**
     * The index of the largest output for {@code row} (the first, on a tie), or for a model with one
     * output (a probability of class 1) 1 when it is ≥ 0.5, as the core's {@code predictClasses};
     * allocates nothing for a model of several outputs.
     */
    public int predictClass(float[] row) {
        if (outputWidth() == 1) {
            return predict(row)[0] >= 0.5f ? 1 : 0;
        }
        Rows[] rows = scratch.get();
        forward(rows, row);
        return rows[layers.size()].argmax(0);
    }

    /** {@link #predictClass} for each of {@code rows}. */
    public int[] predictClasses(float[][] rows) {
        float[][] outputs = predict(rows);
        int[] classes = new int[outputs.length];
        for (int r = 0; r < outputs.length; r++) {
            if (outputs[r].length == 1) {
                classes[r] = outputs[r][0] >= 0.5f ? 1 : 0;
                continue;
            }
            for (int c = 1; c < outputs[r].length; c++) {
                classes[r] = outputs[r][c] > outputs[r][classes[r]] ? c : classes[r];
            }
        }
        return classes;
    }

    private void forward(Rows[] buffers, float[] row) {
        requireRow(row, 0, false);
        buffers[0].set(0, scaled(row));
        run(buffers, 1, 0, false);
    }

    /**
     * Runs the first {@code n} rows of {@code buffers[0]} through every layer and checks that the
     * outputs are finite; {@code first} is the index of row 0 in the caller's batch, for messages.
     */
    private void run(Rows[] buffers, int n, int first, boolean inBatch) {
        for (int k = 0; k < layers.size(); k++) {
            layers.get(k).forward(buffers[k], buffers[k + 1], n);
        }
        for (int r = 0; r < n; r++) {
            int column = buffers[layers.size()].firstNonFinite(r);
            if (column >= 0) {
                throw new IllegalArgumentException("output " + (inBatch ? "row " + (first + r) + " " : "")
                        + "column " + column + " is not finite: the inputs overflow " + dataType()
                        + " arithmetic in the model; scale the inputs");
            }
        }
    }

    private void requireRow(float[] row, int index, boolean inBatch) {
        String which = inBatch ? "row " + index : "row";
        if (row == null) {
            throw new IllegalArgumentException(which + " is null");
        }
        if (row.length != inputWidth()) {
            throw new IllegalArgumentException(which + " has " + row.length + " values but the model expects "
                    + inputWidth());
        }
        for (int c = 0; c < row.length; c++) {
            if (!Float.isFinite(row[c])) {
                throw new IllegalArgumentException(which + " holds " + row[c] + " in column " + c
                        + "; the model predicts from finite numbers only");
            }
        }
    }

    /** One thread's arrays: the input rows, then each layer's outputs. */
    private Rows[] newScratch() {
        Rows[] rows = new Rows[layers.size() + 1];
        rows[0] = Rows.of(isDouble, BLOCK_ROWS, inputWidth());
        for (int k = 0; k < layers.size(); k++) {
            rows[k + 1] = Rows.of(isDouble, BLOCK_ROWS, layers.get(k).nOut());
        }
        return rows;
    }

    @Override
    public String toString() {
        return "Model[" + inputWidth() + " -> " + outputWidth() + ", " + dataType() + ", " + activations() + "]";
    }
}
