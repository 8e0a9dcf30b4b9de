package dev.scratchnet.spark;

import dev.scratchnet.Layer;
import dev.scratchnet.Network;
import dev.scratchnet.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A network's parameters, or their gradients, as one flat {@code double[]}: every layer's
 * parameters in order, input side first, weights before bias, each array in row-major order.
 * This is all that crosses the network during training. Float32 values are exact in float64, so
 * reading a float32 network and writing it back changes nothing.
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
        long length = 0;
        for (Parameter parameter : parameters) {
            length += parameter.value().length();
        }
        if (length > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the network has " + length + " parameters; one flat vector holds at most "
                    + (Integer.MAX_VALUE - 8));
        }
        return (int) length;
    }

    /** The values, as a new array. */
    static double[] values(List<Parameter> parameters) {
        return read(parameters.stream().map(Parameter::value).toList(), length(parameters));
    }

    /** The gradients, as a new array. */
    static double[] gradients(List<Parameter> parameters) {
        return read(parameters.stream().map(Parameter::gradient).toList(), length(parameters));
    }

    /** Writes {@code flat} into the values, in place (rounded to float32 in a float32 network). */
    static void setValues(List<Parameter> parameters, double[] flat) {
        write(parameters.stream().map(Parameter::value).toList(), flat, length(parameters));
    }

    /** Writes {@code flat} into the gradients, in place. */
    static void setGradients(List<Parameter> parameters, double[] flat) {
        write(parameters.stream().map(Parameter::gradient).toList(), flat, length(parameters));
    }

    /** One array's numbers in row-major order, as a new {@code double[]}. */
    static double[] flatten(INDArray array) {
        return array.dup('c').castTo(DataType.DOUBLE).data().asDouble();
    }

    private static double[] read(List<INDArray> arrays, int length) {
        double[] flat = new double[length];
        int offset = 0;
        for (INDArray array : arrays) {
            double[] part = array.dup('c').castTo(DataType.DOUBLE).data().asDouble();
            System.arraycopy(part, 0, flat, offset, part.length);
            offset += part.length;
        }
        return flat;
    }

    private static void write(List<INDArray> arrays, double[] flat, int length) {
        if (flat.length != length) {
            throw new IllegalArgumentException("a flat vector for these parameters holds " + length + " numbers, was "
                    + flat.length);
        }
        int offset = 0;
        for (INDArray array : arrays) {
            int size = (int) array.length();
            INDArray part = Nd4j.create(Arrays.copyOfRange(flat, offset, offset + size), array.shape(), 'c');
            array.assign(part.castTo(array.dataType()));
            offset += size;
        }
    }
}
