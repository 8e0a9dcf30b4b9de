package dev.scratchnet;

/**
 * How well predicted classes match true classes: accuracy and the confusion matrix
 * (true classes as rows, predicted classes as columns).
 */
public final class Evaluation {

    private final int[][] confusion;
    private final int total;

    private Evaluation(int[][] confusion, int total) {
        this.confusion = confusion;
        this.total = total;
    }

    /** Compares {@code predicted} with {@code actual} (same length, classes in {@code [0, numClasses)}). */
    public static Evaluation of(int[] actual, int[] predicted, int numClasses) {
        if (actual.length != predicted.length) {
            throw new IllegalArgumentException("actual has " + actual.length + " labels but predicted has "
                    + predicted.length);
        }
        int classes = Math.max(numClasses, 2);
        int[][] confusion = new int[classes][classes];
        for (int i = 0; i < actual.length; i++) {
            confusion[actual[i]][predicted[i]]++;
        }
        return new Evaluation(confusion, actual.length);
    }

    /** The fraction of examples whose predicted class is the true class. */
    public double accuracy() {
        int correct = 0;
        for (int c = 0; c < confusion.length; c++) {
            correct += confusion[c][c];
        }
        return total == 0 ? 0.0 : (double) correct / total;
    }

    /** A copy of the confusion matrix: entry [t][p] counts examples of true class t predicted as p. */
    public int[][] confusionMatrix() {
        int[][] copy = new int[confusion.length][];
        for (int i = 0; i < confusion.length; i++) {
            copy[i] = confusion[i].clone();
        }
        return copy;
    }

    /** How many examples were evaluated. */
    public int size() {
        return total;
    }
}
