package dev.scratchnet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class DataSetTest {

    private static DataSet numbered(int rows) {
        // feature = row index, label = row index mod 3, so rows can be traced through shuffles
        double[][] features = new double[rows][1];
        int[] labels = new int[rows];
        for (int i = 0; i < rows; i++) {
            features[i][0] = i;
            labels[i] = i % 3;
        }
        return DataSet.ofClasses(Nd4j.createFromArray(features), labels, 3);
    }

    @Test
    void ofClassesBuildsOneHotTargetsAndLabelsReadThemBack() {
        DataSet data = numbered(5);
        assertArrayEquals(new double[] {0, 0, 1}, data.targets().getRow(2).toDoubleVector());
        assertArrayEquals(new int[] {0, 1, 2, 0, 1}, data.labels());
    }

    @Test
    void labelOutsideTheClassesIsRefusedWithItsRow() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DataSet.ofClasses(Nd4j.zeros(DataType.FLOAT, 3, 2), new int[] {0, 3, 1}, 3));
        assertEquals("label 3 at row 1 is outside [0, 3)", e.getMessage());
    }

    @Test
    void rowsThatDisagreeAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DataSet.of(Nd4j.zeros(DataType.FLOAT, 3, 2), Nd4j.zeros(DataType.FLOAT, 4, 1)));
        assertEquals("features have 3 rows but targets have 4 (features [3, 2], targets [4, 1])", e.getMessage());
    }

    @Test
    void nanFeatureIsRefusedWithItsRowAndColumn() {
        INDArray features = Nd4j.zeros(DataType.FLOAT, 3, 2);
        features.putScalar(2, 1, Float.NaN);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DataSet.of(features, Nd4j.zeros(DataType.FLOAT, 3, 1)));
        assertEquals("features row 2 column 1 contains NaN; all values must be finite", e.getMessage());
    }

    @Test
    void splitKeepsEveryRowExactlyOnceAndDependsOnTheSeed() {
        DataSet data = numbered(10);
        Split split = data.split(0.8, 1);
        assertEquals(8, split.train().size());
        assertEquals(2, split.test().size());
        double[] all = Nd4j.concat(0, split.train().features(), split.test().features()).toDoubleVector();
        Arrays.sort(all);
        assertArrayEquals(numbered(10).features().toDoubleVector(), all);
        assertArrayEquals(split.train().features().toDoubleVector(), data.split(0.8, 1).train().features().toDoubleVector());
        assertNotEquals(Arrays.toString(split.train().features().toDoubleVector()),
                Arrays.toString(data.split(0.8, 2).train().features().toDoubleVector()));
    }

    @Test
    void splitWithoutSeedUsesTheDefaultSplitSeed() {
        DataSet data = numbered(10);
        assertArrayEquals(data.split(0.7, DataSet.DEFAULT_SPLIT_SEED).test().features().toDoubleVector(),
                data.split(0.7).test().features().toDoubleVector());
    }

    @Test
    void shuffleKeepsFeaturesWithTheirTargets() {
        DataSet shuffled = numbered(30).shuffle(4);
        double[] features = shuffled.features().toDoubleVector();
        int[] labels = shuffled.labels();
        for (int i = 0; i < features.length; i++) {
            assertEquals((int) features[i] % 3, labels[i]);
        }
    }

    @Test
    void batchesCoverTheDataWithASmallerLastBatch() {
        List<DataSet> batches = numbered(10).batches(4);
        assertEquals(List.of(4, 4, 2), batches.stream().map(DataSet::size).toList());
        assertArrayEquals(new double[] {8, 9}, batches.get(2).features().toDoubleVector());
    }

    @Test
    void scaleMultipliesFeaturesOnly() {
        DataSet scaled = numbered(3).scale(0.5);
        assertArrayEquals(new double[] {0, 0.5, 1}, scaled.features().toDoubleVector());
        assertArrayEquals(new int[] {0, 1, 2}, scaled.labels());
    }

    @Test
    void splitFractionOutsideTheOpenUnitIntervalIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> numbered(10).split(1.0, 1));
        assertThrows(IllegalArgumentException.class, () -> numbered(10).split(0.01, 1));
    }
}
