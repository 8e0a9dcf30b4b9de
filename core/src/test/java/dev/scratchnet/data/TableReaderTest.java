package dev.scratchnet.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableReaderTest {

    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    private Path write(String name, String text) throws IOException {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void quotedCellsKeepSeparatorsQuotesAndLineBreaks() throws IOException {
        Path file = write("r.csv", "\"id\",\"name\",\"x\"\n\"1\",\"Smith, \"\"Jo\"\"\",\"2.5\"\n2,\"two\nlines\",3\n");
        try (TableReader reader = TableReader.open(file, CsvFormat.DEFAULT)) {
            assertEquals(List.of("id", "name", "x"), reader.columnNames());
            assertArrayEquals(new String[] {"1", "Smith, \"Jo\"", "2.5"}, reader.next());
            assertEquals(2, reader.line());
            assertArrayEquals(new String[] {"2", "two\nlines", "3"}, reader.next());
            assertEquals(3, reader.line());
            assertNull(reader.next());
        }
    }

    @Test
    void byteOrderMarkIsNotPartOfTheFirstName() throws IOException {
        Path file = write("bom.csv", "\uFEFFspecies,x\r\na,1\r\n");
        Table table = Table.read(file);
        assertEquals(List.of("species", "x"), table.columnNames());
        assertEquals("a", table.cell(0, 0));
    }

    @Test
    void semicolonsAndTabsAreDetected() throws IOException {
        Path semicolons = write("s.csv", "a;b;c\n1,5;2;x\n");
        Path tabs = write("t.tsv", "a\tb\n1\t2\n");
        assertEquals(List.of("a", "b", "c"), Table.read(semicolons).columnNames());
        assertEquals("1,5", Table.read(semicolons).cell(0, 0));
        assertEquals(List.of("a", "b"), Table.read(tabs).columnNames());
    }

    @Test
    void givenSeparatorWins() throws IOException {
        Path file = write("g.csv", "a,b;c\n1,2;3\n");
        assertEquals(List.of("a,b", "c"), Table.read(file, CsvFormat.of(";", null)).columnNames());
    }

    @Test
    void latin1FileIsRefusedWithLineColumnAndAdvice() throws IOException {
        Path file = write("latin1.csv", "name,x\nok,1\ncaf\u00e9,2\n".getBytes(StandardCharsets.ISO_8859_1));
        IOException e = assertThrows(IOException.class, () -> Table.read(file));
        assertTrue(e.getMessage().contains("line 3 column 4"), e.getMessage());
        assertTrue(e.getMessage().contains("0xE9"), e.getMessage());
        assertTrue(e.getMessage().contains("--encoding"), e.getMessage());
        assertEquals("café", Table.read(file, CsvFormat.of(null, "ISO-8859-1")).cell(1, 0));
    }

    @Test
    void rowOfAnotherWidthIsRefusedNamingItsLine() throws IOException {
        Path file = write("w.csv", "a,b\n1,2\n\n1,2,3\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Table.read(file));
        assertTrue(e.getMessage().contains("line 4 has 3 cells but the header names 2 columns"), e.getMessage());
    }

    @Test
    void unknownEncodingIsRefusedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CsvFormat.of(null, "latin-x"));
        assertTrue(e.getMessage().contains("latin-x"), e.getMessage());
    }
}
