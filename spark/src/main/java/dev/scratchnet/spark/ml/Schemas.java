package dev.scratchnet.spark.ml;

import java.util.Arrays;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructType;

/** The checks and additions the estimator and the model make to a DataFrame's schema. */
final class Schemas {

    private Schemas() {
    }

    /** Refuses a schema without a Vector column named {@code column}. */
    static void requireVector(StructType schema, String column) {
        DataType type = typeOf(schema, column);
        if (!type.equals(SQLDataTypes.VectorType())) {
            throw new IllegalArgumentException("column '" + column + "' must hold Vectors (org.apache.spark.ml.linalg,"
                    + " as VectorAssembler makes them), but it is " + type.simpleString());
        }
    }

    /** Refuses a schema without a numeric column named {@code column}. */
    static void requireNumber(StructType schema, String column) {
        DataType type = typeOf(schema, column);
        if (!(type instanceof NumericType)) {
            throw new IllegalArgumentException("column '" + column + "' must hold numbers (the label), but it is "
                    + type.simpleString());
        }
    }

    /** {@code schema} with the prediction column and, for a classifier, the probability column added. */
    static StructType withOutputs(StructType schema, String prediction, String probability, Task task) {
        StructType result = add(schema, prediction, DataTypes.DoubleType);
        return task == Task.CLASSIFICATION ? add(result, probability, SQLDataTypes.VectorType()) : result;
    }

    private static StructType add(StructType schema, String column, DataType type) {
        if (Arrays.asList(schema.fieldNames()).contains(column)) {
            throw new IllegalArgumentException("the output column '" + column + "' exists already; name another with"
                    + " setPredictionCol or setProbabilityCol");
        }
        return schema.add(column, type, false);
    }

    private static DataType typeOf(StructType schema, String column) {
        if (!Arrays.asList(schema.fieldNames()).contains(column)) {
            throw new IllegalArgumentException("no column '" + column + "' among " + Arrays.toString(schema.fieldNames()));
        }
        return schema.apply(column).dataType();
    }
}
