package dev.scratchnet.onnxcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.scratchnet.Activation;
import dev.scratchnet.Datasets;
import dev.scratchnet.Network;
import dev.scratchnet.samples.CommandRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code export} writes an ONNX file that ONNX Runtime runs to the network's predictions. */
class ExportCommandIT {

    @TempDir
    Path dir;

    @Test
    void theExportedFileReproducesTheSavedNetwork() throws Exception {
        Network net = Network.builder().seed(4).input(64).dense(20, Activation.TANH).dense(10, Activation.SOFTMAX).build();
        Path model = dir.resolve("model.zip");
        net.save(model);
        Path onnx = dir.resolve("out/model.onnx");

        CommandRun run = CommandRun.of("export", "--model", model.toString(), "--onnx", onnx.toString());

        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().startsWith("wrote " + onnx + " ("), run.out());
        assertTrue(run.out().contains("input \"input\" [batch, 64], output \"output\" [batch, 10], float32, 2 dense layers"),
                run.out());
        float[][] digits = Datasets.digits().scale(1 / 16.0).features().toFloatMatrix();
        float[][] expected = net.predict(Datasets.digits().scale(1 / 16.0).features()).toFloatMatrix();
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (OrtSession session = environment.createSession(onnx.toString(), new OrtSession.SessionOptions());
             OnnxTensor input = OnnxTensor.createTensor(environment, digits);
             OrtSession.Result result = session.run(Map.of("input", input))) {
            float[][] actual = (float[][]) result.get("output").orElseThrow().getValue();
            for (int r = 0; r < expected.length; r++) {
                for (int c = 0; c < expected[r].length; c++) {
                    assertEquals(expected[r][c], actual[r][c], 1e-5, "digit " + r + " class " + c);
                }
            }
        }
    }

    @Test
    void aFolderAsTheOnnxFileIsRefusedBeforeLoading() throws Exception {
        CommandRun run = CommandRun.of("export", "--model", dir.resolve("missing.zip").toString(), "--onnx", dir.toString());

        assertEquals(1, run.status());
        assertTrue(run.err().contains("--onnx must name a file to write, but " + dir + " is a folder"), run.err());
        assertTrue(Files.isDirectory(dir));
    }
}
