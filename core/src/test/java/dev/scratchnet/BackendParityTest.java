package dev.scratchnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Whole networks on the two backends: predictions, gradients, one SGD step and one Adam step at the
 * tutorial's size and at MNIST's, and inputs in every layout ND4J can hand us, each equal to its
 * compact copy.
 */
class BackendParityTest {

    private static Network network(Backend backend, DataType dataType, int... widths) {
        Network.Builder builder = Network.builder().seed(4).dataType(dataType).backend(backend).input(widths[0]);
        for (int i = 1; i < widths.length; i++) {
            builder.dense(widths[i], i == widths.length - 1 ? Activation.SOFTMAX : Activation.RELU);
        }
        return builder.build();
    }

    private static double tolerance(DataType dataType) {
        return dataType == DataType.FLOAT ? 1e-4 : 1e-10;
    }

    private static double maxDifference(INDArray a, INDArray b) {
        return a.castTo(DataType.DOUBLE).sub(b.castTo(DataType.DOUBLE)).amaxNumber().doubleValue();
    }

    private static double weightDifference(Network a, Network b) {
        double max = 0;
        for (int i = 0; i < a.numLayers(); i++) {
            max = Math.max(max, maxDifference(a.layer(i).weights(), b.layer(i).weights()));
            max = Math.max(max, maxDifference(a.layer(i).bias(), b.layer(i).bias()));
        }
        return max;
    }

    private static DataSet data(DataType dataType, int rows, int nIn, int classes) {
        INDArray x = TestArrays.uniform(rows, nIn, 0, 1).castTo(dataType);
        int[] labels = new int[rows];
        for (int i = 0; i < rows; i++) {
            labels[i] = (i * 7) % classes;
        }
        return DataSet.ofClasses(x, labels, classes);
    }

    @ParameterizedTest
    @EnumSource(names = {"FLOAT", "DOUBLE"})
    void tutorialAndMnistSizedNetworksAgree(DataType dataType) {
        for (int[] widths : new int[][] {{64, 15, 10}, {784, 256, 128, 10}}) {
            DataSet data = data(dataType, 100, widths[0], widths[widths.length - 1]);
            Network reference = network(Backend.REFERENCE, dataType, widths);
            Network fast = network(Backend.FAST, dataType, widths);
            assertEquals(Backend.FAST, fast.backend());
            String size = java.util.Arrays.toString(widths) + " " + dataType;
            assertTrue(maxDifference(reference.predict(data.features()), fast.predict(data.features()))
                    < tolerance(dataType), size + " predict");
            Gradients g = reference.gradients(data.features(), data.targets(), Loss.CROSS_ENTROPY);
            Gradients h = fast.gradients(data.features(), data.targets(), Loss.CROSS_ENTROPY);
            for (int i = 0; i < g.numLayers(); i++) {
                assertTrue(maxDifference(g.weights(i), h.weights(i)) < tolerance(dataType), size + " dW" + i);
                assertTrue(maxDifference(g.bias(i), h.bias(i)) < tolerance(dataType), size + " db" + i);
            }
            for (Optimizer optimizer : new Optimizer[] {Optimizer.sgd(0.1), Optimizer.adam(1e-3)}) {
                Network r = network(Backend.REFERENCE, dataType, widths);
                Network f = network(Backend.FAST, dataType, widths);
                Fit oneStep = Fit.builder().loss(Loss.CROSS_ENTROPY).optimizer(optimizer).epochs(1)
                        .batchSize(100).shuffle(false).build();
                r.fit(data, oneStep);
                f.fit(data, Fit.builder().loss(Loss.CROSS_ENTROPY)
                        .optimizer(optimizer instanceof dev.scratchnet.optimizers.Sgd ? Optimizer.sgd(0.1)
                                : Optimizer.adam(1e-3))
                        .epochs(1).batchSize(100).shuffle(false).build());
                assertTrue(weightDifference(r, f) < tolerance(dataType), size + " one step of " + optimizer);
            }
        }
    }

