package dev.scratchnet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class ValidationSplitTest {

    /** Feature = row index, so a split's rows can be traced back. */
    private static DataSet indexed(int[] labels, int numClasses) {
        double[][] rows = IntStream.range(0, labels.length).mapToObj(i -> new double[] {i}).toArray(double[][]::new);
        return DataSet.ofClasses(Nd4j.createFromArray(rows), labels, numClasses);
    }

    private static int[] rowsOf(DataSet data) {
        return Arrays.stream(data.features().ravel().toDoubleVector()).mapToInt(v -> (int) v).toArray();
    }

    @Test
    void everyClassGivesTheSameFractionAndTheRowsArePartitioned() {
        // 30 of class 0, 20 of class 1, 10 of class 2, interleaved
        int[] labels = IntStream.range(0, 60).map(i -> i % 6 < 3 ? 0 : i % 6 < 5 ? 1 : 2).toArray();
        Split split = ValidationSplit.of(indexed(labels, 3), 0.2, true, new Random(1));

        int[] validationLabels = split.test().labels();
        assertEquals(6, IntStream.of(validationLabels).filter(l -> l == 0).count());
        assertEquals(4, IntStream.of(validationLabels).filter(l -> l == 1).count());
        assertEquals(2, IntStream.of(validationLabels).filter(l -> l == 2).count());
        int[] all = IntStream.concat(IntStream.of(rowsOf(split.train())), IntStream.of(rowsOf(split.test())))
                .sorted().toArray();
        assertArrayEquals(IntStream.range(0, 60).toArray(), all);
        int[] train = rowsOf(split.train());
        assertArrayEquals(IntStream.of(train).sorted().toArray(), train, "original order kept");
    }

    @Test
    void theRowsAreDrawnFromTheSeed() {
        int[] labels = new int[40];
        DataSet data = indexed(labels, 2);
        int[] first = rowsOf(ValidationSplit.of(data, 0.25, true, new Random(1)).test());
        assertArrayEquals(first, rowsOf(ValidationSplit.of(data, 0.25, true, new Random(1)).test()));
        assertNotEquals(Arrays.toString(first), Arrays.toString(rowsOf(ValidationSplit.of(data, 0.25, true,
                new Random(2)).test())));
        assertTrue(first[first.length - 1] - first[0] > 10, "not simply the first or last rows");
    }

    @Test
    void targetsThatAreNotClassesGetAPlainShuffledSplit() {
        DataSet data = DataSet.of(TestArrays.uniform(50, 2, 0, 1), TestArrays.uniform(50, 1, 2, 3));
        Split split = ValidationSplit.of(data, 0.1, false, new Random(3));
        assertEquals(45, split.train().size());
        assertEquals(5, split.test().size());
    }

    @Test
    void aFractionThatLeavesNoValidationRowIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ValidationSplit.of(indexed(new int[] {0, 1, 0, 1}, 2), 0.1, true, new Random(1)));
        assertEquals("validationSplit 0.1 of 4 examples (stratified by class) leaves no validation example; "
                + "use a larger fraction or more data", e.getMessage());
    }
}
