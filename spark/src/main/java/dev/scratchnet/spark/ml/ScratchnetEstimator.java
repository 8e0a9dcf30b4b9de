package dev.scratchnet.spark.ml;

import dev.scratchnet.DataSet;
import dev.scratchnet.Fit;
import dev.scratchnet.Network;
import dev.scratchnet.internal.Checks;
import dev.scratchnet.spark.SparkTraining;
import dev.scratchnet.spark.TrainingMode;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;

/**
 * A Spark ML {@code Estimator} that trains a copy of a network on a DataFrame with
 * {@link SparkTraining} and gives a {@link ScratchnetModel}:
 * <pre>
 *   Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {
 *       new VectorAssembler().setInputCols(columns).setOutputCol("features"),
 *       new ScratchnetEstimator(network, fit).setFeaturesCol("features").setLabelCol("label")});
 *   PipelineModel model = pipeline.fit(train);       // train: a DataFrame with the columns and "label"
 *   model.transform(test)                             // adds "prediction" and "probability"
 * </pre>
 * The features column holds Vectors of the network's {@code nIn} numbers; the label column a
 * double: a class index in {@code [0, nOut)} when the fit's loss is a cross-entropy (a classifier;
 * 0 or 1 for one sigmoid output with binary cross-entropy), else the target of a one-output
 * regression. The DataFrame's partitions are the training's partitions (repartition it to the
 * executors' cores first: averaging runs every partition's task at once, in barrier mode). {@code localSteps} (default 32) trains by parameter averaging every that
 * many local steps ({@link SparkTraining#averageEvery(int)}); 0 takes exact synchronous steps
 * ({@link SparkTraining#exact()}, one Spark job a step: much slower). The template network is
 * never changed. Fitting runs on the driver's side and needs ND4J on the executors; the model's
 * predictions do not.
 */
public final class ScratchnetEstimator extends Estimator<ScratchnetModel> {

    private static final long serialVersionUID = 1L;

    private final String uid;
    private final byte[] template;
    private final transient Fit fit;
    private final Task task;
    private final Param<String> featuresCol;
    private final Param<String> labelCol;
    private final Param<String> predictionCol;
    private final Param<String> probabilityCol;
    private final IntParam localSteps;

    /**
     * An estimator that trains copies of {@code template} with {@code fit}.
     *
     * @throws IllegalArgumentException when the fit's loss and the network's outputs do not make a
     *                                  classifier or a one-output regression
     */
    public ScratchnetEstimator(Network template, Fit fit) {
        this(Identifiable$.MODULE$.randomUID("scratchnet"), ModelFiles.bytes(Checks.notNull("template", template)),
                Checks.notNull("fit", fit), Task.of(fit.loss(), template));
    }

    private ScratchnetEstimator(String uid, byte[] template, Fit fit, Task task) {
        this.uid = uid;
        // a param names its parent's uid when made, so the params come after it
        this.featuresCol = new Param<>(this, "featuresCol", "the Vector column of the inputs");
        this.labelCol = new Param<>(this, "labelCol", "the double column of the labels");
        this.predictionCol = new Param<>(this, "predictionCol", "the column of the predictions");
        this.probabilityCol = new Param<>(this, "probabilityCol", "the Vector column of the class probabilities (classifiers)");
        this.localSteps = new IntParam(this, "localSteps",
                "local steps between two averagings of the partitions' weights; 0 for exact synchronous steps",
                ParamValidators.gtEq(0));
        this.template = template;
        this.fit = fit;
        this.task = task;
        setDefault(featuresCol, "features");
        setDefault(labelCol, "label");
        setDefault(predictionCol, "prediction");
        setDefault(probabilityCol, "probability");
        setDefault(localSteps, 32);
    }

    @Override
    public String uid() {
        return uid;
    }

    /** The features column's name (default {@code features}). */
    public Param<String> featuresCol() {
        return featuresCol;
    }

    /** The label column's name (default {@code label}). */
    public Param<String> labelCol() {
        return labelCol;
    }

    /** The prediction column the model adds (default {@code prediction}). */
    public Param<String> predictionCol() {
        return predictionCol;
    }

    /** The probability column a classifier's model adds (default {@code probability}). */
    public Param<String> probabilityCol() {
        return probabilityCol;
    }

    /** Local steps between two averagings (default 32); 0 for exact synchronous steps. */
    public IntParam localSteps() {
        return localSteps;
    }

    public ScratchnetEstimator setFeaturesCol(String column) {
        return (ScratchnetEstimator) set(featuresCol, column);
    }

    public ScratchnetEstimator setLabelCol(String column) {
        return (ScratchnetEstimator) set(labelCol, column);
    }

    public ScratchnetEstimator setPredictionCol(String column) {
        return (ScratchnetEstimator) set(predictionCol, column);
    }

    public ScratchnetEstimator setProbabilityCol(String column) {
        return (ScratchnetEstimator) set(probabilityCol, column);
    }

    /** @param steps 0 (exact synchronous steps) or more (averaging every that many local steps) */
    public ScratchnetEstimator setLocalSteps(int steps) {
        return (ScratchnetEstimator) set(localSteps, steps);
    }

    /**
     * Trains a copy of the template on {@code dataset}'s features and label columns.
     *
     * @throws IllegalArgumentException when a column is missing or of the wrong type, or the rows do
     *                                  not fit the network (widths, labels outside the classes)
     */
    @Override
    public ScratchnetModel fit(Dataset<?> dataset) {
        transformSchema(dataset.schema());
        Network network = ModelFiles.network(template);
        String features = getOrDefault(featuresCol);
        JavaRDD<DataSet> blocks = dataset.select(functions.col(features),
                        functions.col(getOrDefault(labelCol)).cast("double"))
                .javaRDD()
                .mapPartitions(new RowBlocks(network.nIn(), network.nOut(), task, features));
        int steps = (Integer) getOrDefault(localSteps);
        TrainingMode mode = steps == 0 ? SparkTraining.exact() : SparkTraining.averageEvery(steps);
        SparkTraining.fit(network, blocks, fit, mode);
        ScratchnetModel model = new ScratchnetModel(uid, ModelFiles.bytes(network), task);
        copyValues(model, extractParamMap());
        return model.setParent(this);
    }

    @Override
    public StructType transformSchema(StructType schema) {
        Schemas.requireVector(schema, getOrDefault(featuresCol));
        Schemas.requireNumber(schema, getOrDefault(labelCol));
        return Schemas.withOutputs(schema, getOrDefault(predictionCol), getOrDefault(probabilityCol),
                task);
    }

    @Override
    public ScratchnetEstimator copy(ParamMap extra) {
        return copyValues(new ScratchnetEstimator(uid, template, fit, task), extra);
    }
}
