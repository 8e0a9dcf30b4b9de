package dev.scratchnet;

/**
 * The numbers at the end of one epoch, handed to every {@link TrainingListener}.
 *
 * @param epoch              the epoch just finished, counting from 1
 * @param trainLoss          the loss over the whole training set with the epoch's final weights
 *                           (without the L2 term)
 * @param trainAccuracy      the fraction of training examples classified right, or NaN when the
 *                           targets are not classes (one-hot rows or a single 0/1 column)
 * @param validationLoss     the loss over the validation set, or NaN without validation data
 * @param validationAccuracy the validation accuracy, or NaN without validation data or classes
 * @param learningRate       the optimizer's learning rate during this epoch
 */
public record EpochResult(int epoch, double trainLoss, double trainAccuracy, double validationLoss,
                          double validationAccuracy, double learningRate) {

    /** Whether this epoch was measured on validation data. */
    public boolean hasValidation() {
        return !Double.isNaN(validationLoss);
    }
}
