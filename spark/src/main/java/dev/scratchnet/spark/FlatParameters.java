package dev.scratchnet.spark;

import dev.scratchnet.Layer;
import dev.scratchnet.Network;
import dev.scratchnet.Parameter;
import dev.scratchnet.buffers.Matrix;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A network's parameters, or their gradients, or any list of arrays, as one flat vector: every
 * layer's parameters in order, input side first, weights before bias, each array in row-major
 * order. This is all that crosses the network during training. Float32 values are exact in
 * float64, so reading a float32 network and writing it back changes nothing; float64 values
 * written into a float32 array are rounded to the nearest float32.
 * <p>
 * An array that owns its whole buffer in row-major order (a layer's weights and bias, an
 * optimizer's moments) is read and written through its native pointer in one bulk copy; any other
 * array through a row-major copy.
 */
final class FlatParameters {

    private FlatParameters() {
    }

    /** The network's own parameters ({@link Layer#parameters()}), in the flat order. */
    static List<Parameter> of(Network network) {
        List<Parameter> parameters = new ArrayList<>();
        for (Layer layer : network.layers()) {
            parameters.addAll(layer.parameters());
        }
        return parameters;
    }

    /** How many numbers the flat vector holds. */
    static int length(List<Parameter> parameters) {
        return lengthOf(parameters.stream().map(Parameter::value).toList());
    }

    /** The values, as a new array. */
    static double[] values(List<Parameter> parameters) {
        return read(parameters.stream().map(Parameter::value).toList());
    }

    /** The gradients, as a new array. */
    static double[] gradients(List<Parameter> parameters) {
        return read(parameters.stream().map(Parameter::gradient).toList());
    }

    /** Writes {@code flat} into the values, in place (rounded to float32 in a float32 network). */
    static void setValues(List<Parameter> parameters, double[] flat) {
        write(parameters.stream().map(Parameter::value).toList(), flat);
    }

    /** Writes {@code flat} into the gradients, in place. */
    static void setGradients(List<Parameter> parameters, double[] flat) {
        write(parameters.stream().map(Parameter::gradient).toList(), flat);
    }

    /** How many numbers {@code arrays} hold in all. */
    static int lengthOf(List<INDArray> arrays) {
        long length = 0;
        for (INDArray array : arrays) {
            length += array.length();
        }
        if (length > (Integer.MAX_VALUE - 8) / Double.BYTES) {
            throw new IllegalArgumentException("the arrays hold " + length + " numbers; one flat vector holds at most "
                    + (Integer.MAX_VALUE - 8) / Double.BYTES);
        }
        return (int) length;
    }

    /** The numbers of {@code arrays}, flat, as float64. */
    static double[] read(List<INDArray> arrays) {
        double[] flat = new double[lengthOf(arrays)];
        DoubleBuffer into = DoubleBuffer.wrap(flat);
        for (INDArray array : arrays) {
            if (array.dataType() == DataType.DOUBLE && direct(array)) {
                ((DoublePointer) array.data().addressPointer()).get(flat, into.position(), (int) array.length());
                into.position(into.position() + (int) array.length());
            } else {
                into.put(copy(array).castTo(DataType.DOUBLE).data().asDouble());
            }
        }
        return flat;
    }

    /** Writes {@code flat} into {@code arrays}, in place. */
    static void write(List<INDArray> arrays, double[] flat) {
        int length = lengthOf(arrays);
        if (flat.length != length) {
            throw new IllegalArgumentException("a flat vector for these arrays holds " + length + " numbers, was "
                    + flat.length);
        }
        int offset = 0;
        for (INDArray array : arrays) {
            int size = (int) array.length();
            if (array.dataType() == DataType.DOUBLE && direct(array)) {
                ((DoublePointer) array.data().addressPointer()).put(flat, offset, size);
            } else {
                double[] part = new double[size];
                System.arraycopy(flat, offset, part, 0, size);
                array.assign(Nd4j.create(part, array.shape(), 'c').castTo(array.dataType()));
            }
            offset += size;
        }
    }

    /** The numbers of {@code arrays}, flat, as little-endian float32 or float64 bytes. */
    static byte[] bytes(List<INDArray> arrays, boolean float32) {
        int width = float32 ? Float.BYTES : Double.BYTES;
        ByteBuffer bytes = ByteBuffer.allocate(lengthOf(arrays) * width).order(ByteOrder.LITTLE_ENDIAN);
        for (INDArray array : arrays) {
            int size = (int) array.length();
            if (float32) {
                bytes.asFloatBuffer().put(floats(array));
            } else {
                bytes.asDoubleBuffer().put(doubles(array));
            }
            bytes.position(bytes.position() + size * width);
        }
        return bytes.array();
    }

    /** Writes the flat numbers of {@link #bytes} into {@code arrays}, in place. */
    static void fromBytes(List<INDArray> arrays, byte[] values, boolean float32) {
        int width = float32 ? Float.BYTES : Double.BYTES;
        int length = lengthOf(arrays);
        if (values.length != length * width) {
            throw new IllegalArgumentException("a flat vector for these arrays holds " + length + " numbers ("
                    + length * width + " bytes), was " + values.length + " bytes");
        }
        ByteBuffer bytes = ByteBuffer.wrap(values).order(ByteOrder.LITTLE_ENDIAN);
        for (INDArray array : arrays) {
            int size = (int) array.length();
            if (float32) {
                float[] part = new float[size];
                bytes.asFloatBuffer().get(part);
                writeFloats(array, part);
            } else {
                double[] part = new double[size];
                bytes.asDoubleBuffer().get(part);
                writeDoubles(array, part);
            }
            bytes.position(bytes.position() + size * width);
        }
    }

    private static float[] floats(INDArray array) {
        if (array.dataType() == DataType.FLOAT && direct(array)) {
            float[] part = new float[(int) array.length()];
            ((FloatPointer) array.data().addressPointer()).get(part);
            return part;
        }
        return copy(array).castTo(DataType.FLOAT).data().asFloat();
    }

    private static double[] doubles(INDArray array) {
        if (array.dataType() == DataType.DOUBLE && direct(array)) {
            double[] part = new double[(int) array.length()];
            ((DoublePointer) array.data().addressPointer()).get(part);
            return part;
        }
        return copy(array).castTo(DataType.DOUBLE).data().asDouble();
    }

    private static void writeFloats(INDArray array, float[] part) {
        if (array.dataType() == DataType.FLOAT && direct(array)) {
            ((FloatPointer) array.data().addressPointer()).put(part);
        } else {
            array.assign(Nd4j.create(part, array.shape(), 'c').castTo(array.dataType()));
        }
    }

    private static void writeDoubles(INDArray array, double[] part) {
        if (array.dataType() == DataType.DOUBLE && direct(array)) {
            ((DoublePointer) array.data().addressPointer()).put(part);
        } else {
            array.assign(Nd4j.create(part, array.shape(), 'c').castTo(array.dataType()));
        }
    }

    /** A row-major array of {@code array}'s numbers that owns its buffer (it may be {@code array}). */
    private static INDArray copy(INDArray array) {
        return direct(array) ? array : array.dup('c');
    }

    /**
     * Whether {@code array}'s numbers are its whole buffer in row-major order from the first, its
     * buffer's pointer typed as its numbers: then one bulk copy reads or writes it.
     */
    private static boolean direct(INDArray array) {
        if (array.isView() || array.offset() != 0 || array.length() == 0 || array.data().length() != array.length()) {
            return false;
        }
        if (array.rank() == 2 && !Matrix.canWrap(array)) {
            return false;
        }
        if (array.rank() > 2) {
            return false;
        }
        Pointer pointer = array.data().addressPointer();
        return array.dataType() == DataType.FLOAT ? pointer instanceof FloatPointer : pointer instanceof DoublePointer;
    }
}
