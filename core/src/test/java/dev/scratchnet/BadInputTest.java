package dev.scratchnet;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Every bad input at a public entry point gets a standard exception whose message names what was
 * expected and what was given, and a refused call leaves the network's weights as they were.
 */
class BadInputTest {

    @TempDir
    Path dir;

    private final Network net = Network.builder().seed(3).dense(4, 5, Activation.RELU)
            .dense(5, 3, Activation.SOFTMAX).build();

    private static INDArray ones(int rows, int columns) {
        return Nd4j.ones(DataType.FLOAT, rows, columns);
    }

    private static INDArray with(INDArray array, int row, int column, double value) {
        INDArray copy = array.dup();
        copy.putScalar(row, column, value);
        return copy;
    }

    private static DataSet classes(int rows) {
        int[] labels = new int[rows];
        for (int i = 0; i < rows; i++) {
            labels[i] = i % 3;
        }
        return DataSet.ofClasses(ones(rows, 4), labels, 3);
    }

    private static Fit crossEntropy() {
        return Fit.builder().loss(Loss.CROSS_ENTROPY).optimizer(Optimizer.sgd(0.1)).epochs(2).batchSize(2).build();
    }

    /** One bad call: the exception type it must raise and a fragment its message must hold. */
    private DynamicTest refused(String name, Class<? extends Exception> type, String fragment, Executable call) {
        return DynamicTest.dynamicTest(name, () -> {
            List<INDArray> before = Weights.of(net);
            Exception e = assertThrows(type, call, name);
            assertTrue(e.getMessage() != null && e.getMessage().contains(fragment),
                    name + ": expected a message holding \"" + fragment + "\", was: " + e.getMessage());
            Weights.assertUnchanged(before, net, name);
        });
    }

