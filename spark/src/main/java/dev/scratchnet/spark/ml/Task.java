package dev.scratchnet.spark.ml;

import dev.scratchnet.Loss;
import dev.scratchnet.Network;

/**
 * What a {@link ScratchnetModel} predicts, decided from the fit's loss when the estimator fits:
 * classes with a cross-entropy (the label is a class index; "prediction" is the likeliest class and
 * "probability" the class probabilities), a value otherwise (the label is the target; "prediction"
 * is the network's one output).
 */
enum Task {
    CLASSIFICATION, REGRESSION;

    /** The task of training {@code network} with {@code loss}; refuses a regression with several outputs. */
    static Task of(Loss loss, Network network) {
        if (loss == Loss.CROSS_ENTROPY || loss == Loss.BINARY_CROSS_ENTROPY) {
            if (loss == Loss.BINARY_CROSS_ENTROPY && network.nOut() != 1) {
                throw new IllegalArgumentException("binaryCrossEntropy takes a network of one output (the probability"
                        + " of class 1), but this one outputs " + network.nOut() + "; use crossEntropy with softmax");
            }
            return CLASSIFICATION;
        }
        if (network.nOut() != 1) {
            throw new IllegalArgumentException("a regression on a double label takes a network of one output, but this"
                    + " one outputs " + network.nOut() + " (loss " + loss.name() + "); for classes use crossEntropy");
        }
        return REGRESSION;
    }

    /** The name saved with a model. */
    String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static Task ofLabel(String label) {
        for (Task task : values()) {
            if (task.label().equals(label)) {
                return task;
            }
        }
        throw new IllegalArgumentException("task must be classification or regression, was '" + label + "'");
    }
}
