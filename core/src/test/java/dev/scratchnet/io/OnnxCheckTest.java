package dev.scratchnet.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scratchnet.Activation;
import dev.scratchnet.Network;
import dev.scratchnet.ops.ActivationOp;
import dev.scratchnet.ops.OpTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Opt-in: {@code mvn test -pl core -Dtest=OnnxCheckTest -Dscratchnet.onnxPython=PYTHON} exports a
 * network per activation of the op table in float32 and float64, and has
 * {@code src/test/python/check_onnx.py} run the onnx package's checker and reference evaluator on
 * them (PYTHON is an interpreter with {@code pip install onnx}).
 */
@EnabledIfSystemProperty(named = "scratchnet.onnxPython", matches = ".+")
class OnnxCheckTest {

    @TempDir
    Path folder;

    @Test
    void theOnnxPackageValidatesAndEvaluatesEveryExport() throws IOException, InterruptedException {
        for (ActivationOp op : OpTable.ACTIVATIONS) {
            Activation activation = op.constant() != null ? op.constant() : op.withParameter().apply(0.1);
            for (DataType dataType : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
                Network net = Network.builder().seed(5).dataType(dataType).input(9).dense(16, activation)
                        .dense(4, activation).build();
                String name = op.name() + "-" + ModelFile.dataTypeName(dataType);
                net.save(folder.resolve(name + ".zip"));
                net.exportOnnx(folder.resolve(name + ".onnx"));
            }
        }

        Process python = new ProcessBuilder(System.getProperty("scratchnet.onnxPython"), "src/test/python/check_onnx.py",
                folder.toString()).redirectErrorStream(true).start();
        String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertEquals(0, python.waitFor(), output);
    }
}
