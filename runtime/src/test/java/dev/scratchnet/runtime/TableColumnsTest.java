package dev.scratchnet.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TableColumnsTest {

    private static final List<String> NAMES = List.of("island", "length", "sex");

    private static TableColumns fitted(boolean indicators, TableColumns.Unseen unseen) {
        List<String[]> rows = List.of(
                new String[] {"Dream", "40", "male"},
                new String[] {"Biscoe", "NA", "female"},
                new String[] {"Dream", "30", ""},
                new String[] {"Torgersen", "50", "male"});
        return TableColumns.fit(NAMES, rows, indicators, unseen);
    }

    @Test
    void fitsMediansMostFrequentAndSortedCategories() {
        TableColumns table = fitted(false, TableColumns.Unseen.ZEROS);
        assertEquals(List.of("island=Biscoe", "island=Dream", "island=Torgersen", "length", "sex=female", "sex=male"),
                table.encodedNames());
        assertEquals(40, table.columns().get(1).fill());
        assertEquals("Dream", table.columns().get(0).fillText());
        assertEquals("male", table.columns().get(2).fillText());
        assertArrayEquals(new double[] {0, 0, 1, 40, 1, 0},
                table.encode(new String[] {"Torgersen", "?", "female"}, TableNotes.NONE));
    }

    @Test
    void indicatorsMarkMissingCellsOfColumnsThatHadThem() {
        TableColumns table = fitted(true, TableColumns.Unseen.ZEROS);
        assertEquals(List.of("island=Biscoe", "island=Dream", "island=Torgersen", "length", "length missing",
                "sex=female", "sex=male", "sex missing"), table.encodedNames());
        assertArrayEquals(new double[] {1, 0, 0, 40, 1, 0, 1, 1},
                table.encode(new String[] {"Biscoe", "null", "N/A"}, TableNotes.NONE));
    }

    @Test
    void unseenCategoryIsZerosWithOneNotePerColumnOrRefused() {
        List<String> notes = new ArrayList<>();
        TableNotes sink = new TableNotes(notes::add);
        TableColumns zeros = fitted(false, TableColumns.Unseen.ZEROS);
        assertArrayEquals(new double[] {0, 0, 0, 35, 0, 1}, zeros.encode(new String[] {"Atlantis", "35", "male"}, sink));
        zeros.encode(new String[] {"Mars", "35", "male"}, sink);
        assertEquals(1, notes.size());
        assertTrue(notes.get(0).contains("\"island\"") && !notes.get(0).matches("(?s).*row \\d.*"), notes.get(0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fitted(false,
                TableColumns.Unseen.REFUSE).encode(new String[] {"Atlantis", "35", "male"}, TableNotes.NONE));
        assertTrue(e.getMessage().contains("Atlantis"), e.getMessage());
    }

    @Test
    void rowsByNameNeedEveryColumnButMayLeaveCellsMissing() {
        TableColumns table = fitted(false, TableColumns.Unseen.ZEROS);
        Map<String, Object> row = new HashMap<>(Map.of("island", "Dream", "length", 41.5, "extra", 1));
        row.put("sex", null);
        assertArrayEquals(new double[] {0, 1, 0, 41.5, 0, 1}, table.encode(row, TableNotes.NONE));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> table.encode(Map.of("island", "Dream", "length", 1), TableNotes.NONE));
        assertTrue(e.getMessage().contains("\"sex\""), e.getMessage());
    }

    @Test
    void textInANumberColumnIsRefusedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> fitted(false, TableColumns.Unseen.ZEROS).encode(new String[] {"Dream", "long", "male"},
                        TableNotes.NONE));
        assertTrue(e.getMessage().contains("\"length\"") && e.getMessage().contains("long"), e.getMessage());
    }

    @Test
    void jsonRoundTripKeepsEverything() throws IOException {
        TableColumns table = fitted(true, TableColumns.Unseen.REFUSE);
        assertEquals(table, TableColumns.parse(table.toJson()));
    }

    @Test
    void foreignJsonIsRefused() {
        IOException e = assertThrows(IOException.class, () -> TableColumns.parse(
                "{\"unseenCategories\": \"zeros\", \"columns\": [{\"name\": \"a\", \"kind\": \"date\", "
                        + "\"missingIndicator\": false}]}"));
        assertTrue(e.getMessage().contains("\"a\""), e.getMessage());
    }
}
