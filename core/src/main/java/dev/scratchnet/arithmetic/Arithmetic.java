package dev.scratchnet.arithmetic;

import dev.scratchnet.Backend;
import dev.scratchnet.DataSet;
import dev.scratchnet.Loss;
import dev.scratchnet.Plan;
import java.util.Optional;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What a network asks of its arithmetic: predictions, the gradients of a batch, the loss of
 * predictions, and a {@link Trainer} for the batches of one fit. One instance serves one network;
 * arguments have been checked by the network (widths, data type, finiteness unless said otherwise).
 */
public interface Arithmetic {

    /** Which backend this is. */
    Backend backend();

    /** The backend and, when a network asked for another one, why this one runs; for summaries. */
    String describe();

    /**
     * How many threads share a training batch, and why, for summaries; the reference backend
     * trains on the calling thread alone.
     */
    default String describeTrainingThreads() {
        return "1";
    }

    /** The training plan in force or how it will be chosen, for summaries; the reference backend has one. */
    default String describePlan() {
        return "one-thread (the reference backend)";
    }

    /** The plan of the last fit's batches as checkpoints record it (e.g. {@code split-rows 2}), or null. */
    default String planId() {
        return null;
    }

    /** Trains the next fits with {@code plan} ({@code Network.Builder.plan}); the reference backend has one plan. */
    default void pinPlan(Plan plan) {
    }

    /** Trains the next fits with the plan a checkpoint recorded ({@link #planId()}). */
    default void resumePlan(String id) {
    }

    /** The outputs {@code [n, nOut]} for inputs {@code x [n, nIn]}, as a new array; any layout of {@code x}. */
    INDArray predict(INDArray x);

    /**
     * As {@link #predict} for inputs not checked for NaN and infinity: empty when an input or an
     * output is not finite (the network then finds and explains the bad value).
     */
    Optional<INDArray> predictIfFinite(INDArray x);

    /** Fills every layer's dW and db with the gradient of {@code loss} on the batch {@code x}, {@code y}. */
    void gradients(INDArray x, INDArray y, Loss loss);

    /** {@code loss.value(p, y)}, by the loss's fast loop where this backend has one. */
    double loss(Loss loss, INDArray p, INDArray y);

    /**
     * A trainer over {@code train}'s rows in batches of at most {@code batchCapacity} rows, with
     * {@code dropout}'s masks in its forward passes, or none when {@code dropout} is null.
     */
    Trainer trainer(Loss loss, DataSet train, int batchCapacity, DropoutMasks dropout);
}
