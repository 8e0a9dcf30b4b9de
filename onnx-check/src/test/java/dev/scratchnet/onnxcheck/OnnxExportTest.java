package dev.scratchnet.onnxcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.scratchnet.Activation;
import dev.scratchnet.Network;
import dev.scratchnet.ops.ActivationOp;
import dev.scratchnet.ops.OpTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import onnx.Onnx.ModelProto;
import onnx.Onnx.TensorProto;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Exported models, run by ONNX Runtime, predict as the network does, for every activation of the op table. */
class OnnxExportTest {

    private static final double TOLERANCE = 1e-5;

    @TempDir
    Path folder;

    @Test
    void onnxRuntimeReproducesEveryActivationInFloat32AndFloat64() throws Exception {
        for (ActivationOp op : OpTable.ACTIVATIONS) {
            Activation activation = op.constant() != null ? op.constant() : op.withParameter().apply(0.1);
            for (DataType dataType : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
                Network net = Network.builder().seed(7).dataType(dataType).input(7)
                        .dense(12, activation).dense(5, activation).build();
                double[][] rows = rows(9, 7, 3);
                Path file = folder.resolve(op.name() + "-" + dataType + ".onnx");
                net.exportOnnx(file);

                double[][] expected = net.predict(Nd4j.create(rows).castTo(dataType)).toDoubleMatrix();
                double[][] actual = runOnnx(file, rows, dataType);
                assertClose(expected, actual, op.name() + " " + dataType);
            }
        }
    }

    /** The saved preprocessing travels as arithmetic nodes: raw rows in, outputs in the targets' units. */
    @Test
    void onnxRuntimeAppliesTheScalersAsTheNetworkDoes() throws Exception {
        for (DataType dataType : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            double[][] rows = rows(9, 3, 5);
            for (int i = 0; i < rows.length; i++) {
                rows[i][0] = 100 + 50 * rows[i][0];
            }
            Network net = Network.builder().seed(3).dataType(dataType).input(3)
                    .scaler(dev.scratchnet.Scaler.standardize(Nd4j.create(rows)))
                    .targetScaler(dev.scratchnet.Scaler.of("standardize", new double[] {10, -2}, new double[] {4, 0.5}))
                    .dense(6, Activation.TANH).dense(2, Activation.IDENTITY).build();
            Path file = folder.resolve("scaled-" + dataType + ".onnx");
            net.exportOnnx(file);
            double[][] expected = net.predict(Nd4j.create(rows).castTo(dataType)).toDoubleMatrix();
            assertClose(expected, runOnnx(file, rows, dataType), "scalers " + dataType);
        }
    }

    @Test
    void theFileDeclaresIrVersionOpsetNamesAndASymbolicBatch() throws IOException {
        Network net = Network.builder().seed(1).input(4).dense(3, Activation.RELU).dense(2, Activation.SOFTMAX).build();
        Path file = folder.resolve("names.onnx");
        net.exportOnnx(file);

        ModelProto model = ModelProto.parseFrom(Files.readAllBytes(file));
        assertEquals(7, model.getIrVersion());
        assertEquals(13, model.getOpsetImport(0).getVersion());
        assertEquals("input", model.getGraph().getInput(0).getName());
        assertEquals("output", model.getGraph().getOutput(0).getName());
        assertEquals("batch", model.getGraph().getInput(0).getType().getTensorType().getShape().getDim(0).getDimParam());
        assertEquals(4, model.getGraph().getInput(0).getType().getTensorType().getShape().getDim(1).getDimValue());
        assertEquals(TensorProto.DataType.FLOAT.getNumber(), model.getGraph().getInitializer(0).getDataType());
        assertEquals("dense0.W", model.getGraph().getInitializer(0).getName());
        assertEquals("dense1.softmax", model.getGraph().getNode(3).getName());
    }

    @Test
    void anActivationWithoutAnOnnxOperatorIsRefusedByName() {
        Activation cube = new Activation() {
            @Override
            public INDArray forward(INDArray z) {
                return z.mul(z).muli(z);
            }

            @Override
            public INDArray backward(INDArray z, INDArray a, INDArray gradA) {
                return z.mul(z).muli(3).muli(gradA);
            }

            @Override
            public String name() {
                return "cube";
            }
        };
        Network net = Network.builder().input(3).dense(2, cube).build();
        Path file = folder.resolve("cube.onnx");

        IllegalStateException error = assertThrows(IllegalStateException.class, () -> net.exportOnnx(file));

        assertTrue(error.getMessage().contains("dense layer 1 has activation 'cube'"), error.getMessage());
        assertTrue(error.getMessage().contains("no ONNX operator"), error.getMessage());
        assertFalse(Files.exists(file));
    }

    /** {@code n} rows of {@code width} values drawn uniformly from [-2, 2]. */
    static double[][] rows(int n, int width, long seed) {
        Random random = new Random(seed);
        double[][] rows = new double[n][width];
        for (double[] row : rows) {
            for (int c = 0; c < width; c++) {
                row[c] = random.nextDouble() * 4 - 2;
            }
        }
        return rows;
    }

    private static double[][] runOnnx(Path file, double[][] rows, DataType dataType) throws OrtException {
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (OrtSession session = environment.createSession(file.toString(), new OrtSession.SessionOptions());
             OnnxTensor input = dataType == DataType.DOUBLE ? OnnxTensor.createTensor(environment, rows)
                     : OnnxTensor.createTensor(environment, toFloats(rows));
             OrtSession.Result result = session.run(Map.of("input", input))) {
            Object output = result.get("output").orElseThrow().getValue();
            return output instanceof double[][] doubles ? doubles : toDoubles((float[][]) output);
        }
    }

    private static float[][] toFloats(double[][] rows) {
        float[][] floats = new float[rows.length][];
        for (int r = 0; r < rows.length; r++) {
            floats[r] = new float[rows[r].length];
            for (int c = 0; c < rows[r].length; c++) {
                floats[r][c] = (float) rows[r][c];
            }
        }
        return floats;
    }

    private static double[][] toDoubles(float[][] rows) {
        double[][] doubles = new double[rows.length][];
        for (int r = 0; r < rows.length; r++) {
            doubles[r] = new double[rows[r].length];
            for (int c = 0; c < rows[r].length; c++) {
                doubles[r][c] = rows[r][c];
            }
        }
        return doubles;
    }

    private static void assertClose(double[][] expected, double[][] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int r = 0; r < expected.length; r++) {
            for (int c = 0; c < expected[r].length; c++) {
                assertEquals(expected[r][c], actual[r][c], TOLERANCE, what + " row " + r + " column " + c);
            }
        }
    }
}
