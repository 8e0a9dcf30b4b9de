package dev.scratchnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scratchnet.ops.ActivationOp;
import dev.scratchnet.ops.OpTable;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The fast path and the readable reference path must compute the same numbers. */
class EngineParityTest {

    private static Network train(String engine, DataType dataType, Activation hidden, Activation output, Loss loss) {
        Network net = Network.builder().seed(3).dataType(dataType).backend(Engines.backend(engine))
                .dense(2, 12, hidden)
                .dense(12, 3, output)
                .build();
        net.fit(Datasets.spiral(30, 3, 1), Fit.builder().loss(loss).optimizer(Optimizer.sgd(0.3))
                .epochs(4).batchSize(7).l2(1e-3).build());
        return net;
    }

    private static double maxDifference(Network a, Network b) {
        double max = 0;
        for (int i = 0; i < a.numLayers(); i++) {
            max = Math.max(max, a.layer(i).weights().sub(b.layer(i).weights()).amaxNumber().doubleValue());
            max = Math.max(max, a.layer(i).bias().sub(b.layer(i).bias()).amaxNumber().doubleValue());
        }
        return max;
    }

    @Test
    void trainingGivesTheSameWeightsInFloat64() {
        assertEquals(0.0, maxDifference(
                train("fast", DataType.DOUBLE, Activation.RELU, Activation.SOFTMAX, Loss.CROSS_ENTROPY),
                train("reference", DataType.DOUBLE, Activation.RELU, Activation.SOFTMAX, Loss.CROSS_ENTROPY)), 1e-12);
        assertEquals(0.0, maxDifference(
                train("fast", DataType.DOUBLE, Activation.TANH, Activation.SIGMOID, Loss.MSE),
                train("reference", DataType.DOUBLE, Activation.TANH, Activation.SIGMOID, Loss.MSE)), 1e-12);
        assertEquals(0.0, maxDifference(
                train("fast", DataType.DOUBLE, Activation.leakyRelu(0.1), Activation.SIGMOID, Loss.BINARY_CROSS_ENTROPY),
                train("reference", DataType.DOUBLE, Activation.leakyRelu(0.1), Activation.SIGMOID,
                        Loss.BINARY_CROSS_ENTROPY)), 1e-12);
    }

    /**
     * Every activation of the op table, hidden and at the output, trained on both engines in float64
     * (float32 is swept op by op in OpParityTest): the fast
     * kernels' backward (handed z where it needs it: GELU, SiLU, softplus) follows the spec classes.
     */
    @TestFactory
    Stream<DynamicTest> everyActivationTrainsAlikeOnBothEngines() {
        List<DynamicTest> tests = new ArrayList<>();
        for (ActivationOp op : OpTable.ACTIVATIONS) {
            Activation activation = op.constant() != null ? op.constant() : op.withParameter().apply(0.1);
            tests.add(DynamicTest.dynamicTest(activation.name(), () -> {
                double difference = maxDifference(train("fast", DataType.DOUBLE, activation, activation, Loss.MSE),
                        train("reference", DataType.DOUBLE, activation, activation, Loss.MSE));
                assertTrue(difference < 1e-12, activation + ": fast and reference differ by " + difference);
            }));
        }
        return tests.stream();
    }

    @Test
    void trainingGivesTheSameWeightsInFloat32UpToRounding() {
        double difference = maxDifference(
                train("fast", DataType.FLOAT, Activation.SIGMOID, Activation.SOFTMAX, Loss.MSE),
                train("reference", DataType.FLOAT, Activation.SIGMOID, Activation.SOFTMAX, Loss.MSE));
        assertTrue(difference < 1e-5, "fast and reference differ by " + difference);
    }

    @Test
    void predictionsAgree() {
        Network fast = train("fast", DataType.DOUBLE, Activation.TANH, Activation.SOFTMAX, Loss.CROSS_ENTROPY);
        INDArray x = TestArrays.uniform(9, 2, -1, 1);
        INDArray reference = Network.builder().dataType(DataType.DOUBLE).backend(Backend.REFERENCE)
                .dense(fast.layer(0).weights(), fast.layer(0).bias(), Activation.TANH)
                .dense(fast.layer(1).weights(), fast.layer(1).bias(), Activation.SOFTMAX)
                .build().predict(x);
        assertEquals(0.0, fast.predict(x).sub(reference).amaxNumber().doubleValue(), 1e-14);
    }

    @Test
    void largeBatchesTakeNd4jsVectorisedTransformsAndStillAgree() {
        // 400 rows × 8 columns = 3200 elements per layer: past the bulk threshold of the fast path
        INDArray x = TestArrays.uniform(400, 8, -2, 2);
        for (Activation[] pair : new Activation[][] {{Activation.SIGMOID, Activation.SOFTMAX},
                {Activation.TANH, Activation.SOFTMAX}, {Activation.RELU, Activation.SIGMOID}, {Activation.leakyRelu(0.1), Activation.TANH}}) {
            INDArray fast = twoLayers(Backend.FAST, pair).predict(x);
            INDArray reference = twoLayers(Backend.REFERENCE, pair).predict(x);
            assertEquals(0.0, fast.sub(reference).amaxNumber().doubleValue(), 1e-12, pair[0] + "/" + pair[1]);
        }
    }

    private static Network twoLayers(Backend backend, Activation[] pair) {
        return Network.builder().seed(8).dataType(DataType.DOUBLE).backend(backend).dense(8, 8, pair[0]).dense(8, 8, pair[1]).build();
    }
}
