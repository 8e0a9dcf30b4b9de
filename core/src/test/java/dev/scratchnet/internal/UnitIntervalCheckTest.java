package dev.scratchnet.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * {@link Checks#unitInterval} on both of its ways to look: one Java pass over arrays the fast path
 * can wrap, ND4J's reductions for views; both must find the same bad value and name its place.
 */
class UnitIntervalCheckTest {

    private static String refusal(INDArray targets) {
        return assertThrows(IllegalArgumentException.class, () -> Checks.unitInterval("targets", targets, "loss x"))
                .getMessage();
    }

    @Test
    void theEndsOfTheIntervalPassAndEverythingOutsideIsNamed() {
        for (int rows : new int[] {1, 100, 7000}) {
            for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
                INDArray targets = Nd4j.rand(type, rows, 10);
                targets.putScalar(0, 0, 0.0);
                targets.putScalar(rows - 1, 9, 1.0);
                assertSame(targets, Checks.unitInterval("targets", targets, "loss x"));
                for (double bad : new double[] {-1e-7, 1.0000001, Double.NaN, Double.POSITIVE_INFINITY, -0.5}) {
                    INDArray broken = targets.dup();
                    int row = Math.max(0, rows - 3);
                    broken.putScalar(row, 4, bad);
                    String message = refusal(broken);
                    assertEquals("targets row " + row + " column 4 is " + broken.getDouble(row, 4)
                            + " but loss x needs values in [0, 1]", message, rows + " rows, " + type + ", " + bad);
                }
            }
        }
    }

    @Test
    void aViewIsCheckedThroughItsOwnElementsOnly() {
        INDArray whole = Nd4j.rand(DataType.FLOAT, 20, 10);
        whole.putScalar(0, 0, 5.0);
        // rows 10-19: a view at an offset, whose matrix holds a value out of range before it
        INDArray view = whole.get(NDArrayIndex.interval(10, 20), NDArrayIndex.all());
        assertSame(view, Checks.unitInterval("targets", view, "loss x"));
        whole.putScalar(13, 2, -2.0);
        assertEquals("targets row 3 column 2 is -2.0 but loss x needs values in [0, 1]", refusal(view));
        // ND4J's minimum and maximum pass over NaN: the check must not
        whole.putScalar(13, 2, 0.5);
        whole.putScalar(15, 7, Float.NaN);
        assertEquals("targets row 5 column 7 is NaN but loss x needs values in [0, 1]", refusal(view));
    }
}
