package dev.scratchnet.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scratchnet.DataSet;
import dev.scratchnet.Datasets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

/** CSV files written here, read through {@link Datasets#csv}. */
class CsvReaderTest {

    @TempDir
    Path dir;

    @Test
    void aHeaderIsSkippedAndTheLastColumnBecomesOneHotTargets() throws IOException {
        Path file = write("x,y,class\n0.5,1,2\n-1.5, 3e2 ,0\n\n4,5,1\n");

        DataSet data = Datasets.csv(file, -1);

        assertEquals(3, data.size());
        assertEquals(DataType.FLOAT, data.features().dataType());
        assertArrayEquals(new double[] {0.5, 1, -1.5, 300, 4, 5}, data.features().ravel().toDoubleVector(), 1e-6);
        assertArrayEquals(new int[] {2, 0, 1}, data.labels());
        assertEquals(3, data.numOutputs());
    }

    @Test
    void withoutAHeaderTheFirstLineIsData() throws IOException {
        Path file = write("3,0.25,0.75\r\n0,1,2\r\n");

        DataSet data = Datasets.csv(file, 0);

        assertEquals(2, data.size());
        assertArrayEquals(new double[] {0.25, 0.75, 1, 2}, data.features().ravel().toDoubleVector(), 1e-6);
        assertArrayEquals(new int[] {3, 0}, data.labels());
        assertEquals(4, data.numOutputs(), "max(label) + 1 classes, even when some are absent");
    }

    @Test
    void wholeNumbersWrittenAsDecimalsAreLabels() throws IOException {
        Path file = write("1,2.0\n3,1.0\n");

        assertArrayEquals(new int[] {2, 1}, Datasets.csv(file, 1).labels());
    }

    @Test
    void raggedRowsNameTheLine() throws IOException {
        Path file = write("a,b,c\n1,2,0\n1,2\n");

        String message = assertThrows(IOException.class, () -> Datasets.csv(file, -1)).getMessage();

        assertTrue(message.contains("line 3 has 2 fields; expected 3 as on line 1"), message);
    }

    @Test
    void nonNumbersNameTheLineAndColumn() throws IOException {
        Path file = write("1,2,0\n1,two,1\n");

        String message = assertThrows(IOException.class, () -> Datasets.csv(file, -1)).getMessage();

        assertTrue(message.contains(file + " line 2 column 1: expected a number, found \"two\""), message);
    }

    @Test
    void notANumberIsRejectedAsAValue() throws IOException {
        Path file = write("1,2,0\nNaN,2,1\n");

        String message = assertThrows(IOException.class, () -> Datasets.csv(file, -1)).getMessage();

        assertTrue(message.contains("line 2 column 0: expected a finite number, found NaN"), message);
    }

    @Test
    void fractionalLabelsAreRejected() throws IOException {
        Path file = write("1,2,0\n1,2,1.5\n");

        String message = assertThrows(IOException.class, () -> Datasets.csv(file, -1)).getMessage();

        assertTrue(message.contains("line 2 column 2 (the label): expected a whole number >= 0, found 1.5"), message);
    }

    @Test
    void negativeLabelsAreRejected() throws IOException {
        Path file = write("-1,2,0\n");

        String message = assertThrows(IOException.class, () -> Datasets.csv(file, 0)).getMessage();

        assertTrue(message.contains("line 1 column 0 (the label): expected a whole number >= 0, found -1"), message);
    }

    @Test
    void aLabelColumnOutsideTheRowIsAnArgumentError() throws IOException {
        Path file = write("1,2,0\n");

        String message = assertThrows(IllegalArgumentException.class, () -> Datasets.csv(file, 3)).getMessage();
        assertThrows(IllegalArgumentException.class, () -> Datasets.csv(file, -4));

        assertTrue(message.contains("labelColumn must be in [-3, 2]"), message);
        assertTrue(message.contains("was 3"), message);
    }

    @Test
    void aHeaderWithoutRowsIsRejected() throws IOException {
        Path file = write("x,label\n\n");

        String message = assertThrows(IOException.class, () -> Datasets.csv(file, -1)).getMessage();

        assertTrue(message.contains("holds no rows of numbers"), message);
    }

    @Test
    void aSingleColumnIsRejected() throws IOException {
        Path file = write("1\n2\n");

        String message = assertThrows(IOException.class, () -> Datasets.csv(file, 0)).getMessage();

        assertTrue(message.contains("expected at least 2 (features and a label)"), message);
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = dir.resolve("missing.csv");

        String message = assertThrows(IOException.class, () -> Datasets.csv(missing, 0)).getMessage();

        assertTrue(message.contains("CSV file " + missing + " does not exist"), message);
    }

    @Test
    void manyRowsGrowTheBuffersInOrder() throws IOException {
        StringBuilder text = new StringBuilder("value,label\n");
        for (int row = 0; row < 2000; row++) {
            text.append(row).append(',').append(row % 3).append('\n');
        }

        DataSet data = Datasets.csv(write(text.toString()), 1);

        assertEquals(2000, data.size());
        assertEquals(1999.0, data.features().getDouble(1999, 0));
        assertEquals(1999 % 3, data.labels()[1999]);
        assertEquals(3, data.numOutputs());
    }

    private Path write(String text) throws IOException {
        return Files.writeString(dir.resolve("data.csv"), text);
    }
}
