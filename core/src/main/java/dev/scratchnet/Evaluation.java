package dev.scratchnet;

import dev.scratchnet.internal.Argmax;
import dev.scratchnet.internal.Checks;
import dev.scratchnet.internal.Shapes;
import dev.scratchnet.metrics.Averages;
import dev.scratchnet.metrics.ClassificationReport;
import dev.scratchnet.metrics.ConfusionMatrix;
import dev.scratchnet.metrics.RegressionMetrics;
import dev.scratchnet.metrics.ScoreMetrics;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * How well a network's predictions match the truth. For classes: accuracy, the confusion matrix
 * (true classes as rows, predicted classes as columns), per-class precision, recall, F1 and
 * support, their macro and weighted averages, and scikit-learn's {@code classification_report}
 * as text. For real-valued targets: MSE, MAE and R² (see {@link RegressionMetrics} for the formulas).
 * <p>
 * Scores follow scikit-learn with {@code zero_division=0}: a division by zero gives 0. Averages
 * run over the classes that occur among the true or the predicted classes, as
 * {@code classification_report} does by default.
 */
public final class Evaluation {

    /**
     * Precision, recall and F1 of one class or one average, with its support (number of true examples).
     */
    public record Scores(double precision, double recall, double f1, int support) {
    }

    private final ConfusionMatrix matrix;
    private final RegressionMetrics regression;
    private final ScoreMetrics scores;

    private Evaluation(ConfusionMatrix matrix, RegressionMetrics regression, ScoreMetrics scores) {
        this.matrix = matrix;
        this.regression = regression;
        this.scores = scores;
    }

    /**
     * Compares predicted classes with true classes (same length, each in {@code [0, numClasses)}).
     * An evaluation made this way has no regression metrics.
     */
    public static Evaluation of(int[] actual, int[] predicted, int numClasses) {
        return new Evaluation(ConfusionMatrix.of(actual, predicted, numClasses), null, null);
    }

    /**
     * Compares network outputs {@code predictions [n, k]} with {@code targets [n, k]}: classes by
     * the argmax of each row (for k = 1, class 1 when the value is ≥ 0.5), and the regression
     * metrics on the raw values. NaN or infinite predictions or targets are refused, naming the row.
     */
    public static Evaluation of(INDArray targets, INDArray predictions) {
        Checks.matrix("targets", targets);
        Checks.matrix("predictions", predictions);
        if (targets.rows() != predictions.rows() || targets.columns() != predictions.columns()) {
            throw new IllegalArgumentException("targets " + Shapes.describe(targets) + " and predictions "
                    + Shapes.describe(predictions) + " must have the same shape");
        }
        // a NaN has no rank: its row would count as class 0 and the metrics would look merely poor
        Checks.firstNonFinite(predictions).ifPresent(element -> {
            throw new IllegalArgumentException("predictions row " + element.row() + " column " + element.column()
                    + " is " + element.value() + "; an evaluation needs finite predictions (a network whose outputs "
                    + "overflow or diverged gives these: look at its inputs and its training)");
        });
        Checks.allFinite("targets", targets);
        int numClasses = Math.max(targets.columns(), 2);
        int[] actual = Argmax.ofRows(targets);
        return new Evaluation(ConfusionMatrix.of(actual, Argmax.ofRows(predictions), numClasses),
                RegressionMetrics.of(targets, predictions),
                new ScoreMetrics(dev.scratchnet.internal.JavaRows.doubles(predictions.castTo(DataType.DOUBLE)), actual, numClasses));
    }

    /**
     * Area under the ROC curve of the scores, as scikit-learn's {@code roc_auc_score}: for two classes
     * (one sigmoid column, or two columns) of the score of class 1; for more, one-vs-rest and the
     * macro average ({@code multi_class="ovr", average="macro"}).
     *
     * @throws IllegalStateException when made from predicted classes only, or a class has no example
     */
    public double rocAuc() {
        return scoreMetrics().rocAuc();
    }

    /**
     * The fraction of examples whose true class is among the {@code k} highest scores, as
     * scikit-learn's {@code top_k_accuracy_score} (ties: the class with the higher index ranks higher).
     */
    public double topKAccuracy(int k) {
        return scoreMetrics().topKAccuracy(k);
    }

