package dev.scratchnet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DatasetsTest {

    @Test
    void digitsHave1797RowsOf64RawPixelsAndTenClasses() {
        DataSet digits = Datasets.digits();
        assertEquals(1797, digits.size());
        assertEquals(64, digits.numFeatures());
        assertEquals(10, digits.numOutputs());
        assertEquals(0.0, digits.features().minNumber().doubleValue());
        assertEquals(16.0, digits.features().maxNumber().doubleValue());
        int[] counts = new int[10];
        for (int label : digits.labels()) {
            counts[label]++;
        }
        // each digit appears 174 to 183 times in this set
        assertEquals(174, Arrays.stream(counts).min().orElseThrow());
        assertEquals(183, Arrays.stream(counts).max().orElseThrow());
    }

    @Test
    void xorIsTheTruthTable() {
        DataSet xor = Datasets.xor();
        assertArrayEquals(new double[] {0, 0, 0, 1, 1, 0, 1, 1}, xor.features().ravel().toDoubleVector());
        assertArrayEquals(new int[] {0, 1, 1, 0}, xor.labels());
    }

    @Test
    void spiralHasItsPointsClassByClassInsideTheUnitDisc() {
        DataSet spiral = Datasets.spiral(100, 3, 0);
        assertEquals(300, spiral.size());
        assertEquals(2, spiral.numFeatures());
        assertEquals(2, spiral.labels()[250]);
        double maxRadius = spiral.features().norm2(1).maxNumber().doubleValue();
        assertEquals(1.0, maxRadius, 1e-6);
        assertArrayEquals(spiral.features().ravel().toDoubleVector(), Datasets.spiral(100, 3, 0).features().ravel().toDoubleVector());
    }
}
