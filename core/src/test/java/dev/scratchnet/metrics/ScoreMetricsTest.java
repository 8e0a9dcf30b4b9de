package dev.scratchnet.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.scratchnet.Evaluation;
import dev.scratchnet.TestArrays;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * ROC AUC, top-k accuracy and log loss against scikit-learn 1.2.1 on the same cases: the expected
 * numbers are what {@code core/src/test/python/score_metrics.py} prints.
 */
class ScoreMetricsTest {

    private static final double TOLERANCE = 1e-12;

    private static INDArray column(double... values) {
        double[][] rows = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            rows[i] = new double[] {values[i]};
        }
        return TestArrays.matrix(rows);
    }

    @Test
    void binaryFromOneSigmoidColumn() {
        Evaluation evaluation = Evaluation.of(column(0, 0, 1, 1, 0, 1, 1, 0),
                column(0.1, 0.4, 0.35, 0.8, 0.5, 0.5, 0.9, 0.2));
        assertEquals(0.84375, evaluation.rocAuc(), TOLERANCE);
        assertEquals(0.4504937804160789, evaluation.logLoss(), TOLERANCE);
        assertEquals(0.75, evaluation.topKAccuracy(1), TOLERANCE);
        assertEquals(1.0, evaluation.topKAccuracy(2), TOLERANCE);
    }

    @Test
    void threeClassesOneVsRestWithTies() {
        INDArray scores = TestArrays.matrix(
                new double[] {0.7, 0.2, 0.1},
                new double[] {0.3, 0.3, 0.4},
                new double[] {0.25, 0.5, 0.25},
                new double[] {0.1, 0.1, 0.8},
                new double[] {0.4, 0.4, 0.2},
                new double[] {1.0, 0.0, 0.0},
                new double[] {0.2, 0.6, 0.2});
        Evaluation evaluation = Evaluation.of(TestArrays.oneHot(3, 0, 1, 2, 2, 1, 1, 0), scores);
        assertEquals(0.5777777777777778, evaluation.rocAuc(), TOLERANCE);
        assertEquals(0.42857142857142855, evaluation.topKAccuracy(1), TOLERANCE);
        assertEquals(0.7142857142857143, evaluation.topKAccuracy(2), TOLERANCE);
        assertEquals(5.962781099160597, evaluation.logLoss(), 1e-9);
    }

    @Test
    void rocAucOfASingleClassAndMetricsWithoutScoresAreRefused() {
        IllegalStateException one = assertThrows(IllegalStateException.class,
                () -> Evaluation.of(column(1, 1, 1), column(0.2, 0.4, 0.9)).rocAuc());
        assertEquals("ROC AUC needs examples of class 1 and of the other classes; the 3 examples have 3 of class 1",
                one.getMessage());
        assertThrows(IllegalStateException.class, () -> Evaluation.of(new int[] {0, 1}, new int[] {0, 0}, 2).logLoss());
    }
}