    /**
     * The mean negative log-probability of the true classes, as scikit-learn 1.2's {@code log_loss}:
     * probabilities clipped to {@code [ε, 1 − ε]} (ε = 2.2e-16, float64's machine epsilon, scikit-learn's
     * {@code eps="auto"}) and each row divided by its sum.
     */
    public double logLoss() {
        return scoreMetrics().logLoss();
    }

    private ScoreMetrics scoreMetrics() {
        if (scores == null) {
            throw new IllegalStateException("this evaluation was made from predicted classes alone; ROC AUC, top-k "
                    + "accuracy and log loss need the network's scores: use Evaluation.of(targets, predictions)");
        }
        return scores;
    }

    /** The fraction of examples whose predicted class is the true class (0 for no examples). */
    public double accuracy() {
        return matrix.accuracy();
    }

    /** A copy of the confusion matrix: entry [t][p] counts examples of true class t predicted as p. */
    public int[][] confusionMatrix() {
        return matrix.counts();
    }

    /** How many examples were evaluated. */
    public int size() {
        return matrix.total();
    }

    /** How many classes the confusion matrix has (at least 2). */
    public int numClasses() {
        return matrix.numClasses();
    }

    /** Of the examples predicted as {@code c}, the fraction that are {@code c}. */
    public double precision(int c) {
        return matrix.precision(checkClass(c));
    }

    /** Of the examples of class {@code c}, the fraction predicted as {@code c}. */
    public double recall(int c) {
        return matrix.recall(checkClass(c));
    }

    /** The harmonic mean of precision and recall of class {@code c}. */
    public double f1(int c) {
        return matrix.f1(checkClass(c));
    }

    /** How many examples have true class {@code c}. */
    public int support(int c) {
        return matrix.support(checkClass(c));
    }

    /** Precision, recall, F1 and support of class {@code c}. */
    public Scores scores(int c) {
        return new Scores(precision(c), recall(c), f1(c), support(c));
    }

    /** The unweighted mean of each score over the classes present; support is the total. */
    public Scores macroAverage() {
        return new Scores(Averages.macro(matrix, Averages.Score.PRECISION), Averages.macro(matrix, Averages.Score.RECALL),
                Averages.macro(matrix, Averages.Score.F1), size());
    }

    /** The mean of each score weighted by each class's support; support is the total. */
    public Scores weightedAverage() {
        return new Scores(Averages.weighted(matrix, Averages.Score.PRECISION),
                Averages.weighted(matrix, Averages.Score.RECALL), Averages.weighted(matrix, Averages.Score.F1), size());
    }

    /** scikit-learn's {@code classification_report} text, classes named 0, 1, 2, …, two decimals. */
    public String classificationReport() {
        return ClassificationReport.format(matrix, null, 2);
    }

    /** As {@link #classificationReport()}, with one name per class (e.g. {@code "cat", "dog"}). */
    public String classificationReport(List<String> classNames) {
        return classificationReport(classNames, 2);
    }

    /** As {@link #classificationReport(List)}, with {@code digits} decimals; names may be null. */
    public String classificationReport(List<String> classNames, int digits) {
        return ClassificationReport.format(matrix, classNames, digits);
    }

    /** Mean over rows and outputs of {@code (p − y)²}. */
    public double meanSquaredError() {
        return regression().meanSquaredError();
    }

    /** Mean over rows and outputs of {@code |p − y|}. */
    public double meanAbsoluteError() {
        return regression().meanAbsoluteError();
    }

    /** The coefficient of determination R², averaged over outputs. */
    public double r2() {
        return regression().r2();
    }

    private RegressionMetrics regression() {
        if (regression == null) {
            throw new IllegalStateException("this evaluation was made from class labels only; regression metrics "
                    + "need the network's outputs: use net.evaluate(data) or Evaluation.of(targets, predictions)");
        }
        return regression;
    }

    private int checkClass(int c) {
        if (c < 0 || c >= matrix.numClasses()) {
            throw new IllegalArgumentException("class must be in [0, " + matrix.numClasses() + "), was " + c);
        }
        return c;
    }

    @Override
    public String toString() {
        return "Evaluation[" + size() + " examples, accuracy " + accuracy() + "]";
    }
}
