package dev.scratchnet;

import dev.scratchnet.internal.Argmax;
import dev.scratchnet.internal.Checks;
import dev.scratchnet.internal.Limits;
import dev.scratchnet.internal.Memory;
import dev.scratchnet.internal.Permutation;
import dev.scratchnet.internal.Shapes;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Examples to train or evaluate on: features {@code [n, nIn]} and targets {@code [n, nOut]}, one
 * example per row. Immutable by convention: every method returns a new data set, and the arrays
 * handed out are shared, not copied, so do not change them.
 */
public final class DataSet implements Serializable {

    /** The most values one Java array (and so one of our one-hot target arrays) can hold. */
    private static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    private final INDArray features;
    private final INDArray targets;
    /** The classes' names in column order, or empty. */
    private final List<String> classNames;
    /** One weight per row, or null when every row weighs 1. */
    private final double[] weights;

    private DataSet(INDArray features, INDArray targets) {
        this(features, targets, List.of(), null);
    }

    private DataSet(INDArray features, INDArray targets, List<String> classNames, double[] weights) {
        this.features = features;
        this.targets = targets;
        this.classNames = classNames;
        this.weights = weights;
    }

    /**
     * Pairs features {@code [n, nIn]} with targets {@code [n, nOut]}. Both must be non-empty
     * matrices of finite values with the same number of rows; integer arrays become float32.
     */
    public static DataSet of(INDArray features, INDArray targets) {
        Checks.allFinite("features", Checks.matrix("features", features));
        Checks.allFinite("targets", Checks.matrix("targets", targets));
        if (features.rows() != targets.rows()) {
            throw new IllegalArgumentException("features have " + features.rows() + " rows but targets have "
                    + targets.rows() + " (features " + Shapes.describe(features) + ", targets "
                    + Shapes.describe(targets) + ")");
        }
        return new DataSet(floating(features), floating(targets));
    }

    /**
     * Features with class labels, turned into one-hot targets {@code [n, numClasses]}.
     *
     * @param labels     one per row of {@code features}, each in {@code [0, numClasses)}
     * @param numClasses at least 2
     */
    public static DataSet ofClasses(INDArray features, int[] labels, int numClasses) {
        Checks.matrix("features", features);
        Checks.notNull("labels", labels);
        if (numClasses < 2) {
            throw new IllegalArgumentException("numClasses must be >= 2 (a single class is nothing to tell apart), was "
                    + numClasses);
        }
        if (labels.length != features.rows()) {
            throw new IllegalArgumentException("features have " + features.rows() + " rows but there are "
                    + labels.length + " labels");
        }
        if ((long) labels.length * numClasses > MAX_ELEMENTS) {
            throw new IllegalArgumentException("one-hot targets of " + labels.length + " rows × " + numClasses
                    + " classes do not fit in one array (at most " + MAX_ELEMENTS + " values); numClasses was "
                    + numClasses);
        }
        Limits.requireClasses("numClasses " + numClasses, numClasses);
        long cells = (long) labels.length * numClasses;
        String what = "one-hot targets of " + labels.length + " rows × " + numClasses + " classes";
        Memory.requireHeap(what, Memory.bytes(cells, Float.BYTES));
        Memory.requireNative(what, Memory.bytes(cells, Float.BYTES + Double.BYTES)); // the array and its cast
        float[] oneHot = new float[labels.length * numClasses];
        for (int row = 0; row < labels.length; row++) {
            int label = labels[row];
            if (label < 0 || label >= numClasses) {
                throw new IllegalArgumentException("label " + label + " at row " + row + " is outside [0, "
                        + numClasses + ")");
            }
            oneHot[row * numClasses + label] = 1f;
        }
        DataType type = features.dataType().isFPType() ? features.dataType() : DataType.FLOAT;
        return of(features, Nd4j.create(oneHot, new long[] {labels.length, numClasses}).castTo(type));
    }

    /** How many examples (rows). */
    public int size() {
        return features.rows();
    }

    /** The features {@code [n, nIn]} (shared, not copied). */
    public INDArray features() {
        return features;
    }

