package dev.scratchnet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Random shapes and nasty values (NaN, ±Inf, huge, tiny) thrown at the public API: every call
 * returns a valid result or is refused with a clear standard exception, and a refused call leaves
 * the weights as they were.
 */
class ApiFuzzIT {

    @BeforeContainer
    static void quiet() {
        Fuzz.quiet();
    }

    @AfterContainer
    static void report() {
        Fuzz.report("ApiFuzzIT");
    }

    private static final List<Activation> ACTIVATIONS = List.of(Activation.SIGMOID, Activation.TANH, Activation.RELU,
            Activation.SOFTMAX, Activation.IDENTITY, Activation.leakyRelu(0.1));
    private static final List<Loss> LOSSES = List.of(Loss.MSE, Loss.CROSS_ENTROPY, Loss.BINARY_CROSS_ENTROPY);

    /** A network 3 → 4 → 2 of the given type, its output activation chosen by {@code output}. */
    private static Network network(DataType type, Activation output) {
        return Network.builder().seed(1).dataType(type).dense(3, 4, Activation.TANH).dense(4, 2, output).build();
    }

    @Property
    void theBuilderGivesANetworkOrAClearError(@ForAll @Size(max = 4) List<@IntRange(min = -2, max = 6) Integer> widths,
                                              @ForAll @IntRange(min = 0, max = 5) int activation,
                                              @ForAll boolean inputForm) {
        Network net = Fuzz.outcome("build", () -> {
            Network.Builder builder = Network.builder();
            for (int i = 0; i + 1 < widths.size(); i++) {
                if (inputForm) {
                    if (i == 0) {
                        builder.input(widths.get(0));
                    }
                    builder.dense(widths.get(i + 1), ACTIVATIONS.get(activation));
                } else {
                    builder.dense(widths.get(i), widths.get(i + 1) + (i % 2), ACTIVATIONS.get(activation));
                }
            }
            return builder.build();
        });
        if (net != null) {
            assertEquals(widths.size() - 1, net.numLayers());
            assertTrue(net.parameterCount() > 0);
        }
    }

