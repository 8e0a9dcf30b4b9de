package dev.scratchnet.io;

import dev.scratchnet.internal.Memory;
import dev.scratchnet.runtime.files.NpyArray;
import java.io.IOException;
import java.io.InputStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * NumPy's {@code .npy} format for ND4J arrays: the format itself is read and written on plain
 * arrays by {@link dev.scratchnet.runtime.files.Npy}, which the runtime shares; this class converts.
 * Reading checks the Java heap and ND4J's memory before the data is read ({@link #MEMORY}).
 */
public final class Npy {

    /** The data's bytes and values in the Java heap, then the array in ND4J's memory. */
    static final dev.scratchnet.runtime.files.Npy.MemoryCheck MEMORY = (what, dataBytes) -> {
        Memory.requireHeap(what, 2 * dataBytes);
        Memory.requireNative(what, dataBytes);
    };

    private Npy() {
    }

    /** The {@code .npy} bytes of a float or double array, any rank, written in C order. */
    public static byte[] write(INDArray array) {
        return dev.scratchnet.runtime.files.Npy.write(plain(array));
    }

    /**
     * Reads {@code .npy} bytes into a new array of their own data type.
     *
     * @throws IOException naming the problem: no magic, an unsupported version or data type,
     *                     Fortran order, a malformed header, or too few or too many data bytes
     */
    public static INDArray read(byte[] bytes) throws IOException {
        return toArray(dev.scratchnet.runtime.files.Npy.read(bytes, MEMORY));
    }

    /** The header {@code in} starts with, read and checked; {@code in} is left at the first data byte. */
    static dev.scratchnet.runtime.files.Npy.Header readHeader(InputStream in) throws IOException {
        return dev.scratchnet.runtime.files.Npy.readHeader(in);
    }

    /** The data that follows {@code header} in {@code in}, as a new array, after {@link #MEMORY}'s checks. */
    static INDArray readData(InputStream in, dev.scratchnet.runtime.files.Npy.Header header) throws IOException {
        return toArray(dev.scratchnet.runtime.files.Npy.readData(in, header, MEMORY));
    }

    /** {@code array}'s values in C order and its shape, as plain Java arrays. */
    static NpyArray plain(INDArray array) {
        INDArray flat = array.dup('c').reshape(array.length());
        return switch (array.dataType()) {
            case DOUBLE -> NpyArray.of(flat.toDoubleVector(), array.shape());
            case FLOAT -> NpyArray.of(flat.toFloatVector(), array.shape());
            default -> throw new IllegalArgumentException("only FLOAT and DOUBLE arrays can be written as .npy, was "
                    + array.dataType());
        };
    }

    /** A new ND4J array of {@code array}'s values, shape and data type. */
    static INDArray toArray(NpyArray array) {
        return array.isDouble() ? Nd4j.create(array.doubles(), array.shape(), 'c')
                : Nd4j.create(array.floats(), array.shape(), 'c');
    }
}
