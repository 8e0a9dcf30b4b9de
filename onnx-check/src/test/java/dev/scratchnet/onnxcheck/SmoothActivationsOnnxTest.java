package dev.scratchnet.onnxcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.scratchnet.Activation;
import dev.scratchnet.Network;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import onnx.Onnx.ModelProto;
import onnx.Onnx.NodeProto;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * GELU, SiLU and softplus exported at opset 13 and run by ONNX Runtime, through one layer whose W is
 * the identity so that z is the input itself, over [−10, 10]: the operators are those the op table
 * names, and the outputs are the network's. In float64 ONNX Runtime's Erf is float32-only, so GELU's
 * erf, and only it, is held to 1e-6.
 */
class SmoothActivationsOnnxTest {

    private static final int WIDTH = 41;

    @TempDir
    Path folder;

    @Test
    void geluIsErfMulAndAdd() throws Exception {
        assertEquals(List.of("Gemm", "Mul", "Erf", "Add", "Mul", "Mul"), operators(Activation.GELU, DataType.FLOAT));
        assertEquals(List.of("Gemm", "Mul", "Cast", "Erf", "Cast", "Add", "Mul", "Mul"),
                operators(Activation.GELU, DataType.DOUBLE));
        check(Activation.GELU, DataType.FLOAT, 1e-6);
        check(Activation.GELU, DataType.DOUBLE, 1e-6);
    }

    @Test
    void siluIsSigmoidAndMul() throws Exception {
        assertEquals(List.of("Gemm", "Sigmoid", "Mul"), operators(Activation.SILU, DataType.FLOAT));
        check(Activation.SILU, DataType.FLOAT, 1e-6);
        check(Activation.SILU, DataType.DOUBLE, 1e-12);
    }

    @Test
    void softplusIsSoftplus() throws Exception {
        assertEquals(List.of("Gemm", "Softplus"), operators(Activation.SOFTPLUS, DataType.FLOAT));
        check(Activation.SOFTPLUS, DataType.FLOAT, 1e-6);
        check(Activation.SOFTPLUS, DataType.DOUBLE, 1e-12);
    }

    /** One layer, W the identity and b zero, so that z is the input. */
    private static Network identityLayer(Activation activation, DataType dataType) {
        return Network.builder().dataType(dataType)
                .dense(Nd4j.eye(WIDTH).castTo(dataType), Nd4j.zeros(dataType, 1, WIDTH), activation).build();
    }

    private List<String> operators(Activation activation, DataType dataType) throws Exception {
        Path file = folder.resolve(activation + "-" + dataType + "-nodes.onnx");
        identityLayer(activation, dataType).exportOnnx(file);
        ModelProto model = ModelProto.parseFrom(Files.readAllBytes(file));
        assertEquals(13, model.getOpsetImport(0).getVersion());
        return model.getGraph().getNodeList().stream().map(NodeProto::getOpType).toList();
    }

    /** Rows of z from −10 to 10 in steps of 0.5, run by the network and by ONNX Runtime. */
    private void check(Activation activation, DataType dataType, double tolerance) throws Exception {
        double[][] rows = new double[1][WIDTH];
        for (int c = 0; c < WIDTH; c++) {
            rows[0][c] = -10 + 0.5 * c;
        }
        Network net = identityLayer(activation, dataType);
        Path file = folder.resolve(activation + "-" + dataType + ".onnx");
        net.exportOnnx(file);
        double[] expected = net.predict(Nd4j.create(rows).castTo(dataType)).toDoubleVector();
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (OrtSession session = environment.createSession(file.toString(), new OrtSession.SessionOptions());
             OnnxTensor input = dataType == DataType.DOUBLE ? OnnxTensor.createTensor(environment, rows)
                     : OnnxTensor.createTensor(environment, floats(rows));
             OrtSession.Result result = session.run(Map.of("input", input))) {
            INDArray actual = dataType == DataType.DOUBLE
                    ? Nd4j.create((double[][]) result.get("output").orElseThrow().getValue())
                    : Nd4j.create((float[][]) result.get("output").orElseThrow().getValue());
            double[] values = actual.castTo(DataType.DOUBLE).toDoubleVector();
            for (int c = 0; c < WIDTH; c++) {
                double error = Math.abs(values[c] - expected[c]) / Math.max(1, Math.abs(expected[c]));
                assertTrue(error <= tolerance, activation + " " + dataType + " at z = " + rows[0][c] + ": network "
                        + expected[c] + ", ONNX Runtime " + values[c]);
            }
        }
    }

    private static float[][] floats(double[][] rows) {
        float[][] floats = new float[rows.length][rows[0].length];
        for (int c = 0; c < rows[0].length; c++) {
            floats[0][c] = (float) rows[0][c];
        }
        return floats;
    }
}
