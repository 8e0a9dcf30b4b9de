package dev.scratchnet;

/**
 * The numbers at the end of one epoch, handed to every {@link TrainingListener}.
 *
 * @param epoch         the epoch just finished, counting from 1
 * @param trainLoss     the loss over the whole training set with the epoch's final weights
 * @param trainAccuracy the fraction of training examples classified right, or NaN when the
 *                      targets are not classes (one-hot rows or a single 0/1 column)
 */
public record EpochResult(int epoch, double trainLoss, double trainAccuracy) {
}
