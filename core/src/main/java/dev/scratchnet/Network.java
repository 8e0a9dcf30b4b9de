package dev.scratchnet;

import dev.scratchnet.arithmetic.Arithmetic;
import dev.scratchnet.arithmetic.Backends;
import dev.scratchnet.internal.Argmax;
import dev.scratchnet.internal.Checks;
import dev.scratchnet.io.ModelFile;
import dev.scratchnet.io.ModelReader;
import dev.scratchnet.io.OnnxExport;
import dev.scratchnet.runtime.TableNotes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A multi-layer perceptron: a chain of layers, each feeding the next. Build one with {@link #builder()}; it is ready to
 * predict and to {@link #fit} at once.
 * <p>
 * {@link #predict} and the other read-only methods touch no state and may run on many threads at once. {@link #fit} and
 * {@link #gradients} change the network: a second such call while one runs (from another thread, or from a listener
 * inside {@code fit}) is refused with an {@link IllegalStateException}, and predictions made while {@code fit} runs see
 * weights in the middle of training. {@link #save} during a fit on another thread writes the weights as they stand
 * between two batches, never a mix of two.
 * <p>
 * Every public method checks its arguments before it touches anything: a call refused with an {@link
 * IllegalArgumentException} or {@link IllegalStateException} leaves the weights as they were.
 */
public final class Network extends NetworkPreprocessing {

    private final List<Layer> layers;
    private final DataType dataType;
    private final long seed;
    private final Arithmetic arithmetic;
    private final NetworkInputs inputs;
    private final NetworkPredictions predictions;
    private final Backpropagation backpropagation;
    /** The dropout rate after each layer, 0 for none. */
    private final List<Double> dropoutRates;
    private final TrainingGuard guard = new TrainingGuard();
    /** Held while a batch changes the weights, and while {@link #save} copies them. */
    private final Object weightsLock = new Object();

    Network(List<Layer> layers, List<Double> dropoutRates, DataType dataType, long seed, Backend backend,
            int trainingThreads, Preprocessing preprocessing) {
        super(preprocessing);
        this.layers = List.copyOf(layers);
        this.dropoutRates = List.copyOf(dropoutRates);
        this.dataType = dataType;
        this.seed = seed;
        this.arithmetic = Backends.create(backend, this.layers, dataType, trainingThreads);
        this.inputs = new NetworkInputs(nIn(), nOut(), dataType);
        this.predictions = new NetworkPredictions(arithmetic, inputs, dataType, nIn(), preprocessing);
        this.backpropagation = new Backpropagation(this.layers, arithmetic, inputs, preprocessing, guard);
    }

    /** A builder for a new network: layers in order, then {@link Builder#build()}. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Trains the network on {@code data} as {@code fit} says, changing its weights in place.
     *
     * @return the loss (and accuracy, for class targets) after every epoch
     * @throws IllegalArgumentException when the data does not fit the network or the loss (checked
     * before any weight changes)
     * @throws IllegalStateException    when {@code fit} or {@link #gradients} already runs on this network
     * @throws TrainingDivergedException when the loss becomes NaN or infinite; the network then
     * keeps the weights of the last good epoch
     */
    public TrainingHistory fit(DataSet data, Fit fit) {
        inputs.checkFit(data, fit);
        return guard.run("fit", () -> new InMemoryFit(this, fit).run(data));
    }

    /** {@link #fit(DataSet, Fit)} on rows read in passes from {@code source}: same loop, same settings (docs/data-sources.md). */
    public TrainingHistory fit(DataSource source, Fit fit) {
        return guard.run("fit", () -> new StreamedFit(this, fit).run(source));
    }

    /**
     * The network's outputs {@code [n, nOut]} for inputs {@code x [n, nIn]}, as a new array.
     *
     * @throws IllegalArgumentException when {@code x} is not a non-empty matrix of width
     * {@link #nIn()}, holds a NaN or infinite value, or holds values so large that the outputs overflow to NaN or
     * infinity
     */
    public INDArray predict(INDArray x) {
        return predictions.predict(x);
    }

    /** The index of the largest output of each row: the predicted class. */
    public int[] predictClasses(INDArray x) {
        return Argmax.ofRows(predict(x));
    }

    /**
     * The loss of the network's predictions on {@code data}, without any weight decay term, in the units training sees
     * (targets through the target scaler, when the network has one).
     */
    public double loss(DataSet data, Loss loss) {
        return predictions.loss(data, loss);
    }

    /**
     * The network's predictions on {@code data} against its targets: accuracy, confusion matrix and per-class scores of
     * the predicted classes, and MSE, MAE and R² of the raw outputs.
     */
    public Evaluation evaluate(DataSet data) {
        return predictions.evaluate(data);
    }

    /**
     * The gradient of {@code loss} with respect to every weight and bias for one batch, by back-propagation (no weight
     * decay). The returned arrays are copies; the network's weights are unchanged, its gradient buffers and forward
     * caches are overwritten.
     *
     * @throws IllegalArgumentException when {@code x} or {@code y} does not fit the network or the
     * loss, holds a NaN or infinite value, or holds values so large that the gradients overflow
     * @throws IllegalStateException    when {@link #fit} or {@code gradients} already runs on this network
     */
    public Gradients gradients(INDArray x, INDArray y, Loss loss) {
        return backpropagation.gradients(x, y, loss);
    }

    /** Layer {@code index}, counting from 0. */
    public Layer layer(int index) {
        if (index < 0 || index >= layers.size()) {
            throw new IllegalArgumentException("layer index must be in [0, " + layers.size() + "), was " + index);
        }
        return layers.get(index);
    }

    /** All layers, input side first (an unmodifiable list). */
    public List<Layer> layers() {
        return layers;
    }

    /** How many layers the network has. */
    public int numLayers() {
        return layers.size();
    }

    /** Width of the input. */
    public int nIn() {
        return layers.get(0).nIn();
    }

    /** Width of the output. */
    public int nOut() {
        return layers.get(layers.size() - 1).nOut();
    }

    /** FLOAT or DOUBLE: the type of every weight and every computation. */
    public DataType dataType() {
        return dataType;
    }

    /** The seed the initial weights were drawn with. */
    public long seed() {
        return seed;
    }

    /** How many weights and biases the network has in all. */
    public long parameterCount() {
        return parameters().stream().mapToLong(parameter -> parameter.value().length()).sum();
    }

    /**
     * Saves the network to {@code path} as one zip file: {@code model.json} (format version, layers, activations,
     * shapes, initializer, data type, seed) and one numpy {@code .npy} array per weight and bias (see {@link ModelFile}
     * for the layout). The file is written under a temporary name and renamed, so a crash never leaves half a model;
     * missing parent directories are created.
     *
     * @throws IOException when the file cannot be written; an existing file is then left as it was
     */
    public void save(Path path) throws IOException {
        NetworkFiles.save(this, Checks.notNull("path", path));
    }

    /**
     * Writes the network as an ONNX model (opset 13): input {@code input} [batch, nIn], output {@code output} [batch,
     * nOut]; see {@link OnnxExport} for the names of its parts.
     *
     * @throws IOException           when the file cannot be written; an existing file is then left as it was
     * @throws IllegalStateException when an activation has no ONNX operator (one of your own)
     */
    public void exportOnnx(Path path) throws IOException {
        NetworkFiles.exportOnnx(this, Checks.notNull("path", path));
    }

    /**
     * Loads a network saved by {@link #save}; it predicts exactly as the saved one did.
     *
     * @throws IOException naming the file and the problem when it is missing, truncated, not a
     * scratchnet model, corrupt, or written by a newer format version
     */
    public static Network load(Path path) throws IOException {
        return ModelReader.load(Checks.notNull("path", path));
    }

    /**
     * The math this network computes, as text: per layer the forward and backward equations with this network's shapes
     * ({@code z1 = x·W1 + b1   [n,64]·[64,15] + [1,15] → [n,15]}), where the batch's 1/n enters, the fused softmax +
     * cross-entropy gradient when the output allows it, the preprocessing and the parameter counts.
     */
    public String explain() {
        return Explanation.of(this);
    }

    /**
     * One input row (raw, as {@link #predict} takes it) traced through the network: each layer's pre-activation and
     * activation (summarised for wide layers) and the answer.
     */
    public String explain(INDArray row) {
        return Explanation.trace(this, inputs.row(row));
    }

    /** A table of layers, shapes and parameter counts; see {@link Summary}. */
    public String summary() {
        return Summary.of(this);
    }

    @Override
    public String toString() {
        return summary();
    }

    /** The lock a training batch holds while it changes the weights. */
    Object weightsLock() {
        return weightsLock;
    }

    /**
     * The outputs {@code [n, nOut]} for rows given by column name (numbers, texts, or null for a
     * missing cell): each row is encoded as {@link #table()} says (or read by {@link #inputNames()}
     * when the network has no table encoding), then predicted as {@link #predict(INDArray)} does.
     * Notes on filled-in cells and unseen categories go to {@code notes}, once per column.
     *
     * @throws IllegalArgumentException when a row lacks a column or a cell cannot be encoded
     * @throws IllegalStateException    when the network names no input columns
     */
    public INDArray predictRows(List<? extends Map<String, ?>> rows, TableNotes notes) {
        return predictions.predictRows(rows, notes);
    }

    /**
     * The rate of the inverted dropout {@link Builder#dropout} put after layer {@code index} (counting from 0), or 0
     * when there is none. Dropout acts in {@code fit} only.
     */
    public double dropoutRate(int index) {
        return dropoutRates.get(index);
    }

    /** The dropout rate after each layer, 0 for none. */
    List<Double> dropoutRates() {
        return dropoutRates;
    }

    /** The code that does this network's arithmetic, chosen when it was built. */
    Arithmetic arithmetic() {
        return arithmetic;
    }

    /**
     * The backend that runs this network's arithmetic: the one its builder asked for, or {@link Backend#REFERENCE} when
     * the fast backend lacks a kernel for one of its activations ({@link #summary()} then says which).
     */
    public Backend backend() {
        return arithmetic.backend();
    }

    /** Every parameter of every layer, input side first. */
    List<Parameter> parameters() {
        return layers.stream().flatMap(layer -> layer.parameters().stream()).toList();
    }

    /**
     * Assembles and validates a network: the one place that does. Layers are added in order; {@link #build()} checks
     * that their sizes chain and draws the initial weights from the seed.
     */
    public static final class Builder extends NetworkBuilder {

        /** The seed used when {@link #seed(long)} is not called. */
        public static final long DEFAULT_SEED = 1;
        /** The data type used when {@link #dataType(DataType)} is not called. */
        public static final DataType DEFAULT_DATA_TYPE = DataType.FLOAT;

        private Builder() {
        }
    }
}