    /** Every layout of the same numbers, built from a compact [rows, columns] array. */
    static Map<String, INDArray> layouts(INDArray compact) {
        long rows = compact.rows();
        long columns = compact.columns();
        Map<String, INDArray> layouts = new LinkedHashMap<>();
        layouts.put("c", compact);
        layouts.put("f", compact.dup('f'));
        // rows 1.. of a taller array: a view starting at an offset
        INDArray taller = Nd4j.vstack(Nd4j.zeros(compact.dataType(), 1, columns), compact);
        layouts.put("offset rows", taller.get(NDArrayIndex.interval(1, rows + 1), NDArrayIndex.all()));
        // every other row of an interleaved array: a row-strided view
        INDArray interleaved = Nd4j.zeros(compact.dataType(), 2 * rows, columns);
        for (int r = 0; r < rows; r++) {
            interleaved.putRow(2 * r, compact.getRow(r));
        }
        layouts.put("row view", interleaved.get(NDArrayIndex.interval(0, 2, 2 * rows), NDArrayIndex.all()));
        // the first columns of a wider array: a column view
        INDArray wider = Nd4j.hstack(compact, Nd4j.ones(compact.dataType(), rows, 3));
        layouts.put("column view", wider.get(NDArrayIndex.all(), NDArrayIndex.interval(0, columns)));
        layouts.put("transposed", compact.transpose().dup('c').transpose());
        // column-major strides under the order flag 'c': ND4J calls it equal to its row-major copy
        INDArray columnMajor = compact.dup('f');
        INDArray flaggedC = Nd4j.create(columnMajor.data(), new long[] {rows, columns}, new long[] {1, rows}, 0, 'c');
        assertEquals('c', flaggedC.ordering(), "the layout this case is about");
        assertEquals(compact, flaggedC, "ND4J calls it equal to its row-major copy");
        layouts.put("column-major strides, flag c", flaggedC);
        return layouts;
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void everyInputLayoutGivesTheAnswersOfItsCompactCopy(Backend backend) {
        for (DataType dataType : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            Network net = network(backend, dataType, 5, 4, 3);
            DataSet data = data(dataType, 6, 5, 3);
            INDArray expectedPrediction = net.predict(data.features());
            Gradients expectedGradients = net.gradients(data.features(), data.targets(), Loss.CROSS_ENTROPY);
            for (Map.Entry<String, INDArray> layout : layouts(data.features()).entrySet()) {
                INDArray x = layout.getValue();
                assertEquals(data.features(), x.dup('c'), layout.getKey() + " holds the same numbers");
                String what = backend + " " + dataType + " " + layout.getKey();
                assertEquals(0.0, maxDifference(expectedPrediction, net.predict(x)), 0.0, what + " predict");
                assertGradientsEqual(expectedGradients, net.gradients(x, data.targets(), Loss.CROSS_ENTROPY), what);
            }
            for (Map.Entry<String, INDArray> layout : layouts(data.targets()).entrySet()) {
                String what = backend + " " + dataType + " targets " + layout.getKey();
                assertGradientsEqual(expectedGradients,
                        net.gradients(data.features(), layout.getValue(), Loss.CROSS_ENTROPY), what);
            }
        }
    }

    private static void assertGradientsEqual(Gradients expected, Gradients actual, String what) {
        for (int i = 0; i < expected.numLayers(); i++) {
            assertEquals(0.0, maxDifference(expected.weights(i), actual.weights(i)), 0.0, what + " dW" + i);
            assertEquals(0.0, maxDifference(expected.bias(i), actual.bias(i)), 0.0, what + " db" + i);
        }
    }

    @Test
    void fitOnStridedDataTrainsAsOnItsCompactCopy() {
        for (Backend backend : Backend.values()) {
            DataSet data = data(DataType.DOUBLE, 40, 5, 3);
            Function<DataSet, Network> trained = d -> {
                Network net = network(backend, DataType.DOUBLE, 5, 4, 3);
                net.fit(d, Fit.builder().loss(Loss.CROSS_ENTROPY).optimizer(Optimizer.sgd(0.5)).epochs(3)
                        .batchSize(8).build());
                return net;
            };
            Map<String, INDArray> features = layouts(data.features());
            Network expected = trained.apply(data);
            for (Map.Entry<String, INDArray> layout : features.entrySet()) {
                Network actual = trained.apply(DataSet.of(layout.getValue(), data.targets()));
                assertEquals(0.0, weightDifference(expected, actual), 0.0, backend + " fit on " + layout.getKey());
            }
        }
    }
}
