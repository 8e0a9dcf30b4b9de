package dev.scratchnet.buffers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class UnwrittenArraysTest {

    @Test
    void anUnwrittenArrayIsAnOrdinaryRowMajorMatrixOfItsOwn() {
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            INDArray a = UnwrittenArrays.matrix(type, 300, 7);
            INDArray b = UnwrittenArrays.matrix(type, 300, 7);
            assertArrayEquals(new long[] {300, 7}, a.shape());
            assertArrayEquals(new long[] {7, 1}, a.stride());
            assertEquals(type, a.dataType());
            assertEquals('c', a.ordering());
            assertFalse(a.isView());
            assertFalse(a.isAttached());
            assertTrue(Matrix.canWrap(a), "the fast path can wrap it");
            assertNotSame(a.data(), b.data());
            INDArray values = Nd4j.linspace(1, 2100, 2100, type).reshape(300, 7);
            a.assign(values);
            b.assign(7);
            assertEquals(values, a);
            assertEquals(7.0 * 2100, b.sumNumber().doubleValue());
            // ND4J's operations, views and copies treat it as any other array
            assertEquals(values.mul(2), a.mul(2));
            assertEquals(values.getRow(123), a.getRow(123));
            INDArray copy = a.dup();
            a.assign(0);
            assertEquals(values, copy);
            // the fast path writes where ND4J reads
            Matrix wrapped = Matrix.of(b);
            wrapped.values.set(2099, -1);
            assertEquals(-1.0, b.getDouble(299, 6));
        }
    }

    @Test
    void emptyArraysAndArraysInsideAWorkspaceAreMadeAsNd4jMakesThem() {
        assertEquals(0, UnwrittenArrays.matrix(DataType.FLOAT, 0, 3).length());
        try (MemoryWorkspace workspace = Nd4j.getWorkspaceManager().getAndActivateWorkspace("unwritten-arrays-test")) {
            INDArray inside = UnwrittenArrays.matrix(DataType.FLOAT, 100, 10);
            assertTrue(inside.isAttached(), "made in the open workspace, as Nd4j.createUninitialized makes it");
        }
    }

    @Test
    void theMemoryGoesBackWhenTheArraysAreCollected() {
        // four times JavaCPP's ceiling on the memory it hands out: dropped arrays must be freed (or
        // JavaCPP refuses the next with an OutOfMemoryError), and never being written they cost no pages
        long ceiling = Pointer.maxBytes();
        int columns = 1 << 20;
        int rows = 16;
        long arrays = 4 * ceiling / ((long) rows * columns * Float.BYTES) + 1;
        for (long i = 0; i < arrays; i++) {
            INDArray a = UnwrittenArrays.matrix(DataType.FLOAT, rows, columns);
            a.putScalar(0, 0, i);
            assertEquals(i, a.getFloat(0, 0), 0.0);
        }
    }
}
