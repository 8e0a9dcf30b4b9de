package dev.scratchnet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

class EvaluationTest {

    // a hand-made prediction set: 10 examples, 4 classes
    private static final int[] ACTUAL = {0, 0, 0, 1, 1, 2, 2, 2, 2, 3};
    private static final int[] PREDICTED = {0, 1, 0, 1, 2, 2, 2, 0, 2, 2};

    @Test
    void confusionMatrixHasTrueClassesAsRows() {
        Evaluation ev = Evaluation.of(ACTUAL, PREDICTED, 4);
        int[][] expected = {
            {2, 1, 0, 0},
            {0, 1, 1, 0},
            {1, 0, 3, 0},
            {0, 0, 1, 0},
        };
        assertArrayEquals(expected, ev.confusionMatrix());
        assertEquals(0.6, ev.accuracy(), 1e-15);
        assertEquals(10, ev.size());
    }

    @Test
    void perClassScoresWorkedByHand() {
        Evaluation ev = Evaluation.of(ACTUAL, PREDICTED, 4);
        // class 2: tp = 3, predicted 5 times, occurs 4 times
        assertEquals(new Evaluation.Scores(3 / 5.0, 3 / 4.0, 2 * 3 / 9.0, 4), ev.scores(2));
        // class 3 is never predicted: precision 0/0 gives 0, as scikit-learn's zero_division=0
        assertEquals(new Evaluation.Scores(0, 0, 0, 1), ev.scores(3));
        Evaluation.Scores macro = ev.macroAverage();
        assertEquals((2 / 3.0 + 0.5 + 0.6 + 0) / 4, macro.precision(), 1e-15);
        assertEquals((2 / 3.0 + 0.5 + 0.75 + 0) / 4, macro.recall(), 1e-15);
        Evaluation.Scores weighted = ev.weightedAverage();
        assertEquals((2 / 3.0 * 3 + 0.5 * 2 + 0.6 * 4) / 10, weighted.precision(), 1e-15);
        assertEquals(0.6, weighted.recall(), 1e-15);
        assertEquals(10, weighted.support());
    }

    @Test
    void reportEqualsScikitLearns() {
        // /usr/bin/python3 -c "from sklearn.metrics import classification_report as cr;
        //   print(repr(cr([0,0,0,1,1,2,2,2,2,3], [0,1,0,1,2,2,2,0,2,2])))"   (scikit-learn 1.2.1)
        String expected = "              precision    recall  f1-score   support\n\n"
                + "           0       0.67      0.67      0.67         3\n"
                + "           1       0.50      0.50      0.50         2\n"
                + "           2       0.60      0.75      0.67         4\n"
                + "           3       0.00      0.00      0.00         1\n\n"
                + "    accuracy                           0.60        10\n"
                + "   macro avg       0.44      0.48      0.46        10\n"
                + "weighted avg       0.54      0.60      0.57        10\n";
        assertEquals(expected, Evaluation.of(ACTUAL, PREDICTED, 4).classificationReport());
    }

    @Test
    void reportWithNamesAndThreeDigitsEqualsScikitLearns() {
        // cr(y, p, target_names=['cat','dog','bird','hippopotamus'], digits=3)
        String expected = "              precision    recall  f1-score   support\n\n"
                + "         cat      0.667     0.667     0.667         3\n"
                + "         dog      0.500     0.500     0.500         2\n"
                + "        bird      0.600     0.750     0.667         4\n"
                + "hippopotamus      0.000     0.000     0.000         1\n\n"
                + "    accuracy                          0.600        10\n"
                + "   macro avg      0.442     0.479     0.458        10\n"
                + "weighted avg      0.540     0.600     0.567        10\n";
        assertEquals(expected, Evaluation.of(ACTUAL, PREDICTED, 4)
                .classificationReport(List.of("cat", "dog", "bird", "hippopotamus"), 3));
    }

    @Test
    void classesThatNeverOccurAreLeftOutLikeScikitLearnsDefault() {
        // cr([0,1,1,2], [2,2,2,2]): class 3 of 4 occurs nowhere, so it has no row and no share of the macro avg
        String expected = "              precision    recall  f1-score   support\n\n"
                + "           0       0.00      0.00      0.00         1\n"
                + "           1       0.00      0.00      0.00         2\n"
                + "           2       0.25      1.00      0.40         1\n\n"
                + "    accuracy                           0.25         4\n"
                + "   macro avg       0.08      0.33      0.13         4\n"
                + "weighted avg       0.06      0.25      0.10         4\n";
        assertEquals(expected, Evaluation.of(new int[] {0, 1, 1, 2}, new int[] {2, 2, 2, 2}, 4).classificationReport());
    }

    @Test
    void networkEvaluationGivesClassAndRegressionMetrics() {
        // identity network y = x: predictions equal the features
        Network net = Network.builder().dataType(DataType.DOUBLE)
                .dense(TestArrays.matrix(new double[] {1, 0}, new double[] {0, 1}), org.nd4j.linalg.factory.Nd4j
                        .createFromArray(0.0, 0.0), Activation.IDENTITY).build();
        DataSet data = DataSet.of(TestArrays.matrix(new double[] {0.9, 0.1}, new double[] {0.2, 0.8},
                        new double[] {0.7, 0.3}),
                TestArrays.matrix(new double[] {1, 0}, new double[] {0, 1}, new double[] {0, 1}));
        Evaluation ev = net.evaluate(data);
        assertArrayEquals(new int[][] {{1, 0}, {1, 1}}, ev.confusionMatrix());
        // errors: 0.1, 0.1, 0.2, 0.2, 0.7, 0.7
        assertEquals((0.01 + 0.01 + 0.04 + 0.04 + 0.49 + 0.49) / 6, ev.meanSquaredError(), 1e-12);
        assertEquals((0.1 + 0.1 + 0.2 + 0.2 + 0.7 + 0.7) / 6, ev.meanAbsoluteError(), 1e-12);
        // each column: mean 1/3, Σ(y − ȳ)² = 2/3, Σ(y − p)² = 0.54, so R² = 1 − 0.81 for both
        assertEquals(1 - 0.54 / (2 / 3.0), ev.r2(), 1e-12);
    }

    @Test
    void regressionMetricsNeedOutputs() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Evaluation.of(ACTUAL, PREDICTED, 4).r2());
        assertTrue(e.getMessage().contains("class labels only"), e.getMessage());
    }

    @Test
    void badInputIsRefusedWithAMessage() {
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> Evaluation.of(new int[] {0, 5}, new int[] {0, 1}, 3));
        assertEquals("actual class 5 at index 1 is outside [0, 3)", range.getMessage());
        IllegalArgumentException lengths = assertThrows(IllegalArgumentException.class,
                () -> Evaluation.of(new int[] {0}, new int[] {0, 1}, 3));
        assertEquals("actual has 1 labels but predicted has 2", lengths.getMessage());
        IllegalArgumentException names = assertThrows(IllegalArgumentException.class,
                () -> Evaluation.of(ACTUAL, PREDICTED, 4).classificationReport(List.of("a", "b")));
        assertTrue(names.getMessage().startsWith("expected 4 class names"), names.getMessage());
    }
}
