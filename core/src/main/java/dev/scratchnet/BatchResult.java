package dev.scratchnet;

/**
 * The numbers after one gradient step, handed to {@link TrainingListener#onBatchEnd} (only when
 * some listener {@link TrainingListener#wantsBatches() wants batches}, since measuring costs time).
 *
 * @param epoch   the current epoch, counting from 1
 * @param batch   the batch just stepped on, counting from 1
 * @param batches how many batches this epoch has
 * @param loss    the loss on this batch before the step (the forward pass the step used),
 *                without the L2 term
 */
public record BatchResult(int epoch, int batch, int batches, double loss) {
}