    @TestFactory
    Stream<DynamicTest> networkCallsRefuseBadInputAndKeepTheirWeights() {
        Class<IllegalArgumentException> iae = IllegalArgumentException.class;
        return Stream.of(
                refused("predict of the wrong width", iae, "input has 3 columns but the network expects nIn = 4",
                        () -> net.predict(ones(2, 3))),
                refused("predict of a vector", iae, "must be a matrix [rows, columns], was rank 1",
                        () -> net.predict(Nd4j.ones(DataType.FLOAT, 4))),
                refused("predict of no rows", iae, "input must not be empty, was [0, 4]",
                        () -> net.predict(Nd4j.create(DataType.FLOAT, 0, 4))),
                refused("predict of null", iae, "input must not be null", () -> net.predict(null)),
                refused("predict with NaN", iae, "input row 2 column 1 contains NaN",
                        () -> net.predict(with(ones(3, 4), 2, 1, Double.NaN))),
                refused("predict with infinity", iae, "input row 0 column 3 contains -Infinity",
                        () -> net.predictClasses(with(ones(3, 4), 0, 3, Double.NEGATIVE_INFINITY))),
                refused("predict of inputs that overflow float32", iae,
                        "output row 0 column 0 contains NaN: the inputs (largest magnitude 3.00e+38) overflow float32",
                        () -> net.predict(Nd4j.valueArrayOf(new long[] {1, 4}, 3e38f, DataType.FLOAT))),
                refused("gradients of inputs that overflow float32", iae,
                        "gradient of dense layer 1 weights row 0 column 0 contains NaN: the inputs (largest magnitude",
                        () -> net.gradients(Nd4j.valueArrayOf(new long[] {1, 4}, 3e38f, DataType.FLOAT),
                                Nd4j.createFromArray(new float[][] {{1, 0, 0}}), Loss.MSE)),
                refused("fit on features of the wrong width", iae, "input has 2 columns but the network expects nIn = 4",
                        () -> net.fit(DataSet.ofClasses(ones(3, 2), new int[] {0, 1, 2}, 3), crossEntropy())),
                refused("fit on targets of the wrong width", iae, "targets have 2 columns but the network outputs 3",
                        () -> net.fit(DataSet.ofClasses(ones(3, 4), new int[] {0, 1, 1}, 2), crossEntropy())),
                refused("fit with cross-entropy on targets outside [0, 1]", iae,
                        "targets row 1 column 2 is 7.0 but loss crossEntropy needs values in [0, 1]",
                        () -> net.fit(DataSet.of(ones(3, 4), with(ones(3, 3), 1, 2, 7)), crossEntropy())),
                refused("fit with validation targets outside [0, 1]", iae, "validation targets row 0 column 0 is -1.0",
                        () -> net.fit(classes(6), Fit.builder().loss(Loss.CROSS_ENTROPY)
                                .validation(DataSet.of(ones(2, 4), with(ones(2, 3), 0, 0, -1))).build())),
                refused("fit with validation data of the wrong width", iae, "validation data has 2 feature",
                        () -> net.fit(classes(6), Fit.builder().loss(Loss.CROSS_ENTROPY)
                                .validation(DataSet.ofClasses(ones(2, 2), new int[] {0, 1}, 3)).build())),
                refused("fit with a validation split that leaves nothing", iae, "leaves no validation example",
                        () -> net.fit(classes(3), Fit.builder().loss(Loss.CROSS_ENTROPY).validationSplit(0.01).build())),
                refused("fit with null data", iae, "data must not be null", () -> net.fit((DataSet) null, crossEntropy())),
                refused("loss on targets of the wrong width", iae, "targets have 2 columns but the network outputs 3",
                        () -> net.loss(DataSet.ofClasses(ones(2, 4), new int[] {0, 1}, 2), Loss.MSE)),
                refused("loss without a loss", iae, "loss must not be null", () -> net.loss(classes(3), null)),
                refused("evaluate on features of the wrong width", iae, "input has 5 columns",
                        () -> net.evaluate(DataSet.ofClasses(ones(3, 5), new int[] {0, 1, 2}, 3))),
                refused("gradients with rows that disagree", iae, "inputs have 2 rows but targets have 3",
                        () -> net.gradients(ones(2, 4), ones(3, 3), Loss.MSE)),
                refused("gradients with NaN targets", iae, "targets row 0 column 1 contains NaN",
                        () -> net.gradients(ones(1, 4), with(ones(1, 3), 0, 1, Double.NaN), Loss.MSE)),
                refused("gradients with infinite inputs", iae, "input row 1 column 0 contains Infinity",
                        () -> net.gradients(with(ones(2, 4), 1, 0, Double.POSITIVE_INFINITY), ones(2, 3), Loss.MSE)),
                refused("gradients with targets of the wrong width", iae, "targets have 4 columns",
                        () -> net.gradients(ones(2, 4), ones(2, 4), Loss.MSE)),
                refused("layer index out of range", iae, "layer index must be in [0, 2), was 2", () -> net.layer(2)),
                refused("save into a path whose parent is a file", java.io.IOException.class, "is a file, not a directory",
                        () -> {
                            Path file = dir.resolve("plain");
                            java.nio.file.Files.writeString(file, "x");
                            net.save(file.resolve("model.zip"));
                        }),
                refused("save over a directory", java.io.IOException.class, "it is a directory", () -> net.save(dir)));
    }

