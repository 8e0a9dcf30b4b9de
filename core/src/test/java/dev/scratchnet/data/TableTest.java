package dev.scratchnet.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableTest {

    @Test
    void headerNamesTheColumnsAndLinesAreCountedAsTheFileCountsThem(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("t.csv"), "a, b ,label\n\n1,2,x\n3.5,-4,y\n");
        Table table = Table.read(file);
        assertEquals(List.of("a", "b", "label"), table.columnNames());
        assertEquals(2, table.size());
        assertEquals(3, table.line(0));
        assertEquals(-4.0, table.number(1, table.column("b")));
        assertEquals("y", table.cell(1, 2));
    }

    @Test
    void missingCellsTextRaggedRowsAndUnknownColumnsAreRefusedWhereTheyAre(@TempDir Path dir) throws IOException {
        Table table = Table.read(Files.writeString(dir.resolve("t.csv"), "a,b\n1,\nx,NA\n"));
        assertEquals(dir.resolve("t.csv") + " line 2 column 2 (\"b\") is missing (\"\"); fill it in or drop the row",
                assertThrows(IllegalArgumentException.class, () -> table.number(0, 1)).getMessage());
        assertEquals(dir.resolve("t.csv") + " line 3 column 1 (\"a\") is \"x\" but a feature must be a finite number",
                assertThrows(IllegalArgumentException.class, () -> table.number(1, 0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> table.column("c"));
        Path ragged = Files.writeString(dir.resolve("r.csv"), "a,b\n1,2,3\n");
        assertEquals(ragged + " line 2 has 3 cells but the header names 2 columns",
                assertThrows(IllegalArgumentException.class, () -> Table.read(ragged)).getMessage());
        Path twice = Files.writeString(dir.resolve("d.csv"), "a,a\n1,2\n");
        assertThrows(IllegalArgumentException.class, () -> Table.read(twice));
    }
}
