package dev.scratchnet;

/**
 * The numbers at the end of one epoch, handed to every {@link TrainingListener}.
 *
 * @param epoch              the epoch just finished, counting from 1
 * @param trainLoss          the mean over the epoch's training examples of the loss each batch had
 *                           just before its update (without the L2 term), as Keras reports it: the
 *                           weights change during the epoch, so this is not the loss of the final weights
 * @param trainAccuracy      the fraction of training examples classified right by those same
 *                           predictions, or NaN when the targets are not classes (one-hot rows or a
 *                           single 0/1 column)
 * @param validationLoss     the loss over the validation set with the epoch's final weights, or NaN
 *                           without validation data
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
