package dev.scratchnet.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scratchnet.DataSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CSV line limit's default leaves room for real wide tables: a million columns read in full. */
class WideCsvIT {

    @TempDir
    Path directory;

    @Test
    void aMillionColumnLineFitsUnderTheDefaultLimit() throws IOException {
        Path file = Files.writeString(directory.resolve("wide.csv"), "0,".repeat(1_000_000) + "1\n" + "1,".repeat(1_000_000) + "0\n");
        DataSet data = CsvReader.read(file, -1);
        assertEquals(1_000_000, data.numFeatures());
        assertEquals(2, data.size());
    }
}
