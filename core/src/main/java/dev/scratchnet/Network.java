package dev.scratchnet;

import dev.scratchnet.arithmetic.Arithmetic;
import dev.scratchnet.arithmetic.Backends;
import dev.scratchnet.internal.Argmax;
import dev.scratchnet.internal.Checks;
import dev.scratchnet.internal.Shapes;
import dev.scratchnet.io.ModelFile;
import dev.scratchnet.io.ModelReader;
import dev.scratchnet.io.OnnxExport;
import dev.scratchnet.runtime.TableColumns;
import dev.scratchnet.runtime.TableNotes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A multi-layer perceptron: a chain of layers, each feeding the next.
 * Build one with {@link #builder()}; it is ready to predict and to {@link #fit} at once.
 * <p>
 * {@link #predict} and the other read-only methods touch no state and may run on many threads at
 * once. {@link #fit} and {@link #gradients} change the network: a second such call while one runs
 * (from another thread, or from a listener inside {@code fit}) is refused with an
 * {@link IllegalStateException}, and predictions made while {@code fit} runs see weights in the
 * middle of training. {@link #save} during a fit on another thread writes the weights as they
 * stand between two batches, never a mix of two.
 * <p>
 * Every public method checks its arguments before it touches anything: a call refused with an
 * {@link IllegalArgumentException} or {@link IllegalStateException} leaves the weights as they were.
 */
public final class Network {

    private final List<Layer> layers;
    private final DataType dataType;
    private final long seed;
    private final Arithmetic arithmetic;
    private final NetworkInputs inputs;
    /** Rescaling of raw inputs, and of raw targets (whose inverse turns outputs back), or null. */
    private final Scaler scaler;
    private final Scaler targetScaler;
    private final List<String> classNames;
    private final List<String> inputNames;
    /** A table's encoding of rows by column name, or null. */
    private final TableColumns table;
    /** The dropout rate after each layer, 0 for none. */
    private final List<Double> dropoutRates;
    private final TrainingGuard guard = new TrainingGuard();
    /** Held while a batch changes the weights, and while {@link #save} copies them. */
    private final Object weightsLock = new Object();

    Network(List<Layer> layers, List<Double> dropoutRates, DataType dataType, long seed, Backend backend,
            int trainingThreads, Preprocessing preprocessing) {
        this.layers = List.copyOf(layers);
        this.dropoutRates = List.copyOf(dropoutRates);
        this.dataType = dataType;
        this.seed = seed;
        this.scaler = preprocessing.scaler();
        this.targetScaler = preprocessing.targetScaler();
        this.classNames = preprocessing.classNames();
        this.inputNames = preprocessing.inputNames();
        this.table = preprocessing.table();
        this.arithmetic = Backends.create(backend, this.layers, dataType, trainingThreads);
        this.inputs = new NetworkInputs(nIn(), nOut(), dataType);
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
     *                                  before any weight changes)
     * @throws IllegalStateException    when {@code fit} or {@link #gradients} already runs on this network
     * @throws TrainingDivergedException when the loss becomes NaN or infinite; the network then
     *                                   keeps the weights of the last good epoch
     */
    public TrainingHistory fit(DataSet data, Fit fit) {
        inputs.checkFit(data, fit);
        guard.claim("fit");
        try {
            return new InMemoryFit(this, fit).run(data);
        } finally {
            guard.release();
        }
    }

    /**
     * The network's outputs {@code [n, nOut]} for inputs {@code x [n, nIn]}, as a new array.
     *
     * @throws IllegalArgumentException when {@code x} is not a non-empty matrix of width
     *                                  {@link #nIn()}, holds a NaN or infinite value, or holds values
     *                                  so large that the outputs overflow to NaN or infinity
     */
    public INDArray predict(INDArray x) {
        if (x != null && x.rank() == 2 && x.length() > 0 && x.dataType() == dataType && x.columns() == nIn()) {
            // the common case in one pass: the backend checks inputs and outputs as it goes
            Optional<INDArray> p = arithmetic.predictIfFinite(scaler == null ? x : scaler.apply(x));
            if (p.isPresent()) {
                return inTargetUnits(p.get());
            }
        }
        // anything else, including every bad input, takes the checks that explain what is wrong
        Checks.allFinite("input", Checks.matrix("input", x));
        return inTargetUnits(inputs.finiteOutputs(outputs(x), x, "output"));
    }

    /**
     * The outputs as training sees them — after the input scaler, before the target scaler's inverse —
     * for raw inputs checked for NaN and infinity already.
     */
    INDArray outputs(INDArray x) {
        INDArray input = inputs.input(x);
        return arithmetic.predict(scaler == null ? input : scaler.apply(input));
    }

    /** Outputs in the units of the raw targets: the target scaler's inverse, when there is one. */
    private INDArray inTargetUnits(INDArray outputs) {
        return targetScaler == null ? outputs : targetScaler.invert(outputs);
    }

    /** The index of the largest output of each row: the predicted class. */
    public int[] predictClasses(INDArray x) {
        return Argmax.ofRows(predict(x));
    }

    /**
     * The loss of the network's predictions on {@code data}, without any weight decay term, in the
     * units training sees (targets through the target scaler, when the network has one).
     */
    public double loss(DataSet data, Loss loss) {
        inputs.checkLoss(data, loss);
        // a DataSet's values were checked for NaN and infinity when it was made
        INDArray p = inputs.finiteOutputs(outputs(data.features()), data.features(), "output");
        INDArray targets = data.targets().castTo(dataType);
        return arithmetic.loss(loss, p, targetScaler == null ? targets : targetScaler.apply(targets));
    }

    /**
     * The network's predictions on {@code data} against its targets: accuracy, confusion matrix and
     * per-class scores of the predicted classes, and MSE, MAE and R² of the raw outputs.
     */
    public Evaluation evaluate(DataSet data) {
        inputs.checkEvaluate(data);
        return Evaluation.of(data.targets(),
                inTargetUnits(inputs.finiteOutputs(outputs(data.features()), data.features(), "output")));
    }

    /**
     * The gradient of {@code loss} with respect to every weight and bias for one batch, by
     * back-propagation (no weight decay). The returned arrays are copies; the network's
     * weights are unchanged, its gradient buffers and forward caches are overwritten.
     *
     * @throws IllegalArgumentException when {@code x} or {@code y} does not fit the network or the
     *                                  loss, holds a NaN or infinite value, or holds values so large
     *                                  that the gradients overflow
     * @throws IllegalStateException    when {@link #fit} or {@code gradients} already runs on this network
     */
    public Gradients gradients(INDArray x, INDArray y, Loss loss) {
        Checks.notNull("loss", loss);
        Checks.allFinite("input", Checks.matrix("input", x));
        INDArray targets = inputs.targets(x, y, loss);
        INDArray input = inputs.input(x);
        // gradients of the loss training minimises: scaled inputs, scaled targets
        input = scaler == null ? input : scaler.apply(input);
        targets = targetScaler == null ? targets : targetScaler.apply(targets);
        guard.claim("gradients");
        try {
            Gradients g = backPropagate(input, targets, loss);
            for (int i = 0; i < g.numLayers(); i++) {
                inputs.finiteOutputs(g.weights(i), x, "gradient of dense layer " + (i + 1) + " weights");
                inputs.finiteOutputs(g.bias(i), x, "gradient of dense layer " + (i + 1) + " bias");
            }
            return g;
        } finally {
            guard.release();
        }
    }

    private Gradients backPropagate(INDArray input, INDArray targets, Loss loss) {
        arithmetic.gradients(input, targets, loss);
        List<INDArray> weights = new ArrayList<>();
        List<INDArray> biases = new ArrayList<>();
        for (Layer layer : layers) {
            weights.add(layer.parameters().get(0).gradient().dup());
            biases.add(layer.parameters().get(1).gradient().dup());
        }
        return new Gradients(weights, biases);
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
        long count = 0;
        for (Layer layer : layers) {
            for (Parameter parameter : layer.parameters()) {
                count += parameter.value().length();
            }
        }
        return count;
    }

    /**
     * Saves the network to {@code path} as one zip file: {@code model.json} (format version,
     * layers, activations, shapes, initializer, data type, seed) and one numpy {@code .npy} array
     * per weight and bias (see {@link ModelFile} for the layout). The file is written under a
     * temporary name and renamed, so a crash never leaves half a model; missing parent directories
     * are created.
     *
     * @throws IOException when the file cannot be written; an existing file is then left as it was
     */
    public void save(Path path) throws IOException {
        Checks.notNull("path", path);
        Map<String, byte[]> contents;
        // one state of the weights: a fit running on another thread changes them batch by batch,
        // each batch under this lock, so the file holds the weights between two batches
        synchronized (weightsLock) {
            contents = ModelFile.contents(this);
        }
        ModelFile.write(contents, path);
    }

    /**
     * Writes the network as an ONNX model (opset 13): input {@code input} [batch, nIn], output
     * {@code output} [batch, nOut]; see {@link OnnxExport} for the names of its parts.
     *
     * @throws IOException           when the file cannot be written; an existing file is then left as it was
     * @throws IllegalStateException when an activation has no ONNX operator (one of your own)
     */
    public void exportOnnx(Path path) throws IOException {
        Checks.notNull("path", path);
        byte[] model;
        synchronized (weightsLock) { // one state of the weights, as save takes
            model = OnnxExport.model(this);
        }
        OnnxExport.write(model, path);
    }

    /**
     * Loads a network saved by {@link #save}; it predicts exactly as the saved one did.
     *
     * @throws IOException naming the file and the problem when it is missing, truncated, not a
     *                     scratchnet model, corrupt, or written by a newer format version
     */
    public static Network load(Path path) throws IOException {
        Checks.notNull("path", path);
        return ModelReader.load(path);
    }

    /**
     * The math this network computes, as text: per layer the forward and backward equations with
     * this network's shapes ({@code z1 = x·W1 + b1   [n,64]·[64,15] + [1,15] → [n,15]}), where the
     * batch's 1/n enters, the fused softmax + cross-entropy gradient when the output allows it, the
     * preprocessing and the parameter counts.
     */
    public String explain() {
        return Explanation.of(this);
    }

    /**
     * One input row (raw, as {@link #predict} takes it) traced through the network: each layer's
     * pre-activation and activation (summarised for wide layers) and the answer.
     */
    public String explain(INDArray row) {
        Checks.allFinite("row", Checks.notNull("row", row));
        INDArray x = row.rank() == 1 ? row.reshape(1, row.length()) : row;
        inputs.input(x);
        return Explanation.trace(this, x);
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

    /** The scaler applied to raw inputs before the first layer, if the network has one. */
    public Optional<Scaler> scaler() {
        return Optional.ofNullable(scaler);
    }

    /**
     * The scaler of raw targets, if the network has one: {@code fit} trains on scaled targets and
     * {@code predict} and {@code evaluate} turn outputs back into the targets' own units.
     */
    public Optional<Scaler> targetScaler() {
        return Optional.ofNullable(targetScaler);
    }

    /** The classes' names in output order, or an empty list. */
    public List<String> classNames() {
        return classNames;
    }

    /** The input columns' names in input order (a table's header), or an empty list. */
    public List<String> inputNames() {
        return inputNames;
    }

    /**
     * How the network turns a table's rows, by column name, into its input rows (text columns
     * one-hot, missing cells filled in with what the training rows gave), or empty.
     */
    public Optional<TableColumns> table() {
        return Optional.ofNullable(table);
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
        Checks.notNull("rows", rows);
        Checks.notNull("notes", notes);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("rows must hold at least one row");
        }
        if (table == null && inputNames.isEmpty()) {
            throw new IllegalStateException("the network names no input columns; give rows as an array [n, " + nIn()
                    + "] to predict(INDArray)");
        }
        double[][] encoded = new double[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
            Map<String, ?> row = Checks.notNull("row", rows.get(i));
            encoded[i] = table != null ? table.encode(row, notes) : TableColumns.numbers(inputNames, row);
        }
        return predict(Nd4j.createFromArray(encoded).castTo(dataType));
    }

    /**
     * The rate of the inverted dropout {@link Builder#dropout} put after layer {@code index} (counting
     * from 0), or 0 when there is none. Dropout acts in {@code fit} only.
     */
    public double dropoutRate(int index) {
        return dropoutRates.get(index);
    }

    /** Whether some layer has dropout after it. */
    boolean hasDropout() {
        return dropoutRates.stream().anyMatch(rate -> rate > 0);
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
     * The backend that runs this network's arithmetic: the one its builder asked for, or
     * {@link Backend#REFERENCE} when the fast backend lacks a kernel for one of its activations
     * ({@link #summary()} then says which).
     */
    public Backend backend() {
        return arithmetic.backend();
    }

    /** Every parameter of every layer, input side first. */
    List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>();
        for (Layer layer : layers) {
            all.addAll(layer.parameters());
        }
        return all;
    }

    /**
     * Assembles and validates a network: the one place that does. Layers are added in order;
     * {@link #build()} checks that their sizes chain and draws the initial weights from the seed.
     */
    public static final class Builder {

        /** The seed used when {@link #seed(long)} is not called. */
        public static final long DEFAULT_SEED = 1;
        /** The data type used when {@link #dataType(DataType)} is not called. */
        public static final DataType DEFAULT_DATA_TYPE = DataType.FLOAT;

        private final LayerChain chain = new LayerChain();
        private long seed = DEFAULT_SEED;
        private DataType dataType = DEFAULT_DATA_TYPE;
        private Backend backend;
        private int trainingThreads;
        private Scaler scaler;
        private Scaler targetScaler;
        private List<String> classNames = List.of();
        private List<String> inputNames = List.of();
        private TableColumns table;

        private Builder() {
        }

        /** The seed for the initial weights (and, unless {@link Fit} sets its own, for shuffling). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** {@code DataType.FLOAT} (the default) or {@code DataType.DOUBLE}. */
        public Builder dataType(DataType dataType) {
            Checks.notNull("dataType", dataType);
            if (dataType != DataType.FLOAT && dataType != DataType.DOUBLE) {
                throw new IllegalArgumentException("dataType must be FLOAT or DOUBLE, was " + dataType);
            }
            this.dataType = dataType;
            return this;
        }

        /**
         * The backend that does the network's arithmetic; without this call, {@link Backend#byDefault()}
         * (the system property {@value Backend#PROPERTY}, else {@link Backend#FAST}), read at {@link #build()}.
         */
        public Builder backend(Backend backend) {
            this.backend = Checks.notNull("backend", backend);
            return this;
        }

        /**
         * How many threads share each training batch on the fast backend: its rows are cut into that
         * many blocks, each run forward and backward on its own thread, and the blocks' gradients
         * summed in block order before one update. The count fixes the order of those sums, so the
         * same count gives the same weights bit for bit (and another may differ in the last bits).
         * Without this call, the system property {@code scratchnet.trainingThreads}, else a choice
         * per fit: the processor count when a batch's work pays for the hand-over, else 1 (see
         * {@link #summary()}'s last line). Apart from {@code Setup.nativeThreads}, which sets the
         * threads of ND4J and OpenBLAS inside each call; the reference backend trains on one thread.
         *
         * @param threads 1 or more
         */
        public Builder threads(int threads) {
            Checks.positive("threads", threads);
            this.trainingThreads = threads;
            return this;
        }

        /**
         * A scaler fitted on the training inputs ({@link Scaler#standardize}, …), applied to raw inputs
         * by {@code predict}, {@code evaluate}, {@code loss}, {@code gradients} and {@code fit}, and
         * saved with the network. Its width must be the network's input width.
         */
        public Builder scaler(Scaler scaler) {
            this.scaler = Checks.notNull("scaler", scaler);
            return this;
        }

        /**
         * A scaler fitted on the training targets of a regression: {@code fit} trains on scaled targets,
         * {@code predict} and {@code evaluate} answer in the targets' own units. Width: the output width.
         */
        public Builder targetScaler(Scaler targetScaler) {
            this.targetScaler = Checks.notNull("targetScaler", targetScaler);
            return this;
        }

        /** Names of the classes in output order (for one output column, of class 0 and class 1), saved with the network. */
        public Builder classNames(List<String> classNames) {
            Checks.notNull("classNames", classNames);
            classNames.forEach(name -> Checks.notNull("class name", name));
            this.classNames = List.copyOf(classNames);
            return this;
        }

        /**
         * Names of the input columns in input order, as a table's header gives them, saved with the
         * network, so that {@code predict --csv} can pick the columns of a file by name.
         */
        public Builder inputNames(List<String> inputNames) {
            Checks.notNull("inputNames", inputNames);
            inputNames.forEach(name -> Checks.notNull("input name", name));
            this.inputNames = List.copyOf(inputNames);
            return this;
        }

        /**
         * A table's encoding, fitted on its training rows ({@link TableColumns#fit}): rows by column
         * name become input rows of {@code table.width()} numbers, the network's input width. Saved
         * with the network (model format 3).
         */
        public Builder table(TableColumns table) {
            this.table = Checks.notNull("table", table);
            return this;
        }

        /** The width of the input, so that each {@link #dense(int, Activation)} gives only its output width. */
        public Builder input(int nIn) {
            chain.input(nIn);
            return this;
        }

        /** A dense layer {@code nIn → nOut} with Xavier-initialised weights. */
        public Builder dense(int nIn, int nOut, Activation activation) {
            return dense(nIn, nOut, activation, Initializer.XAVIER);
        }

        /** A dense layer {@code nIn → nOut} with weights filled by {@code initializer}. */
        public Builder dense(int nIn, int nOut, Activation activation, Initializer initializer) {
            Checks.positive(chain.nextLayerName() + " nIn", nIn);
            return add(new LayerSpec(nIn, nOut, activation, initializer, null, null));
        }

        /** A dense layer whose input width is the previous layer's output (or {@link #input(int)}). */
        public Builder dense(int nOut, Activation activation) {
            return dense(nOut, activation, Initializer.XAVIER);
        }

        /** As {@link #dense(int, Activation)}, with weights filled by {@code initializer}. */
        public Builder dense(int nOut, Activation activation, Initializer initializer) {
            return add(new LayerSpec(null, nOut, activation, initializer, null, null));
        }

        /**
         * A dense layer with explicit weights {@code [nIn, nOut]} and bias {@code [nOut]} (or
         * {@code [1, nOut]}); both are copied, in the network's data type.
         */
        public Builder dense(INDArray weights, INDArray bias, Activation activation) {
            String name = chain.nextLayerName();
            Checks.allFinite(name + " weights", Checks.matrix(name + " weights", weights));
            Checks.notNull(name + " bias", bias);
            if (bias.length() != weights.columns() || (bias.rank() == 2 && bias.rows() != 1) || bias.rank() > 2) {
                throw new IllegalArgumentException(name + " bias must have shape [" + weights.columns()
                        + "] or [1, " + weights.columns() + "] to match weights " + Shapes.describe(weights)
                        + ", was " + Shapes.describe(bias));
            }
            Checks.allFinite(name + " bias", bias.reshape(1, bias.length()));
            return add(new LayerSpec(weights.rows(), weights.columns(), activation, null,
                    weights.dup(), bias.reshape(1, bias.length()).dup()));
        }

        /**
         * Inverted dropout after the dense layer added last: in {@code fit}, each of its outputs is
         * zeroed with probability {@code rate} and the others are divided by {@code 1 − rate}
         * ({@code torch.nn.Dropout}), the masks drawn from the fit's seed, so the same seed gives the
         * same weights. {@code predict}, {@code evaluate}, {@code loss} and {@code gradients} use no
         * dropout. {@code 0 < rate < 1}; not after the output layer.
         */
        public Builder dropout(double rate) {
            chain.dropout(rate);
            return this;
        }

        private Builder add(LayerSpec spec) {
            chain.add(spec);
            return this;
        }

        /**
         * Checks that the layer sizes chain and creates the network with its initial weights.
         *
         * @throws IllegalArgumentException naming both layers when sizes do not chain
         * @throws IllegalStateException    when no layer was added
         */
        public Network build() {
            return chain.build(dataType, seed, backend != null ? backend : Backend.byDefault(), trainingThreads,
                    new Preprocessing(scaler, targetScaler, classNames, inputNames, table));
        }
    }
}
