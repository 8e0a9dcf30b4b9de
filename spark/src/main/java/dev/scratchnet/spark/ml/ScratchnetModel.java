package dev.scratchnet.spark.ml;

import dev.scratchnet.runtime.Model;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A trained scratchnet network as a Spark ML {@code Transformer}, made by
 * {@link ScratchnetEstimator#fit}. {@code transform} needs only the features column (Vectors of
 * the network's {@code nIn} numbers) and adds
 * <ul>
 *   <li>{@code prediction}: the likeliest class's index for a classifier, the network's output for
 *       a regression (a double);</li>
 *   <li>{@code probability}, classifiers only: the class probabilities (a Vector; {@code [1 − p, p]}
 *       for a one-output sigmoid classifier).</li>
 * </ul>
 * The executors predict with {@code scratchnet-runtime} (plain Java, no ND4J), from the model file
 * broadcast once per model and loaded once per executor JVM. Saved with {@code write().save(path)}
 * (Spark ML's metadata and {@code data/model.zip}, the network's model file) and loaded with
 * {@link #load(String)}, alone or inside a {@code PipelineModel}.
 */
public final class ScratchnetModel extends org.apache.spark.ml.Model<ScratchnetModel> implements MLWritable {

    private static final long serialVersionUID = 1L;

    private final String uid;
    private final byte[] modelFile;
    private final String digest;
    private final Param<String> featuresCol;
    private final Param<String> predictionCol;
    private final Param<String> probabilityCol;
    private final Param<String> task;
    private transient Broadcast<byte[]> shipped;

    ScratchnetModel(String uid, byte[] modelFile, Task task) {
        this.uid = uid;
        // a param names its parent's uid when made, so the params come after it
        this.featuresCol = new Param<>(this, "featuresCol", "the Vector column of the inputs");
        this.predictionCol = new Param<>(this, "predictionCol", "the column of the predictions");
        this.probabilityCol = new Param<>(this, "probabilityCol", "the Vector column of the class probabilities (classifiers)");
        this.task = new Param<>(this, "task", "classification or regression");
        this.modelFile = modelFile;
        this.digest = digest(modelFile);
        setDefault(featuresCol, "features");
        setDefault(predictionCol, "prediction");
        setDefault(probabilityCol, "probability");
        set(this.task, task.label());
    }

    /** A reader of saved models, for {@code ScratchnetModel.read().load(path)}. */
    public static MLReader<ScratchnetModel> read() {
        return new ModelReader();
    }

    /** The model saved at {@code path} by {@code write().save(path)}. */
    public static ScratchnetModel load(String path) {
        return read().load(path);
    }

    @Override
    public MLWriter write() {
        return new ModelWriter(this);
    }

    @Override
    public String uid() {
        return uid;
    }

    /** The features column's name (default {@code features}). */
    public Param<String> featuresCol() {
        return featuresCol;
    }

    /** The prediction column's name (default {@code prediction}). */
    public Param<String> predictionCol() {
        return predictionCol;
    }

    /** The probability column's name, classifiers only (default {@code probability}). */
    public Param<String> probabilityCol() {
        return probabilityCol;
    }

    /** {@code classification} or {@code regression}, from the fit's loss. */
    public Param<String> task() {
        return task;
    }

    public ScratchnetModel setFeaturesCol(String column) {
        return (ScratchnetModel) set(featuresCol, column);
    }

    public ScratchnetModel setPredictionCol(String column) {
        return (ScratchnetModel) set(predictionCol, column);
    }

    public ScratchnetModel setProbabilityCol(String column) {
        return (ScratchnetModel) set(probabilityCol, column);
    }

    /** Whether this model classifies (else it predicts a value). */
    public boolean isClassifier() {
        return Task.ofLabel(getOrDefault(task)) == Task.CLASSIFICATION;
    }

    /** The bytes of the network's model file (open them with {@code Network.load} or {@code Model.load}). */
    public byte[] modelFile() {
        return modelFile.clone();
    }

    byte[] modelFileBytes() {
        return modelFile;
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        transformSchema(dataset.schema());
        Broadcast<byte[]> bytes = shipped(dataset);
        String key = digest;
        Column features = functions.col(getOrDefault(featuresCol));
        if (!isClassifier()) {
            UserDefinedFunction value = functions.udf((UDF1<Vector, Double>) row ->
                    (double) model(key, bytes).predict(floats(row))[0], DataTypes.DoubleType);
            return dataset.withColumn(getOrDefault(predictionCol), value.apply(features));
        }
        UserDefinedFunction probabilities = functions.udf((UDF1<Vector, Vector>) row ->
                probabilities(model(key, bytes).predict(floats(row))), SQLDataTypes.VectorType());
        UserDefinedFunction likeliest = functions.udf((UDF1<Vector, Double>) p -> (double) p.argmax(),
                DataTypes.DoubleType);
        String probability = getOrDefault(probabilityCol);
        return dataset.withColumn(probability, probabilities.apply(features))
                .withColumn(getOrDefault(predictionCol), likeliest.apply(functions.col(probability)));
    }

    @Override
    public StructType transformSchema(StructType schema) {
        Schemas.requireVector(schema, getOrDefault(featuresCol));
        return Schemas.withOutputs(schema, getOrDefault(predictionCol), getOrDefault(probabilityCol),
                Task.ofLabel(getOrDefault(task)));
    }

    @Override
    public ScratchnetModel copy(ParamMap extra) {
        ScratchnetModel copy = new ScratchnetModel(uid, modelFile, Task.ofLabel(getOrDefault(task)));
        return copyValues(copy, extra).setParent(parent());
    }

    private synchronized Broadcast<byte[]> shipped(Dataset<?> dataset) {
        if (shipped == null) {
            shipped = JavaSparkContext.fromSparkContext(dataset.sparkSession().sparkContext()).broadcast(modelFile);
        }
        return shipped;
    }

    private static Model model(String key, Broadcast<byte[]> bytes) {
        return RuntimeModels.of(key, bytes::value);
    }

    private static float[] floats(Vector row) {
        if (row == null) {
            throw new IllegalArgumentException("a row's features vector is null; drop or fill such rows first");
        }
        double[] values = row.toArray();
        float[] floats = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            floats[i] = (float) values[i];
        }
        return floats;
    }

    /** The class probabilities: the outputs, or {@code [1 − p, p]} for one sigmoid output. */
    private static Vector probabilities(float[] outputs) {
        if (outputs.length == 1) {
            return Vectors.dense(1 - outputs[0], outputs[0]);
        }
        double[] values = new double[outputs.length];
        for (int i = 0; i < outputs.length; i++) {
            values[i] = outputs[i];
        }
        return Vectors.dense(values);
    }

    private static String digest(byte[] bytes) {
        try {
            return new BigInteger(1, MessageDigest.getInstance("SHA-256").digest(bytes)).toString(16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }
}