    /** Mostly the width {@code usual}, now and then another one from 1 to 5. */
    private static Arbitrary<Integer> width(int usual) {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, Arbitraries.just(usual)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(1, 5)));
    }

    /** Mostly {@code usual} rows, now and then 0 to 6. */
    private static Arbitrary<Integer> rows(int usual) {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, Arbitraries.just(usual)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 6)));
    }

    /** Inputs and targets for the 3 → 4 → 2 networks, usually of the same number of rows. */
    record Pair(Fuzz.Values x, Fuzz.Values y) {
    }

    @Provide
    Arbitrary<Pair> pair() {
        return Arbitraries.integers().between(1, 6).flatMap(n -> Combinators.combine(
                Combinators.combine(rows(n), width(3)).flatAs((r, c) -> Fuzz.matrix(r, c, Fuzz.mostlyFinite())),
                Combinators.combine(rows(n), width(2)).flatAs((r, c) -> Fuzz.matrix(r, c, unitValues())))
                .as(Pair::new));
    }

    /** Features and targets of any shape, usually of the same number of rows. */
    @Provide
    Arbitrary<Pair> anyPair() {
        return Arbitraries.integers().between(0, 5).flatMap(n -> Combinators.combine(
                Combinators.combine(rows(n), Arbitraries.integers().between(0, 5))
                        .flatAs((r, c) -> Fuzz.matrix(r, c, Fuzz.mostlyFinite())),
                Combinators.combine(rows(n), Arbitraries.integers().between(0, 5))
                        .flatAs((r, c) -> Fuzz.matrix(r, c, Fuzz.mostlyFinite())))
                .as(Pair::new));
    }

    /** Features with labels, usually one label per row, mostly inside {@code [0, 4)}. */
    record Labelled(Fuzz.Values features, int[] labels) {
    }

    @Provide
    Arbitrary<Labelled> labelled() {
        Arbitrary<Integer> label = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(20, Arbitraries.integers().between(0, 3)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(-2, 6)));
        return Arbitraries.integers().between(0, 6).flatMap(n -> Combinators.combine(
                Fuzz.matrix(n, 3, Fuzz.mostlyFinite()),
                rows(n).flatMap(count -> label.array(int[].class).ofSize(count))).as(Labelled::new));
    }

    private static Arbitrary<Double> unitValues() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(40, Arbitraries.doubles().between(0, 1)),
                net.jqwik.api.Tuple.of(1, Fuzz.values()));
    }

    /** Inputs for the 3 → 4 → 2 networks: mostly 3 columns of mostly finite values, 0 to 6 rows. */
    @Provide
    Arbitrary<Fuzz.Values> batch() {
        return Combinators.combine(Arbitraries.integers().between(0, 6), width(3))
                .flatAs((rows, columns) -> Fuzz.matrix(rows, columns, Fuzz.mostlyFinite()));
    }

    @Property
    void dataSetsAreMadeOrRefused(@ForAll("anyPair") Pair pair) {
        INDArray features = pair.x().array();
        INDArray targets = pair.y().array();
        DataSet data = Fuzz.outcome("DataSet.of", () -> DataSet.of(features, targets));
        if (data != null) {
            assertEquals(features.rows(), data.size());
            assertTrue(Fuzz.allFinite(data.features()) && Fuzz.allFinite(data.targets()));
        }
    }

    @Property
    void classLabelsAreTurnedIntoOneHotRowsOrRefused(@ForAll("labelled") Labelled labelled,
                                                      @ForAll @IntRange(min = -1, max = 5) int classes) {
        int[] given = labelled.labels();
        DataSet data = Fuzz.outcome("DataSet.ofClasses", () -> DataSet.ofClasses(labelled.features().array(), given, classes));
        if (data != null) {
            assertArrayEquals(given, data.labels());
        }
    }

    @Property
    void predictReturnsOneRowPerInputOrRefusesAndKeepsTheWeights(@ForAll("batch") Fuzz.Values values,
                                                                   @ForAll boolean float64, @ForAll boolean softmax) {
        INDArray x = values.array();
        Network net = network(float64 ? DataType.DOUBLE : DataType.FLOAT, softmax ? Activation.SOFTMAX : Activation.SIGMOID);
        List<INDArray> before = Weights.of(net);
        INDArray p = Fuzz.outcome("predict", () -> net.predict(x));
        if (p != null) {
            assertArrayEquals(new long[] {x.rows(), 2}, p.shape());
            assertEquals(net.dataType(), p.dataType());
            assertTrue(Fuzz.allFinite(p), "predict handed out " + p);
            // the layout of the input (row-major, column-major, a view) does not change the answer
            assertEquals(net.predict(x.dup('c')), p);
        }
        Weights.assertUnchanged(before, net, "predict");
    }

    @Property
    void lossEvaluateAndGradientsReturnOrRefuseAndKeepTheWeights(@ForAll("pair") Pair pair,
                                                                  @ForAll @IntRange(max = 2) int loss,
                                                                  @ForAll boolean float64) {
        INDArray x = pair.x().array();
        INDArray y = pair.y().array();
        Network net = network(float64 ? DataType.DOUBLE : DataType.FLOAT, Activation.SOFTMAX);
        List<INDArray> before = Weights.of(net);
        Gradients g = Fuzz.outcome("gradients", () -> net.gradients(x, y, LOSSES.get(loss)));
        if (g != null) {
            assertArrayEquals(new long[] {3, 4}, g.weights(0).shape());
            assertTrue(Fuzz.allFinite(g.weights(0)) && Fuzz.allFinite(g.bias(1)), "gradients handed out NaN");
        }
        DataSet data = Fuzz.outcome("DataSet.of", () -> DataSet.of(x, y));
        if (data != null) {
            Fuzz.outcome("loss", () -> net.loss(data, LOSSES.get(loss)));
            Evaluation e = Fuzz.outcome("evaluate", () -> net.evaluate(data));
            if (e != null) {
                assertTrue(e.accuracy() >= 0 && e.accuracy() <= 1);
            }
        }
        Weights.assertUnchanged(before, net, "loss, evaluate and gradients");
    }

    @Property(tries = 150)
    void fitTrainsDivergesOrRefusesWithoutLosingTheWeights(@ForAll("pair") Pair pair,
                                                            @ForAll @IntRange(max = 2) int loss,
                                                            @ForAll @IntRange(min = 0, max = 3) int rate,
                                                            @ForAll @IntRange(min = 1, max = 3) int epochs,
                                                            @ForAll @IntRange(min = 1, max = 7) int batchSize,
                                                            @ForAll boolean validation, @ForAll boolean float64) {
        INDArray x = pair.x().array();
        INDArray y = pair.y().array();
        Network net = network(float64 ? DataType.DOUBLE : DataType.FLOAT, Activation.SOFTMAX);
        List<INDArray> before = Weights.of(net);
        double learningRate = new double[] {1e-3, 0.5, 50, 1e30}[rate];
        Fit fit = Fuzz.outcome("Fit.build", () -> {
            Fit.Builder builder = Fit.builder().loss(LOSSES.get(loss)).optimizer(Optimizer.sgd(learningRate))
                    .epochs(epochs).batchSize(batchSize);
            return (validation ? builder.validationSplit(0.5) : builder).build();
        });
        DataSet data = Fuzz.outcome("DataSet.of", () -> DataSet.of(x, y));
        if (fit == null || data == null) {
            return;
        }
        try {
            TrainingHistory history = net.fit(data, fit);
            Fuzz.count("fit", "completed");
            assertEquals(epochs, history.epochs());
            assertAllFinite(net, "after a completed fit");
        } catch (TrainingDivergedException e) {
            Fuzz.count("fit", "diverged");
            assertTrue(e.getMessage().contains("at epoch " + e.epoch()), e.getMessage());
            assertAllFinite(net, "after divergence");
        } catch (IllegalArgumentException | IllegalStateException e) {
            Fuzz.count("fit", "refused with " + e.getClass().getSimpleName());
            Weights.assertUnchanged(before, net, "a refused fit (" + e.getMessage() + ")");
        }
    }

    private static void assertAllFinite(Network net, String when) {
        for (INDArray array : Weights.of(net)) {
            assertTrue(Fuzz.allFinite(array), "weights not finite " + when + ": " + array);
        }
    }
}
