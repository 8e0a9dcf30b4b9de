package dev.scratchnet;

/**
 * The numbers at the start of one epoch, handed to {@link TrainingListener#onEpochStart}.
 *
 * @param epoch        the epoch about to run, counting from 1
 * @param epochs       the most epochs this fit will run
 * @param batches      how many batches this epoch has
 * @param learningRate the optimizer's learning rate for this epoch
 */
public record EpochStart(int epoch, int epochs, int batches, double learningRate) {
}
