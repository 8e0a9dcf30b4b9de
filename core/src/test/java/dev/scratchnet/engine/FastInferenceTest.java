package dev.scratchnet.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scratchnet.Activation;
import dev.scratchnet.Layer;
import dev.scratchnet.Network;
import dev.scratchnet.buffers.Matrix;
import dev.scratchnet.kernels.Chunks;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Predictions cut into row blocks shared between threads must be the predictions of one thread. */
class FastInferenceTest {

    private static INDArray uniform(DataType dataType, int rows, int columns, long seed) {
        Random random = new Random(seed);
        double[] values = new double[rows * columns];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextDouble() * 4 - 2;
        }
        return Nd4j.create(values, new long[] {rows, columns}, DataType.DOUBLE).castTo(dataType);
    }

    private static Network network(DataType dataType, Activation hidden, Activation output) {
        return Network.builder().seed(5).dataType(dataType)
                .dense(40, 300, hidden)
                .dense(300, 30, hidden)
                .dense(30, 7, output)
                .build();
    }

    @Test
    void everyBlockCountGivesTheSameNumbersAsOneBlock() {
        Activation[][] pairs = {{Activation.RELU, Activation.SOFTMAX}, {Activation.leakyRelu(0.1), Activation.IDENTITY},
                {Activation.SIGMOID, Activation.SOFTMAX}, {Activation.TANH, Activation.SIGMOID}};
        for (DataType dataType : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            for (Activation[] pair : pairs) {
                FastInference inference = FastInference.of(network(dataType, pair[0], pair[1]).layers());
                // 1001 rows: blocks of unequal height, and more rows than one chunk of the loops
                INDArray x = uniform(dataType, 1001, 40, 7);
                INDArray whole = inference.predictInBlocks(x, 1);
                for (int blocks : new int[] {2, 3, 7, 31}) {
                    INDArray cut = inference.predictInBlocks(x, blocks);
                    assertEquals(whole, cut, dataType + " " + pair[0] + "/" + pair[1] + " in " + blocks + " blocks");
                }
            }
        }
    }

    @Test
    void blocksAgreeWithTheReadableLayers() {
        Activation[][] pairs = {{Activation.RELU, Activation.SOFTMAX}, {Activation.leakyRelu(0.1), Activation.SOFTMAX},
                {Activation.TANH, Activation.IDENTITY}};
        for (Activation[] pair : pairs) {
            Network net = network(DataType.DOUBLE, pair[0], pair[1]);
            INDArray x = uniform(DataType.DOUBLE, 1001, 40, 9);
            INDArray expected = x;
            for (Layer layer : net.layers()) {
                expected = layer.forward(expected, false);
            }
            for (int blocks : new int[] {1, 3}) {
                INDArray fast = FastInference.of(net.layers()).predictInBlocks(x, blocks);
                double difference = fast.sub(expected).amaxNumber().doubleValue();
                assertTrue(difference < 1e-12, pair[0] + "/" + pair[1] + " in " + blocks + " blocks differs by " + difference);
            }
        }
    }

    @Test
    void largeBatchesThroughThePublicApiMatchOneRowAtATimeUpToRounding() {
        Network net = network(DataType.DOUBLE, Activation.RELU, Activation.SOFTMAX);
        INDArray x = uniform(DataType.DOUBLE, 2000, 40, 11);
        INDArray batch = net.predict(x);
        for (int row = 0; row < 2000; row += 97) {
            INDArray single = net.predict(x.getRow(row).reshape(1, 40));
            double difference = single.sub(batch.getRow(row).reshape(1, 7)).amaxNumber().doubleValue();
            assertTrue(difference < 1e-12, "row " + row + " differs by " + difference);
        }
    }

    @Test
    void smallBatchesAgreeWithTheReadableLayersInEveryOrderOfSizes() {
        // rows of 1, 3, 1, 2: small outputs go through this thread's last-layer buffer, remade per size
        for (DataType dataType : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            Network net = network(dataType, Activation.TANH, Activation.SOFTMAX);
            FastInference inference = FastInference.of(net.layers());
            double tolerance = dataType == DataType.FLOAT ? 1e-6 : 1e-12;
            List<INDArray> earlier = new ArrayList<>();
            List<INDArray> expectedEarlier = new ArrayList<>();
            long seed = 20;
            for (int rows : new int[] {1, 3, 1, 2}) {
                INDArray x = uniform(dataType, rows, 40, seed++);
                INDArray expected = x;
                for (Layer layer : net.layers()) {
                    expected = layer.forward(expected, false);
                }
                INDArray fast = inference.predictIfFinite(x);
                assertArrayEquals(new long[] {rows, 7}, fast.shape());
                double difference = fast.sub(expected).amaxNumber().doubleValue();
                assertTrue(difference < tolerance, dataType + ", " + rows + " rows differ by " + difference);
                earlier.add(fast);
                expectedEarlier.add(expected);
            }
            // each call's output is its own array: later calls wrote into none of them
            for (int i = 0; i < earlier.size(); i++) {
                double difference = earlier.get(i).sub(expectedEarlier.get(i)).amaxNumber().doubleValue();
                assertTrue(difference < tolerance, dataType + ", call " + i + " changed later by " + difference);
            }
        }
    }

    @Test
    void singleRowsBetweenLargeBatchesOnOneThreadKeepBothRight() {
        // each thread keeps one set of buffers for small batches and one for large: neither may
        // leave the other's numbers behind
        Network net = network(DataType.DOUBLE, Activation.RELU, Activation.SOFTMAX);
        FastInference inference = FastInference.of(net.layers());
        for (int call = 0; call < 6; call++) {
            int rows = call % 2 == 0 ? 1 : 1001 - call;
            INDArray x = uniform(DataType.DOUBLE, rows, 40, 40 + call);
            INDArray expected = x;
            for (Layer layer : net.layers()) {
                expected = layer.forward(expected, false);
            }
            INDArray fast = call % 4 == 1 ? inference.predictInBlocks(x, 1) : inference.predictIfFinite(x);
            double difference = fast.sub(expected).amaxNumber().doubleValue();
            assertTrue(difference < 1e-12, "call " + call + " (" + rows + " rows) differs by " + difference);
        }
    }

    @Test
    void aSmallBatchReadsViewsAndFindsNonFiniteValues() {
        FastInference inference = FastInference.of(network(DataType.FLOAT, Activation.RELU, Activation.SOFTMAX).layers());
        INDArray x = uniform(DataType.FLOAT, 5, 40, 4);
        // a row of a larger matrix is a view at an offset, which BLAS cannot read in place
        INDArray view = x.getRow(3, true);
        assertEquals(inference.predictIfFinite(x.getRow(3, true).dup()), inference.predictIfFinite(view));
        INDArray row = x.getRow(2, true).dup();
        row.putScalar(0, 11, Float.NaN);
        assertNull(inference.predictIfFinite(row), "NaN");
        row.putScalar(0, 11, Float.NEGATIVE_INFINITY);
        assertNull(inference.predictIfFinite(row), "infinity");
        // ReLU turns the input's NaN into a number; the check of the input must still see it
        assertNull(inference.predictIfFinite(row), "infinity, twice");
    }

    @Test
    void aSmallBatchWhoseOutputsOverflowIsFound() {
        Network net = network(DataType.FLOAT, Activation.RELU, Activation.IDENTITY);
        net.layers().get(2).parameters().get(0).value().assign(3e38f);
        INDArray x = uniform(DataType.FLOAT, 1, 40, 8);
        assertNull(FastInference.of(net.layers()).predictIfFinite(x), "outputs beyond float range");
    }

    @Test
    void aNonFiniteValueInAnyBlockIsFound() {
        FastInference inference = FastInference.of(network(DataType.FLOAT, Activation.RELU, Activation.SOFTMAX).layers());
        for (int badRow : new int[] {0, 500, 999}) {
            INDArray x = uniform(DataType.FLOAT, 1000, 40, 3);
            x.putScalar(badRow, 17, Float.NaN);
            assertNull(inference.predictInBlocks(x, 4), "NaN in row " + badRow);
            x.putScalar(badRow, 17, Float.POSITIVE_INFINITY);
            assertNull(inference.predictInBlocks(x, 4), "infinity in row " + badRow);
        }
    }

    @Test
    void theNetworkExplainsABadValueInALargeBatch() {
        Network net = network(DataType.FLOAT, Activation.RELU, Activation.SOFTMAX);
        INDArray x = uniform(DataType.FLOAT, 3000, 40, 3);
        x.putScalar(2999, 39, Float.NaN);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> net.predict(x));
        assertTrue(e.getMessage().contains("2999"), e.getMessage());
    }

    @Test
    void concurrentLargePredictionsShareTheHelpersAndAgree() throws Exception {
        Network net = network(DataType.FLOAT, Activation.RELU, Activation.SOFTMAX);
        List<INDArray> inputs = new ArrayList<>();
        List<INDArray> expected = new ArrayList<>();
        FastInference inference = FastInference.of(net.layers());
        for (int i = 0; i < 6; i++) {
            INDArray x = uniform(DataType.FLOAT, 1500, 40, 100 + i);
            inputs.add(x);
            expected.add(inference.predictInBlocks(x, 1));
        }
        ExecutorService callers = Executors.newFixedThreadPool(6);
        try {
            List<Future<INDArray>> results = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (INDArray x : inputs) {
                    results.add(callers.submit(() -> net.predict(x)));
                }
            }
            for (int i = 0; i < results.size(); i++) {
                assertEquals(expected.get(i % inputs.size()), results.get(i).get(), "call " + i);
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void forEachBlockRunsEveryBlockOnceAndPassesOnTheFirstFailure() {
        int[] runs = new int[50];
        InferenceWorkers.forEachBlock(50, b -> {
            synchronized (runs) {
                runs[b]++;
            }
        });
        int[] once = new int[50];
        java.util.Arrays.fill(once, 1);
        assertArrayEquals(once, runs);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> InferenceWorkers.forEachBlock(8, b -> {
            if (b == 5) {
                throw new IllegalStateException("block 5 failed");
            }
        }));
        assertEquals("block 5 failed", e.getMessage());
    }

    @Test
    void aRowBlockSharesItsParentsMemory() {
        Matrix whole = Matrix.of(uniform(DataType.DOUBLE, 6, 3, 1));
        Matrix rows = whole.rowBlock(2, 5);
        assertEquals(3, rows.rows);
        assertEquals(whole.array().getRows(2, 3, 4), rows.array());
        rows.values.set(4, 42.0);
        assertEquals(42.0, whole.array().getDouble(3, 1));
        Chunks chunks = Chunks.forThisThread();
        double[] values = new double[9];
        rows.values.read(0, 9, values, chunks);
        assertEquals(whole.array().getDouble(2, 0), values[0]);
        assertEquals(42.0, values[4]);
    }
}
