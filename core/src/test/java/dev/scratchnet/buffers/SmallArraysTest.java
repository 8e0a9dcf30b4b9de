package dev.scratchnet.buffers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class SmallArraysTest {

    @Test
    void aSmallArrayIsAnOrdinaryRowMajorMatrixOfItsOwn() {
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            INDArray a = SmallArrays.uninitialized(type, 2, 5);
            INDArray b = SmallArrays.uninitialized(type, 2, 5);
            assertArrayEquals(new long[] {2, 5}, a.shape());
            assertArrayEquals(new long[] {5, 1}, a.stride());
            assertEquals(type, a.dataType());
            assertEquals('c', a.ordering());
            assertFalse(a.isView());
            assertTrue(Matrix.canWrap(a), "the fast path can wrap it");
            // two arrays of one shape share ND4J's shape information, never their values
            assertSame(a.shapeInfoDataBuffer(), b.shapeInfoDataBuffer());
            assertNotSame(a.data(), b.data());
            a.assign(Nd4j.linspace(1, 10, 10, type).reshape(2, 5));
            b.assign(7);
            assertEquals(55.0, a.sumNumber().doubleValue());
            assertEquals(70.0, b.sumNumber().doubleValue());
            // and ND4J's operations treat it as any other array
            assertEquals(Nd4j.linspace(2, 20, 10, type).reshape(2, 5), a.mul(2));
            assertEquals(a, a.dup());
            assertEquals(a.transpose().transpose(), a);
        }
    }

    @Test
    void largerAndEmptyArraysAreMadeAsNd4jMakesThem() {
        int columns = (int) (SmallArrays.MAX_BYTES / 4) + 1;
        INDArray large = SmallArrays.uninitialized(DataType.FLOAT, 3, columns);
        assertArrayEquals(new long[] {3, columns}, large.shape());
        assertTrue(Matrix.canWrap(large), "row-major from offset 0");
        INDArray empty = SmallArrays.uninitialized(DataType.FLOAT, 0, 3);
        assertEquals(0, empty.length());
    }

    @Test
    void insideAWorkspaceTheArrayBelongsToTheWorkspace() {
        try (MemoryWorkspace workspace = Nd4j.getWorkspaceManager().getAndActivateWorkspace("small-arrays-test")) {
            INDArray inside = SmallArrays.uninitialized(DataType.FLOAT, 1, 10);
            assertTrue(inside.isAttached(), "made in the open workspace, as Nd4j.createUninitialized makes it");
        }
        assertFalse(SmallArrays.uninitialized(DataType.FLOAT, 1, 10).isAttached());
    }

    private static void assertTrue(boolean condition, String message) {
        org.junit.jupiter.api.Assertions.assertTrue(condition, message);
    }
}
