package dev.scratchnet;

import java.io.Serializable;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The form in which Java serialization writes a {@link DataSet} (Apache Spark ships data sets
 * between machines that way): each array's data type, shape and values in row-major order, plain
 * Java arrays rather than ND4J's own serialized form. Reading one back checks the values as
 * {@link DataSet#of} does.
 *
 * @param features   the features {@code [n, nIn]}
 * @param targets    the targets {@code [n, nOut]}
 * @param classNames the classes' names, or an empty list
 */
record SerializedDataSet(Values features, Values targets, List<String> classNames) implements Serializable {

    private static final long serialVersionUID = 1L;

    static SerializedDataSet of(DataSet data) {
        return new SerializedDataSet(Values.of(data.features()), Values.of(data.targets()),
                List.copyOf(data.classNames()));
    }

    /** The data set again, on deserialization. */
    private Object readResolve() {
        DataSet data = DataSet.of(features.array(), targets.array());
        return classNames == null || classNames.isEmpty() ? data : data.withClassNames(classNames);
    }

    /**
     * One matrix: float64 values in {@code doubles}, any other floating type in {@code floats}
     * (float16 and bfloat16 values are exact in float32), the other array null.
     */
    record Values(String dataType, int rows, int columns, float[] floats, double[] doubles) implements Serializable {

        private static final long serialVersionUID = 1L;

        static Values of(INDArray matrix) {
            INDArray compact = matrix.dup('c');
            int rows = matrix.rows();
            int columns = matrix.columns();
            if (matrix.dataType() == DataType.DOUBLE) {
                return new Values(DataType.DOUBLE.name(), rows, columns, null, compact.data().asDouble());
            }
            return new Values(matrix.dataType().name(), rows, columns,
                    compact.castTo(DataType.FLOAT).data().asFloat(), null);
        }

        INDArray array() {
            long[] shape = {rows, columns};
            INDArray array = doubles != null ? Nd4j.create(doubles, shape, 'c') : Nd4j.create(floats, shape, 'c');
            DataType type = DataType.valueOf(dataType);
            return array.dataType() == type ? array : array.castTo(type);
        }
    }
}