    /** The targets {@code [n, nOut]} (shared, not copied). */
    public INDArray targets() {
        return targets;
    }

    /** Width of one example's features. */
    public int numFeatures() {
        return features.columns();
    }

    /** Width of one example's targets. */
    public int numOutputs() {
        return targets.columns();
    }

    /**
     * This data set with names for its classes, in target-column order (for one target column, the
     * names of class 0 and class 1); reports, {@code train} and {@code predict} print them, and a
     * network built with {@link Network.Builder#classNames} saves them.
     */
    public DataSet withClassNames(List<String> names) {
        Checks.notNull("class names", names);
        int classes = Math.max(numOutputs(), 2);
        if (names.size() != classes) {
            throw new IllegalArgumentException("class names must name " + classes + " classes (one per target column),"
                    + " were " + names.size() + ": " + names);
        }
        for (String name : names) {
            Checks.notNull("class name", name);
        }
        return new DataSet(features, targets, List.copyOf(names), weights);
    }

    /**
     * This data set with a weight per row (sample weights), copied: training minimises the weighted
     * mean of the rows' losses, {@code Σ wᵢ·lᵢ / Σ wᵢ} over each batch (see {@link Fit.Builder#classWeights}).
     * Each weight must be finite and {@code ≥ 0}, at least one {@code > 0}, and their sum at most
     * {@link Float#MAX_VALUE} (only their ratios count).
     */
    public DataSet withWeights(double... weights) {
        Checks.notNull("weights", weights);
        if (weights.length != size()) {
            throw new IllegalArgumentException("weights must give one weight per row: " + size() + " rows, "
                    + weights.length + " weights");
        }
        double sum = 0;
        for (int row = 0; row < weights.length; row++) {
            Checks.nonNegative("weight of row " + row, weights[row]);
            sum += weights[row];
            if (sum > MAX_WEIGHT_SUM) {
                throw new IllegalArgumentException("weights must sum to at most " + MAX_WEIGHT_SUM + " (float32's largest "
                        + "number: a batch's weighted loss is summed in it), but rows 0.." + row + " already sum to " + sum
                        + " (row " + row + " has weight " + weights[row] + "); only the weights' ratios count, so divide "
                        + "them all by the same number, for example so that the largest is 1");
            }
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("weights must not all be 0; at least one row has to count");
        }
        return new DataSet(features, targets, classNames, weights.clone());
    }

    /** The largest sum of row weights: beyond it a batch's weighted loss overflows float32. */
    private static final double MAX_WEIGHT_SUM = Float.MAX_VALUE;

    /** Whether {@link #withWeights} gave the rows weights. */
    public boolean hasWeights() {
        return weights != null;
    }

    /** A copy of the rows' weights: those given to {@link #withWeights}, or all 1. */
    public double[] weights() {
        if (weights == null) {
            double[] ones = new double[size()];
            Arrays.fill(ones, 1.0);
            return ones;
        }
        return weights.clone();
    }

    /** The classes' names in target-column order, or an empty list when none were given. */
    public List<String> classNames() {
        return classNames;
    }

    /** The class of each row: the argmax of its targets (for one target column, 1 when ≥ 0.5). */
    public int[] labels() {
        return Argmax.ofRows(targets);
    }

