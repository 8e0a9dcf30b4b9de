package dev.scratchnet.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scratchnet.Activation;
import dev.scratchnet.Network;
import dev.scratchnet.runtime.Model;
import dev.scratchnet.runtime.TableColumns;
import dev.scratchnet.runtime.TableNotes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A network that encodes a table's rows: saved as format 3, read back by the core and the runtime alike. */
class TableModelFileTest {

    @TempDir
    Path dir;

    private static TableColumns columns() {
        return TableColumns.fit(List.of("island", "length"), List.of(new String[] {"Dream", "40"},
                new String[] {"Biscoe", "NA"}, new String[] {"Dream", "30"}), true, TableColumns.Unseen.ZEROS);
    }

    private static Network network(TableColumns table) {
        return Network.builder().seed(2).input(table.width()).table(table).inputNames(table.encodedNames())
                .dense(5, Activation.TANH).dense(2, Activation.SOFTMAX).classNames(List.of("a", "b")).build();
    }

    private static String modelJson(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return new String(zip.getInputStream(zip.getEntry("model.json")).readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Map<String, Object> row(String island, Object length) {
        Map<String, Object> row = new HashMap<>();
        row.put("island", island);
        row.put("length", length);
        return row;
    }

    @Test
    void aTableNetworkIsFormat3AndLoadsBackTheSameInCoreAndRuntime() throws IOException {
        Network net = network(columns());
        Path file = dir.resolve("table.zip");
        net.save(file);

        assertTrue(modelJson(file).contains("\"formatVersion\" : 3"), modelJson(file));
        Network loaded = Network.load(file);
        assertEquals(net.table(), loaded.table());
        List<Map<String, Object>> rows = List.of(row("Biscoe", 35.0), row("Dream", null), row("Torgersen", "31"));
        List<String> notes = new ArrayList<>();
        float[][] expected = net.predictRows(rows, TableNotes.NONE).toFloatMatrix();
        float[][] again = loaded.predictRows(rows, new TableNotes(notes::add)).toFloatMatrix();
        Model model = Model.load(file);
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(expected[i][0], again[i][0], 1e-6);
            assertEquals(expected[i][0], model.predict(rows.get(i))[0], 1e-5);
        }
        assertEquals(2, notes.size(), notes.toString());
        assertTrue(net.summary().contains("island: text, one-hot over [Biscoe, Dream]"), net.summary());
        assertTrue(net.explain().contains("length: number, missing → 35 (median), with a missing indicator"),
                net.explain());
    }

    @Test
    void aNetworkWithoutATableIsWrittenAsBefore() throws IOException {
        Network net = Network.builder().seed(2).input(3).inputNames(List.of("a", "b", "c"))
                .dense(2, Activation.SOFTMAX).build();
        Path file = dir.resolve("plain.zip");
        net.save(file);
        String json = modelJson(file);
        assertTrue(json.contains("\"formatVersion\" : 2"), json);
        assertFalse(json.contains("\"table\""), json);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> net.predictRows(List.of(Map.of("a", 1, "b", 2)), TableNotes.NONE));
        assertTrue(e.getMessage().contains("\"c\""), e.getMessage());
    }

    @Test
    void aTableOfAnotherWidthThanTheInputIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Network.builder().input(3)
                .table(columns()).dense(2, Activation.SOFTMAX).build());
        assertTrue(e.getMessage().contains("encode 4 inputs"), e.getMessage());
    }
}
