package dev.scratchnet.buffers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A fit's freed scratch buffers go to the next fit that asks for the same shape and type, and a pool
 * keeps no more than its bytes. The shared pool's tests use shapes no other test does, so that fits
 * run by other tests in this JVM do not take these buffers.
 */
class ScratchPoolTest {

    @Test
    void aFreedScratchMatrixIsTakenAgainForItsShapeOnly() {
        Matrix first = Matrix.scratch(DataType.FLOAT, 3, 1237);
        INDArray memory = first.array();
        first.free();
        Matrix otherType = Matrix.scratch(DataType.DOUBLE, 3, 1237);
        Matrix otherShape = Matrix.scratch(DataType.FLOAT, 1237, 3);
        Matrix again = Matrix.scratch(DataType.FLOAT, 3, 1237);
        assertSame(memory, again.array());
        assertNotSame(memory, otherType.array());
        assertNotSame(memory, otherShape.array());
        assertEquals(3, again.rows);
        assertEquals(1237, again.columns);
        again.free();
        otherType.free();
        otherShape.free();
    }

    @Test
    void aPoolKeepsAtMostItsBytesAndClosesWhatItDrops() {
        ScratchPool pool = new ScratchPool(3 * 40 * 4); // three arrays of 4 x 10 floats
        INDArray[] arrays = new INDArray[4];
        for (int i = 0; i < arrays.length; i++) {
            arrays[i] = pool.take(DataType.FLOAT, 4, 10);
        }
        for (INDArray array : arrays) {
            pool.give(array);
        }
        assertTrue(arrays[0].wasClosed(), "the oldest of four that do not fit together was freed");
        for (int i = 3; i >= 1; i--) {
            assertSame(arrays[i], pool.take(DataType.FLOAT, 4, 10), "the newest kept comes back first");
        }
        assertTrue(!arrays[1].wasClosed());
        INDArray tooLarge = pool.take(DataType.FLOAT, 4, 100);
        pool.give(tooLarge);
        assertTrue(tooLarge.wasClosed(), "an array larger than the whole pool is freed at once");
    }

    @Test
    void blocksCannotBeFreed() {
        Matrix whole = Matrix.scratch(DataType.FLOAT, 4, 1237);
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> whole.rowBlock(0, 2).free());
        assertEquals("only a whole matrix made by create or scratch can be freed, not a block of one", e.getMessage());
        whole.free();
    }
}
