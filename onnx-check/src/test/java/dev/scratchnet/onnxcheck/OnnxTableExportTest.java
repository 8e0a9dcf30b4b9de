package dev.scratchnet.onnxcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.scratchnet.Activation;
import dev.scratchnet.Network;
import dev.scratchnet.Scaler;
import dev.scratchnet.runtime.TableColumns;
import dev.scratchnet.runtime.TableNotes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import onnx.Onnx.ModelProto;
import onnx.Onnx.StringStringEntryProto;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Table models in ONNX: missing numbers filled in the graph as the network fills them; text columns refused; names in the file. */
class OnnxTableExportTest {

    @TempDir
    Path folder;

    private static final List<String> NAMES = List.of("a", "b", "c");

    private static Network network(TableColumns table) {
        return Network.builder().seed(4).input(table.width()).table(table).inputNames(table.encodedNames())
                .scaler(Scaler.of("standardize", new double[table.width()], filled(table.width(), 2)))
                .dense(5, Activation.TANH).dense(2, Activation.SOFTMAX).classNames(List.of("no", "yes")).build();
    }

    private static double[] filled(int n, double value) {
        double[] values = new double[n];
        java.util.Arrays.fill(values, value);
        return values;
    }

    @Test
    void missingNumbersAreFilledInTheGraphWithAndWithoutIndicators() throws Exception {
        List<String[]> training = List.of(new String[] {"1", "NA", "5"}, new String[] {"2", "4", "6"},
                new String[] {"?", "8", "7"});
        for (boolean indicators : new boolean[] {false, true}) {
            Network net = network(TableColumns.fit(NAMES, training, indicators, TableColumns.Unseen.ZEROS));
            Path file = folder.resolve("table-" + indicators + ".onnx");
            net.exportOnnx(file);
            float[][] rows = {{1.5f, Float.NaN, 3}, {Float.NaN, Float.NaN, Float.NaN}, {0, 1, 2}};
            List<Map<String, Object>> named = new ArrayList<>();
            for (float[] row : rows) {
                Map<String, Object> cells = new HashMap<>();
                for (int c = 0; c < NAMES.size(); c++) {
                    cells.put(NAMES.get(c), Float.isNaN(row[c]) ? null : (double) row[c]);
                }
                named.add(cells);
            }
            float[][] expected = net.predictRows(named, TableNotes.NONE).toFloatMatrix();
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            try (OrtSession session = environment.createSession(file.toString(), new OrtSession.SessionOptions());
                 OnnxTensor input = OnnxTensor.createTensor(environment, rows);
                 OrtSession.Result result = session.run(Map.of("input", input))) {
                float[][] actual = (float[][]) result.get("output").orElseThrow().getValue();
                for (int r = 0; r < rows.length; r++) {
                    for (int c = 0; c < 2; c++) {
                        assertEquals(expected[r][c], actual[r][c], 1e-5, "indicators " + indicators + " row " + r);
                    }
                }
            }
        }
    }

    @Test
    void theFileNamesItsProducerClassesAndColumns() throws Exception {
        Network net = network(TableColumns.fit(NAMES, List.of(new String[] {"1", "", "3"}, new String[] {"2", "4", "6"}),
                false, TableColumns.Unseen.ZEROS));
        Path file = folder.resolve("names.onnx");
        net.exportOnnx(file);
        ModelProto model = ModelProto.parseFrom(Files.readAllBytes(file));
        Map<String, String> metadata = model.getMetadataPropsList().stream()
                .collect(Collectors.toMap(StringStringEntryProto::getKey, StringStringEntryProto::getValue));
        assertEquals("scratchnet", model.getProducerName());
        assertFalse(model.getProducerVersion().isEmpty());
        assertEquals("[\"no\", \"yes\"]", metadata.get("class_names"));
        assertEquals("[\"a\", \"b\", \"c\"]", metadata.get("input_names"));

        Network plain = Network.builder().seed(1).input(2).dense(2, Activation.SOFTMAX).build();
        plain.exportOnnx(folder.resolve("plain.onnx"));
        ModelProto unnamed = ModelProto.parseFrom(Files.readAllBytes(folder.resolve("plain.onnx")));
        assertTrue(unnamed.getMetadataPropsList().isEmpty());
    }

    @Test
    void textColumnsAreRefusedByName() {
        Network net = network(TableColumns.fit(NAMES, List.of(new String[] {"x", "1", "red"},
                new String[] {"y", "2", "blue"}), false, TableColumns.Unseen.ZEROS));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> net.exportOnnx(folder.resolve("text.onnx")));
        assertTrue(e.getMessage().contains("text columns \"a\", \"c\""), e.getMessage());
        assertFalse(Files.exists(folder.resolve("text.onnx")));
    }
}