    @TestFactory
    Stream<DynamicTest> buildersAndDataRefuseBadSettings() {
        Class<IllegalArgumentException> iae = IllegalArgumentException.class;
        Class<IllegalStateException> ise = IllegalStateException.class;
        return Stream.of(
                refused("sizes that do not chain", iae, "dense layer 2 expects nIn = 16 but layer 1 has nOut = 15",
                        () -> Network.builder().dense(64, 15, Activation.RELU).dense(16, 10, Activation.SIGMOID).build()),
                refused("zero output width", iae, "dense layer 1 nOut must be > 0, was 0",
                        () -> Network.builder().dense(3, 0, Activation.RELU)),
                refused("negative input width", iae, "dense layer 1 nIn must be > 0, was -2",
                        () -> Network.builder().dense(-2, 3, Activation.RELU)),
                refused("no activation", iae, "dense layer 1 activation must not be null",
                        () -> Network.builder().dense(2, 3, null)),
                refused("no layers", ise, "a network needs at least one layer", () -> Network.builder().build()),
                refused("input width twice", ise, "input width already set to 3",
                        () -> Network.builder().input(3).input(4)),
                refused("explicit weights with NaN", iae, "dense layer 1 weights row 1 column 0 contains NaN",
                        () -> Network.builder().dense(with(ones(2, 2), 1, 0, Double.NaN), ones(1, 2), Activation.RELU)),
                refused("explicit bias of the wrong shape", iae, "dense layer 1 bias must have shape [2] or [1, 2]",
                        () -> Network.builder().dense(ones(3, 2), ones(1, 3), Activation.RELU)),
                refused("a layer too large for one array", iae,
                        "dense layer 1 would hold nIn × nOut = 100000 × 100000 = 10000000000 weights",
                        () -> Network.builder().dense(100_000, 100_000, Activation.RELU).build()),
                refused("explicit float64 weights beyond float32", iae,
                        "dense layer 1 weights row 0 column 1 is 1.0E300, beyond the float32 range",
                        () -> Network.builder().dense(with(Nd4j.ones(DataType.DOUBLE, 2, 2), 0, 1, 1e300),
                                Nd4j.ones(DataType.DOUBLE, 2), Activation.RELU).build()),
                refused("float64 inputs beyond float32", iae, "input row 1 column 2 is -1.0E300, beyond the float32",
                        () -> net.predict(with(Nd4j.ones(DataType.DOUBLE, 2, 4), 1, 2, -1e300))),
                refused("zero epochs", iae, "epochs must be > 0, was 0", () -> Fit.builder().epochs(0)),
                refused("negative batch size", iae, "batchSize must be > 0, was -1", () -> Fit.builder().batchSize(-1)),
                refused("zero learning rate", iae, "learningRate must be > 0 and finite, was 0.0", () -> Optimizer.sgd(0)),
                refused("NaN learning rate", iae, "learningRate must be > 0 and finite, was NaN",
                        () -> Optimizer.adam(Double.NaN)),
                refused("negative weight decay", iae, "l2 must be >= 0 and finite, was -0.001", () -> Fit.builder().l2(-1e-3)),
                refused("fit without a loss", ise, "Fit needs a loss", () -> Fit.builder().build()),
                refused("validation split and validation data together", ise, "contradicts",
                        () -> Fit.builder().validationSplit(0.2).validation(classes(3))),
                refused("early stopping without validation", ise, "earlyStopping(3) watches the validation",
                        () -> Fit.builder().loss(Loss.MSE).earlyStopping(3).build()),
                refused("features and targets of different lengths", iae, "features have 3 rows but targets have 2",
                        () -> DataSet.of(ones(3, 4), ones(2, 3))),
                refused("empty features", iae, "features must not be empty, was [0, 4]",
                        () -> DataSet.of(Nd4j.create(DataType.FLOAT, 0, 4), Nd4j.create(DataType.FLOAT, 0, 3))),
                refused("infinite target", iae, "targets row 2 column 0 contains Infinity",
                        () -> DataSet.of(ones(3, 4), with(ones(3, 3), 2, 0, Double.POSITIVE_INFINITY))),
                refused("label outside the classes", iae, "label 3 at row 1 is outside [0, 3)",
                        () -> DataSet.ofClasses(ones(2, 4), new int[] {0, 3}, 3)),
                refused("negative label", iae, "label -1 at row 0 is outside [0, 3)",
                        () -> DataSet.ofClasses(ones(2, 4), new int[] {-1, 0}, 3)),
                refused("labels too many for the one-hot array", iae, "do not fit in one array",
                        () -> DataSet.ofClasses(ones(3, 4), new int[] {0, 1, 2}, Integer.MAX_VALUE)),
                refused("zero classes", iae, "numClasses must be >= 2 (a single class is nothing to tell apart), was 0",
                        () -> DataSet.ofClasses(ones(2, 4), new int[] {0, 0}, 0)),
                refused("a scale that overflows", iae, "scale factor 1.0E39 is too large",
                        () -> classes(3).scale(1e39)),
                refused("a batch size of zero", iae, "batchSize must be > 0, was 0", () -> classes(3).batches(0)),
                refused("a split that leaves a part empty", iae, "leaves one part empty", () -> classes(3).split(0.1, 1)),
                refused("a spiral without points", iae, "pointsPerClass must be > 0, was 0", () -> Datasets.spiral(0, 3, 1)),
                refused("a spiral too large", iae, "too large for one array",
                        () -> Datasets.spiral(Integer.MAX_VALUE, 2, 1)),
                refused("MNIST from a missing directory", java.io.IOException.class, "does not exist",
                        () -> Datasets.mnist(dir.resolve("nowhere"))),
                refused("CSV from a missing file", java.io.IOException.class, "does not exist",
                        () -> Datasets.csv(dir.resolve("none.csv"), -1)),
                refused("a model from a missing file", java.io.IOException.class, "none.zip",
                        () -> Network.load(dir.resolve("none.zip"))));
    }
}
