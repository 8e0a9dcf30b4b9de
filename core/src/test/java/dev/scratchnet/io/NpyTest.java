package dev.scratchnet.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class NpyTest {

    @Test
    void headerIsNumpyVersionOneAlignedTo64() {
        byte[] bytes = Npy.write(Nd4j.createFromArray(new float[][] {{1, 2, 3}, {4, 5, 6}}));
        assertEquals((byte) 0x93, bytes[0]);
        assertEquals("NUMPY", new String(bytes, 1, 5, StandardCharsets.US_ASCII));
        assertEquals(1, bytes[6]);
        assertEquals(0, bytes[7]);
        int headerLength = (bytes[8] & 0xff) | (bytes[9] & 0xff) << 8;
        String header = new String(bytes, 10, headerLength, StandardCharsets.US_ASCII);
        assertEquals("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }", header.strip());
        assertTrue(header.endsWith("\n"));
        assertEquals(0, (10 + headerLength) % 64);
        assertEquals(10 + headerLength + 6 * 4, bytes.length);
        // little-endian 1.0f = 0x3F800000
        assertArrayEquals(new byte[] {0, 0, (byte) 0x80, 0x3F}, Arrays.copyOfRange(bytes, 10 + headerLength, 14 + headerLength));
    }

    @Test
    void readGivesBackEveryBitInBothTypes() throws IOException {
        INDArray doubles = Nd4j.createFromArray(new double[][] {{Math.PI, -0.0, 1e-300}, {Double.MIN_VALUE, 7, -2.5}});
        INDArray back = Npy.read(Npy.write(doubles));
        assertEquals(DataType.DOUBLE, back.dataType());
        assertArrayEquals(doubles.shape(), back.shape());
        assertArrayEquals(doubles.ravel().toDoubleVector(), back.ravel().toDoubleVector(), 0.0);

        INDArray floats = Nd4j.createFromArray(1.5f, (float) Math.E, -3e-38f);
        INDArray floatsBack = Npy.read(Npy.write(floats));
        assertEquals(DataType.FLOAT, floatsBack.dataType());
        assertArrayEquals(new long[] {3}, floatsBack.shape());
        assertArrayEquals(floats.toFloatVector(), floatsBack.toFloatVector(), 0f);
    }

    @Test
    void transposedViewsAreWrittenInCOrder() throws IOException {
        INDArray view = Nd4j.createFromArray(new double[][] {{1, 2}, {3, 4}, {5, 6}}).transpose();
        assertArrayEquals(new double[] {1, 3, 5, 2, 4, 6}, Npy.read(Npy.write(view)).ravel().toDoubleVector(), 0.0);
    }

    @Test
    void unsupportedContentIsRefused() {
        byte[] good = Npy.write(Nd4j.createFromArray(1.0, 2.0));
        String header = new String(good, 10, good.length - 10 - 16, StandardCharsets.ISO_8859_1);
        assertMessage(withHeader(good, header.replace("<f8", "<i8")), "data type '<i8' is not supported");
        assertMessage(withHeader(good, header.replace("False", "True ")), "Fortran order");
        byte[] version = good.clone();
        version[6] = 9;
        assertMessage(version, ".npy version 9.0 is not supported");
        assertMessage(Arrays.copyOf(good, 20), "header is truncated");
    }

    private static byte[] withHeader(byte[] npy, String header) {
        byte[] changed = npy.clone();
        System.arraycopy(header.getBytes(StandardCharsets.ISO_8859_1), 0, changed, 10, header.length());
        return changed;
    }

    private static void assertMessage(byte[] bytes, String fragment) {
        IOException e = assertThrows(IOException.class, () -> Npy.read(bytes));
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }
}
