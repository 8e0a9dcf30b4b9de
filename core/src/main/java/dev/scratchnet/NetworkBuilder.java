package dev.scratchnet;

import dev.scratchnet.internal.Checks;
import dev.scratchnet.internal.Shapes;
import dev.scratchnet.runtime.TableColumns;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The settings and methods of {@link Network.Builder}, kept out of {@code Network.java}: the builder
 * is this class with its constants. Its public methods are the builder's (javac copies them into
 * {@code Network.Builder}, so they are called and documented there); each records one setting, and
 * {@link #build()} hands them to {@link LayerChain}, which checks and assembles the network.
 */
abstract class NetworkBuilder {

    private final LayerChain chain = new LayerChain();
    private long seed = Network.Builder.DEFAULT_SEED;
    private DataType dataType = Network.Builder.DEFAULT_DATA_TYPE;
    private Backend backend;
    private int trainingThreads;
    private Plan plan;
    private Scaler scaler;
    private Scaler targetScaler;
    private List<String> classNames = List.of();
    private List<String> inputNames = List.of();
    private TableColumns table;

    /** The seed for the initial weights (and, unless {@link Fit} sets its own, for shuffling). */
    public Network.Builder seed(long seed) {
        this.seed = seed;
        return self();
    }

    /** {@code DataType.FLOAT} (the default) or {@code DataType.DOUBLE}. */
    public Network.Builder dataType(DataType dataType) {
        Checks.notNull("dataType", dataType);
        if (dataType != DataType.FLOAT && dataType != DataType.DOUBLE) {
            throw new IllegalArgumentException("dataType must be FLOAT or DOUBLE, was " + dataType);
        }
        this.dataType = dataType;
        return self();
    }

    /**
     * The backend that does the network's arithmetic; without this call, {@link Backend#byDefault()}
     * (the system property {@value Backend#PROPERTY}, else {@link Backend#FAST}), read at {@link #build()}.
     */
    public Network.Builder backend(Backend backend) {
        this.backend = Checks.notNull("backend", backend);
        return self();
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
    public Network.Builder threads(int threads) {
        Checks.positive("threads", threads);
        this.trainingThreads = threads;
        return self();
    }

    /**
     * Pins how the fast backend runs a training step ({@link Plan}): without this call, the system
     * property {@value Plan#PROPERTY}, else a plan measured once per shape on this machine and
     * remembered (see {@link Plan}). With {@link #threads(int)}, the count is the plan's threads
     * (the rows' blocks, or BLAS's threads); the reference backend trains on one thread whatever the plan.
     */
    public Network.Builder plan(Plan plan) {
        this.plan = Checks.notNull("plan", plan);
        return self();
    }

    /**
     * A scaler fitted on the training inputs ({@link Scaler#standardize}, …), applied to raw inputs
     * by {@code predict}, {@code evaluate}, {@code loss}, {@code gradients} and {@code fit}, and
     * saved with the network. Its width must be the network's input width.
     */
    public Network.Builder scaler(Scaler scaler) {
        this.scaler = Checks.notNull("scaler", scaler);
        return self();
    }

    /**
     * A scaler fitted on the training targets of a regression: {@code fit} trains on scaled targets,
     * {@code predict} and {@code evaluate} answer in the targets' own units. Width: the output width.
     */
    public Network.Builder targetScaler(Scaler targetScaler) {
        this.targetScaler = Checks.notNull("targetScaler", targetScaler);
        return self();
    }

    /** Names of the classes in output order (for one output column, of class 0 and class 1), saved with the network. */
    public Network.Builder classNames(List<String> classNames) {
        Checks.notNull("classNames", classNames);
        classNames.forEach(name -> Checks.notNull("class name", name));
        this.classNames = List.copyOf(classNames);
        return self();
    }

    /**
     * Names of the input columns in input order, as a table's header gives them, saved with the
     * network, so that {@code predict --csv} can pick the columns of a file by name.
     */
    public Network.Builder inputNames(List<String> inputNames) {
        Checks.notNull("inputNames", inputNames);
        inputNames.forEach(name -> Checks.notNull("input name", name));
        this.inputNames = List.copyOf(inputNames);
        return self();
    }

    /**
     * A table's encoding, fitted on its training rows ({@link TableColumns#fit}): rows by column
     * name become input rows of {@code table.width()} numbers, the network's input width. Saved
     * with the network (model format 3).
     */
    public Network.Builder table(TableColumns table) {
        this.table = Checks.notNull("table", table);
        return self();
    }

    /** The width of the input, so that each {@link #dense(int, Activation)} gives only its output width. */
    public Network.Builder input(int nIn) {
        chain.input(nIn);
        return self();
    }

    /** A dense layer {@code nIn → nOut} with Xavier-initialised weights. */
    public Network.Builder dense(int nIn, int nOut, Activation activation) {
        return dense(nIn, nOut, activation, Initializer.XAVIER);
    }

    /** A dense layer {@code nIn → nOut} with weights filled by {@code initializer}. */
    public Network.Builder dense(int nIn, int nOut, Activation activation, Initializer initializer) {
        Checks.positive(chain.nextLayerName() + " nIn", nIn);
        return add(new LayerSpec(nIn, nOut, activation, initializer, null, null));
    }

    /** A dense layer whose input width is the previous layer's output (or {@link #input(int)}). */
    public Network.Builder dense(int nOut, Activation activation) {
        return dense(nOut, activation, Initializer.XAVIER);
    }

    /** As {@link #dense(int, Activation)}, with weights filled by {@code initializer}. */
    public Network.Builder dense(int nOut, Activation activation, Initializer initializer) {
        return add(new LayerSpec(null, nOut, activation, initializer, null, null));
    }

    /**
     * A dense layer with explicit weights {@code [nIn, nOut]} and bias {@code [nOut]} (or
     * {@code [1, nOut]}); both are copied, in the network's data type.
     */
    public Network.Builder dense(INDArray weights, INDArray bias, Activation activation) {
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
    public Network.Builder dropout(double rate) {
        chain.dropout(rate);
        return self();
    }

    private Network.Builder add(LayerSpec spec) {
        chain.add(spec);
        return self();
    }

    /**
     * Checks that the layer sizes chain and creates the network with its initial weights.
     *
     * @throws IllegalArgumentException naming both layers when sizes do not chain
     * @throws IllegalStateException    when no layer was added
     */
    public Network build() {
        Network network = chain.build(dataType, seed, backend != null ? backend : Backend.byDefault(),
                trainingThreads, new Preprocessing(scaler, targetScaler, classNames, inputNames, table));
        if (plan != null) {
            network.arithmetic().pinPlan(plan);
        }
        return network;
    }

    /** This builder as the public type its methods return. */
    private Network.Builder self() {
        return (Network.Builder) this;
    }
}
