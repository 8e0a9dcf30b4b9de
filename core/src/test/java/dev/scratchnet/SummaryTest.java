package dev.scratchnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

class SummaryTest {

    @Test
    void tableForTheTutorialNetwork() {
        Network net = Network.builder().seed(1).dense(64, 15, Activation.RELU).dense(15, 10, Activation.SIGMOID).build();
        // 64·15 + 15 = 975 and 15·10 + 10 = 160
        String expected = """
                Layer (type)     Activation   Input     Output    Weights    Bias      Params
                =============================================================================
                dense0 (Dense)   relu         [n, 64]   [n, 15]   [64, 15]   [1, 15]      975
                dense1 (Dense)   sigmoid      [n, 15]   [n, 10]   [15, 10]   [1, 10]      160
                =============================================================================
                total parameters: 1135 (weights 1110, biases 25)
                data type: float32    seed: 1
                """;
        String summary = net.summary();
        assertEquals(expected, summary.substring(0, expected.length()));
        // the last line names the backend and the native threads in force, which the environment may set
        String last = summary.substring(expected.length());
        assertTrue(last.matches("backend: fast    native threads: \\d+ \\((scratchnet's default|OMP_NUM_THREADS|system property scratchnet\\.threads|set by Setup\\.nativeThreads)\\)"
                + "    training threads: (auto \\(\\d+ from 1048576 multiply-adds a batch, else 1\\)|1 \\(auto: one processor\\)"
                + "|\\d+ \\(system property scratchnet\\.trainingThreads\\))\n"
                + "training plan: .+\n"), last);
        assertEquals(1135, net.parameterCount());
    }

    @Test
    void columnsGrowForLongNamesAndTheDataTypeIsNamed() {
        Network net = Network.builder().seed(9).dataType(DataType.DOUBLE)
                .dense(784, 100, Activation.leakyRelu(0.01)).dense(100, 10, Activation.SOFTMAX).build();
        String[] lines = net.summary().split("\n");
        assertTrue(lines[2].startsWith("dense0 (Dense)   leakyRelu(0.01)   [n, 784]"), lines[2]);
        assertEquals(lines[0].length(), lines[2].length(), "rows line up with the header");
        assertEquals("total parameters: 79510 (weights 79400, biases 110)", lines[5]);
        assertEquals("data type: float64    seed: 9", lines[6]);
    }

    @Test
    void theBackendLineSaysHowManyThreadsShareATrainingBatch() {
        Network two = Network.builder().threads(2).dense(2, 3, Activation.TANH).build();
        assertTrue(two.summary().endsWith("    training threads: 2 (Network.Builder.threads)\n"
                + "training plan: split-rows (Network.Builder.threads)\n"), two.summary());
        Network reference = Network.builder().backend(Backend.REFERENCE).threads(2).dense(2, 3, Activation.TANH).build();
        assertTrue(reference.summary().endsWith("    training threads: 1\n"
                + "training plan: one-thread (the reference backend)\n"), reference.summary());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Network.builder().threads(0));
        assertTrue(e.getMessage().contains("threads"), e.getMessage());
    }

    @Test
    void theLastLineNamesThePlanPinnedOrTheLastFitsPlan() {
        Network pinned = Network.builder().plan(Plan.THREADED_BLAS).dense(2, 3, Activation.TANH).build();
        assertTrue(pinned.summary().endsWith("training plan: threaded-blas (Network.Builder.plan)\n"), pinned.summary());
        Network net = Network.builder().plan(Plan.SPLIT_ROWS).threads(2).dense(2, 3, Activation.SOFTMAX).build();
        DataSet data = DataSet.ofClasses(Nd4j.rand(DataType.FLOAT, 8, 2), new int[] {0, 1, 2, 0, 1, 2, 0, 1}, 3);
        net.fit(data, Fit.builder().loss(Loss.CROSS_ENTROPY).epochs(1).batchSize(8).build());
        assertTrue(net.summary().endsWith("training plan: split-rows 2 (Network.Builder.plan) for batches of 8\n"),
                net.summary());
        assertThrows(IllegalArgumentException.class, () -> Network.builder().plan(null));
        Network products = Network.builder().plan(Plan.SPLIT_PRODUCTS).threads(2).dense(2, 3, Activation.SOFTMAX).build();
        products.fit(data, Fit.builder().loss(Loss.CROSS_ENTROPY).epochs(1).batchSize(8).build());
        assertTrue(products.summary().endsWith("training plan: split-products 2 (Network.Builder.plan) for batches of 8\n"),
                products.summary());
    }

    @Test
    void theBackendLineSaysWhichBackendRunsAndWhy() {
        Network reference = Network.builder().backend(Backend.REFERENCE).dense(2, 3, Activation.TANH).build();
        assertTrue(reference.summary().contains("backend: reference    native threads: "), reference.summary());
        assertEquals(Backend.REFERENCE, reference.backend());
        Network custom = Network.builder().dense(2, 3, new Cube()).build();
        assertEquals(Backend.REFERENCE, custom.backend());
        assertTrue(custom.summary().contains("backend: reference (activation 'cube' in dense layer 1 ("
                + Cube.class.getName() + ") has no fast kernel)"), custom.summary());
    }
}
