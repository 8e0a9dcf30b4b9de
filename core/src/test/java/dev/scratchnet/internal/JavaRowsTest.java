package dev.scratchnet.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** The one-copy rows equal ND4J's row-by-row {@code toDoubleMatrix} and {@code toFloatMatrix} for every layout. */
class JavaRowsTest {

    @Test
    void everyLayoutAndTypeGivesNd4jsRowsBitForBit() {
        INDArray values = Nd4j.rand(DataType.DOUBLE, 7, 5).subi(0.5).muli(1e3);
        values.putScalar(2, 3, 1e-40); // below float32's normal range: the narrowing is compared too
        for (DataType type : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
            INDArray compact = values.castTo(type);
            INDArray[] layouts = {
                compact,
                compact.dup('f'),
                compact.transpose(),
                compact.get(NDArrayIndex.interval(1, 6), NDArrayIndex.interval(1, 4)),
                compact.get(NDArrayIndex.interval(2, 3), NDArrayIndex.all()),
                compact.get(NDArrayIndex.all(), NDArrayIndex.interval(4, 5)),
            };
            for (INDArray layout : layouts) {
                assertArrayEquals(layout.toDoubleMatrix(), JavaRows.doubles(layout));
                assertArrayEquals(layout.toFloatMatrix(), JavaRows.floats(layout));
            }
        }
    }

    @Test
    void anArrayThatIsNoMatrixIsRefusedWithItsShape() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JavaRows.doubles(Nd4j.zeros(DataType.FLOAT, 2, 3, 4)));
        assertTrue(e.getMessage().contains("expected a matrix") && e.getMessage().contains("[2, 3, 4]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> JavaRows.floats(Nd4j.zeros(DataType.FLOAT, 3)));
    }
}
