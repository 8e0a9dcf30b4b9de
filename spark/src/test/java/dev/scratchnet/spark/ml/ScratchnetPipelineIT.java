package dev.scratchnet.spark.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scratchnet.Activation;
import dev.scratchnet.Fit;
import dev.scratchnet.Loss;
import dev.scratchnet.Network;
import dev.scratchnet.Optimizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** {@link ScratchnetEstimator} and {@link ScratchnetModel} in Spark ML pipelines on {@code local[2]}. */
class ScratchnetPipelineIT {

    private static final int FEATURES = 20;
    private static SparkSession spark;
    private static String[] columns;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("scratchnet-ml-tests")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "2")
                .getOrCreate();
        columns = new String[FEATURES];
        for (int i = 0; i < FEATURES; i++) {
            columns[i] = "f" + i;
        }
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void aPipelineFitsFortyThousandRowsPredictsAndComesBackFromDisk(@TempDir Path folder) throws Exception {
        Dataset<Row> train = table(40_000, 1, false).repartition(2).cache();
        Dataset<Row> test = table(2_000, 2, false);
        Network network = Network.builder().seed(1).input(FEATURES).dense(32, Activation.RELU)
                .dense(3, Activation.SOFTMAX).build();
        Fit fit = Fit.builder().loss(Loss.CROSS_ENTROPY).optimizer(Optimizer.adam(0.01)).epochs(5).batchSize(64)
                .seed(1).build();
        Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {
                new VectorAssembler().setInputCols(columns).setOutputCol("features"),
                new ScratchnetEstimator(network, fit).setFeaturesCol("features").setLabelCol("label")});

        PipelineModel model = pipeline.fit(train);
        Dataset<Row> predicted = model.transform(test.drop("label"));
        String path = folder.resolve("pipeline").toString();
        model.write().overwrite().save(path);
        PipelineModel loaded = PipelineModel.load(path);

        double[] predictions = doubles(predicted, "prediction");
        double[] labels = doubles(test, "label");
        assertTrue(accuracy(predictions, labels) >= 0.9, "held-out accuracy " + accuracy(predictions, labels));
        assertArrayEquals(predictions, doubles(loaded.transform(test), "prediction"));
        Vector probability = predicted.select("probability").first().getAs(0);
        assertEquals(3, probability.size());
        assertEquals(1.0, Arrays.stream(probability.toArray()).sum(), 1e-5);
    }

    @Test
    void aModelSavesAndLoadsAloneAndAgreesWithTheNetwork(@TempDir Path folder) throws Exception {
        Dataset<Row> data = new VectorAssembler().setInputCols(columns).setOutputCol("features")
                .transform(table(1_000, 3, false));
        Network template = Network.builder().seed(2).input(FEATURES).dense(3, Activation.SOFTMAX).build();
        Fit fit = Fit.builder().loss(Loss.CROSS_ENTROPY).optimizer(Optimizer.sgd(0.1)).epochs(2).batchSize(50).build();
        ScratchnetModel model = new ScratchnetEstimator(template, fit).setLocalSteps(0).fit(data);
        String path = folder.resolve("model").toString();

        model.write().save(path);
        ScratchnetModel loaded = ScratchnetModel.load(path);
        ScratchnetModel read = ScratchnetModel.read().load(path);

        Network trained = ModelFiles.network(model.modelFile());
        Row first = model.transform(data).select("features", "prediction").first();
        double[] row = ((Vector) first.getAs(0)).toArray();
        int expected = trained.predictClasses(Nd4j.create(new double[][] {row}).castTo(DataType.FLOAT))[0];
        assertEquals(expected, first.getDouble(1), "the runtime's class is the network's");
        assertArrayEquals(doubles(model.transform(data), "prediction"), doubles(loaded.transform(data), "prediction"));
        assertEquals(model.uid(), read.uid());
        assertTrue(loaded.isClassifier());
    }

    @Test
    void aRegressionPredictsAValueAndNoProbability() {
        Dataset<Row> data = new VectorAssembler().setInputCols(columns).setOutputCol("features")
                .transform(table(2_000, 4, true));
        Network template = Network.builder().seed(3).input(FEATURES).dense(16, Activation.TANH)
                .dense(1, Activation.IDENTITY).build();
        Fit fit = Fit.builder().loss(Loss.MSE).optimizer(Optimizer.adam(0.01)).epochs(10).batchSize(32).build();

        Dataset<Row> predicted = new ScratchnetEstimator(template, fit).setLocalSteps(16).fit(data).transform(data);

        assertFalse(Arrays.asList(predicted.columns()).contains("probability"));
        double[] predictions = doubles(predicted, "prediction");
        double[] labels = doubles(data, "label");
        double error = 0;
        double spread = 0;
        double mean = Arrays.stream(labels).average().orElseThrow();
        for (int i = 0; i < labels.length; i++) {
            error += (predictions[i] - labels[i]) * (predictions[i] - labels[i]);
            spread += (labels[i] - mean) * (labels[i] - mean);
        }
        assertTrue(1 - error / spread > 0.8, "R2 " + (1 - error / spread));
    }

    @Test
    void refusesColumnsItCannotUse() {
        Dataset<Row> raw = table(100, 5, false);
        Network template = Network.builder().seed(2).input(FEATURES).dense(3, Activation.SOFTMAX).build();
        ScratchnetEstimator estimator = new ScratchnetEstimator(template, Fit.builder().loss(Loss.CROSS_ENTROPY)
                .build());

        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> estimator.fit(raw));
        assertTrue(missing.getMessage().startsWith("no column 'features' among"), missing.getMessage());
        IllegalArgumentException notVector = assertThrows(IllegalArgumentException.class,
                () -> estimator.setFeaturesCol("f0").fit(raw));
        assertTrue(notVector.getMessage().contains("must hold Vectors"), notVector.getMessage());
        IllegalArgumentException regression = assertThrows(IllegalArgumentException.class,
                () -> new ScratchnetEstimator(template, Fit.builder().loss(Loss.MSE).build()));
        assertTrue(regression.getMessage().contains("one output"), regression.getMessage());
    }

    /**
     * {@code rows} rows of {@value #FEATURES} standard normal features and a label: the likeliest of
     * three fixed linear scores (classes), or a smooth function of the features (a value).
     */
    static Dataset<Row> table(int rows, long seed, boolean value) {
        Random weights = new Random(42);
        double[][] w = new double[3][FEATURES];
        for (double[] line : w) {
            for (int j = 0; j < FEATURES; j++) {
                line[j] = weights.nextGaussian();
            }
        }
        Random random = new Random(seed);
        List<Row> list = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            Object[] cells = new Object[FEATURES + 1];
            double[] x = new double[FEATURES];
            for (int j = 0; j < FEATURES; j++) {
                x[j] = random.nextGaussian();
                cells[j] = x[j];
            }
            double[] scores = new double[3];
            for (int k = 0; k < 3; k++) {
                for (int j = 0; j < FEATURES; j++) {
                    scores[k] += w[k][j] * x[j];
                }
            }
            int best = scores[0] >= scores[1] ? (scores[0] >= scores[2] ? 0 : 2) : (scores[1] >= scores[2] ? 1 : 2);
            cells[FEATURES] = value ? Math.tanh(scores[0] / 4) + 0.5 * Math.sin(x[1]) : (double) best;
            list.add(RowFactory.create(cells));
        }
        StructType schema = new StructType();
        for (int j = 0; j < FEATURES; j++) {
            schema = schema.add("f" + j, DataTypes.DoubleType, false);
        }
        schema = schema.add("label", DataTypes.DoubleType, false);
        return spark.createDataFrame(list, schema);
    }

    private static double[] doubles(Dataset<Row> data, String column) {
        return data.select(column).collectAsList().stream().mapToDouble(row -> row.getDouble(0)).toArray();
    }

    private static double accuracy(double[] predictions, double[] labels) {
        int right = 0;
        for (int i = 0; i < labels.length; i++) {
            right += predictions[i] == labels[i] ? 1 : 0;
        }
        return (double) right / labels.length;
    }
}
