package dev.scratchnet.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scratchnet.Activation;
import dev.scratchnet.DataSet;
import dev.scratchnet.Datasets;
import dev.scratchnet.Fit;
import dev.scratchnet.Loss;
import dev.scratchnet.Network;
import dev.scratchnet.Optimizer;
import dev.scratchnet.ops.ActivationOp;
import dev.scratchnet.ops.OpTable;
import dev.scratchnet.runtime.Model;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The ND4J-free runtime predicts as the network it loads a file of, for every activation of the op table. */
class RuntimeParityTest {

    private static final double TOLERANCE = 1e-5;

    @TempDir
    Path folder;

    @Test
    void everyActivationInFloat32AndFloat64() throws IOException {
        for (ActivationOp op : OpTable.ACTIVATIONS) {
            Activation activation = op.constant() != null ? op.constant() : op.withParameter().apply(0.1);
            for (DataType dataType : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
                Network net = Network.builder().seed(3).dataType(dataType).input(7)
                        .dense(40, activation).dense(12, activation).dense(5, activation).build();
                float[][] rows = toFloats(rows(75, 7, 5));

                assertSamePredictions(net, rows, op.name() + " " + dataType);
            }
        }
    }

    @Test
    void aTrainedDigitsNetworkOnAllDigits() throws IOException {
        DataSet digits = Datasets.digits().scale(1.0 / 16);
        Network net = Network.builder().seed(1).input(64).dense(32, Activation.RELU).dense(10, Activation.SOFTMAX).build();
        net.fit(digits, Fit.builder().loss(Loss.CROSS_ENTROPY).optimizer(Optimizer.adam(1e-3)).epochs(2).batchSize(32)
                .build());

        assertSamePredictions(net, digits.features().toFloatMatrix(), "digits");
    }

    /** Format 2: the saved scalers are applied by the runtime too, and the class names read. */
    @Test
    void scalersAndClassNamesOfFormatTwo() throws IOException {
        double[][] raw = rows(40, 3, 9);
        for (double[] row : raw) {
            row[0] = 50 + 20 * row[0];
        }
        for (DataType dataType : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            Network classifier = Network.builder().seed(2).dataType(dataType).input(3)
                    .scaler(dev.scratchnet.Scaler.standardize(Nd4j.create(raw)))
                    .dense(8, Activation.TANH).dense(3, Activation.SOFTMAX)
                    .classNames(java.util.List.of("a", "b", "c")).build();
            assertSamePredictions(classifier, toFloats(raw), "scaled classifier " + dataType);
            assertEquals(java.util.List.of("a", "b", "c"), Model.load(folder.resolve("scaled-classifier-" + dataType
                    + ".zip")).classNames());
            Network regression = Network.builder().seed(2).dataType(dataType).input(3)
                    .scaler(dev.scratchnet.Scaler.minMax(Nd4j.create(raw)))
                    .targetScaler(dev.scratchnet.Scaler.of("standardize", new double[] {3}, new double[] {0.5}))
                    .dense(8, Activation.RELU).dense(1, Activation.IDENTITY).build();
            assertSamePredictions(regression, toFloats(raw), "scaled regression " + dataType);
        }
    }

    private void assertSamePredictions(Network net, float[][] rows, String what) throws IOException {
        Path file = folder.resolve(what.replace(' ', '-') + ".zip");
        net.save(file);
        Model model = Model.load(file);

        double[][] expected = net.predict(Nd4j.create(rows).castTo(net.dataType())).toDoubleMatrix();
        float[][] batch = model.predict(rows);
        for (int r = 0; r < rows.length; r++) {
            float[] single = model.predict(rows[r]);
            for (int c = 0; c < expected[r].length; c++) {
                assertEquals(expected[r][c], single[c], TOLERANCE, what + " row " + r + " column " + c);
                assertEquals(single[c], batch[r][c], what + " batch row " + r + " column " + c);
            }
        }
        INDArray classes = Nd4j.createFromArray(net.predictClasses(Nd4j.create(rows).castTo(net.dataType())));
        assertEquals(classes, Nd4j.createFromArray(model.predictClasses(rows)), what + " classes");
    }

    private static float[][] toFloats(double[][] rows) {
        return Nd4j.create(rows).toFloatMatrix();
    }

    /** {@code n} rows of {@code width} values drawn uniformly from [-2, 2]. */
    private static double[][] rows(int n, int width, long seed) {
        java.util.Random random = new java.util.Random(seed);
        double[][] rows = new double[n][width];
        for (double[] row : rows) {
            for (int c = 0; c < width; c++) {
                row[c] = random.nextDouble() * 4 - 2;
            }
        }
        return rows;
    }
}
