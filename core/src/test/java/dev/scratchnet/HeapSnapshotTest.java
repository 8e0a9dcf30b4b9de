package dev.scratchnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class HeapSnapshotTest {

    @Test
    void restorePutsBackTheSavedBitsOfFloatDoubleAndViewParameters() {
        Nd4j.getRandom().setSeed(7);
        INDArray floats = Nd4j.rand(DataType.FLOAT, 5, 3);
        INDArray doubles = Nd4j.rand(DataType.DOUBLE, 1, 4);
        // a view (every other column of a matrix) is not a compact matrix: copied as an ND4J array
        INDArray view = Nd4j.rand(DataType.FLOAT, 3, 6).get(NDArrayIndex.all(), NDArrayIndex.interval(0, 2, 6));
        List<Parameter> parameters = List.of(parameter(floats), parameter(doubles), parameter(view));
        HeapSnapshot snapshot = new HeapSnapshot(parameters);
        List<INDArray> first = List.of(floats.dup(), doubles.dup(), view.dup());

        for (Parameter parameter : parameters) {
            parameter.value().muli(3).addi(1);
        }
        assertNotEquals(first.get(0), floats);
        snapshot.restore();
        assertBitsEqual(first, parameters);

        for (Parameter parameter : parameters) {
            parameter.value().addi(0.5);
        }
        snapshot.save();
        List<INDArray> second = List.of(floats.dup(), doubles.dup(), view.dup());
        for (Parameter parameter : parameters) {
            parameter.value().assign(Double.NaN);
        }
        snapshot.restore();
        assertBitsEqual(second, parameters);
        snapshot.release();
    }

    private static Parameter parameter(INDArray value) {
        return new Parameter("p", value, Nd4j.zerosLike(value), false);
    }

    private static void assertBitsEqual(List<INDArray> expected, List<Parameter> parameters) {
        for (int i = 0; i < expected.size(); i++) {
            INDArray actual = parameters.get(i).value();
            for (long j = 0; j < actual.length(); j++) {
                assertEquals(Double.doubleToRawLongBits(expected.get(i).getDouble(j)),
                        Double.doubleToRawLongBits(actual.getDouble(j)), "parameter " + i + ", value " + j);
            }
        }
    }
}
