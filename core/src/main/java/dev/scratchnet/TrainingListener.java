package dev.scratchnet;

/**
 * Called by {@link Network#fit} at the end of every epoch, e.g. to print progress:
 * {@code listener(r -> System.out.printf("epoch %d  loss %.4f%n", r.epoch(), r.trainLoss()))}.
 */
@FunctionalInterface
public interface TrainingListener {

    /** One epoch has finished; {@code result} holds its numbers. */
    void onEpochEnd(EpochResult result);
}