    /** A new data set whose features are multiplied by {@code factor}, e.g. {@code 1 / 16.0} for raw digits. */
    public DataSet scale(double factor) {
        Checks.finite("scale factor", factor);
        INDArray scaled = features.mul(factor);
        try {
            Checks.allFinite("scaled features", scaled);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + " (scale factor " + factor
                    + " is too large for these features in " + features.dataType() + ")", e);
        }
        return new DataSet(scaled, targets, classNames, weights);
    }

    /** The same examples in a random order drawn from {@code seed}. */
    public DataSet shuffle(long seed) {
        return select(Permutation.of(size(), Permutation.generator(seed)));
    }

    /** The seed {@link #split(double)} shuffles with. */
    public static final long DEFAULT_SPLIT_SEED = 1;

    /** {@link #split(double, long)} with {@link #DEFAULT_SPLIT_SEED}, so the same call always cuts alike. */
    public Split split(double fraction) {
        return split(fraction, DEFAULT_SPLIT_SEED);
    }

    /**
     * Shuffles with {@code seed}, then cuts: the first {@code fraction} of the rows (rounded) train,
     * the rest test. Both parts must be non-empty.
     */
    public Split split(double fraction, long seed) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("split fraction must be in (0, 1), was " + fraction);
        }
        int trainSize = (int) Math.round(fraction * size());
        if (trainSize == 0 || trainSize == size()) {
            throw new IllegalArgumentException("split fraction " + fraction + " of " + size()
                    + " examples leaves one part empty");
        }
        int[] order = Permutation.of(size(), Permutation.generator(seed));
        return new Split(select(Arrays.copyOfRange(order, 0, trainSize)),
                select(Arrays.copyOfRange(order, trainSize, order.length)));
    }

    /**
     * As {@link #split(double, long)}, keeping each class's share: {@code fraction} of every class's
     * rows (rounded) train, the rest test, drawn with {@code seed}. For class targets (one-hot rows,
     * or one 0/1 column); both parts must be non-empty.
     */
    public Split stratifiedSplit(double fraction, long seed) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("split fraction must be in (0, 1), was " + fraction);
        }
        Split heldOut = ValidationSplit.of(this, 1 - fraction, true, Permutation.generator(seed));
        return new Split(heldOut.train(), heldOut.test());
    }

    /**
     * Consecutive batches of {@code batchSize} rows (the last one may be smaller), as views that
     * share this data set's arrays.
     */
    public List<DataSet> batches(int batchSize) {
        Checks.positive("batchSize", batchSize);
        List<DataSet> batches = new ArrayList<>();
        for (int start = 0; start < size(); start += batchSize) {
            batches.add(rows(start, Math.min(start + batchSize, size())));
        }
        return batches;
    }

    /** Rows {@code [from, to)} as views. */
    DataSet rows(int from, int to) {
        return new DataSet(features.get(NDArrayIndex.interval(from, to), NDArrayIndex.all()),
                targets.get(NDArrayIndex.interval(from, to), NDArrayIndex.all()), classNames,
                weights == null ? null : Arrays.copyOfRange(weights, from, to));
    }

    /** The rows at {@code indexes}, in that order, copied. */
    DataSet select(int[] indexes) {
        double[] picked = null;
        if (weights != null) {
            picked = new double[indexes.length];
            for (int i = 0; i < indexes.length; i++) {
                picked[i] = weights[indexes[i]];
            }
        }
        return new DataSet(Nd4j.pullRows(features, 1, indexes), Nd4j.pullRows(targets, 1, indexes), classNames,
                picked);
    }

    /** This data set with both arrays in {@code dataType} (itself when they already are). */
    DataSet inType(DataType dataType) {
        if (features.dataType() == dataType && targets.dataType() == dataType) {
            return this;
        }
        return new DataSet(features.castTo(dataType), targets.castTo(dataType), classNames, weights);
    }

    /** This data set with its features (and, when given, its targets) rescaled; null scalers leave them as they are. */
    DataSet rescaled(Scaler featureScaler, Scaler targetScaler) {
        return new DataSet(featureScaler == null ? features : featureScaler.apply(features),
                targetScaler == null ? targets : targetScaler.apply(targets), classNames, weights);
    }

    /** Java serialization writes the values and shapes (see {@link SerializedDataSet}), never ND4J's own form. */
    private Object writeReplace() {
        return SerializedDataSet.of(this);
    }

    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("a DataSet is read through its serialized form, SerializedDataSet");
    }

    private static INDArray floating(INDArray array) {
        return array.dataType().isFPType() ? array : array.castTo(DataType.FLOAT);
    }

    @Override
    public String toString() {
        return "DataSet[" + size() + " examples, " + numFeatures() + " features, " + numOutputs() + " outputs]";
    }
}
