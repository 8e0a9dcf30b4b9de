package dev.scratchnet;

import dev.scratchnet.engine.Engine;
import dev.scratchnet.engine.FastPath;
import dev.scratchnet.engine.Metrics;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Fills every layer's dW and db for one batch of an epoch: through the fast path when every
 * layer, activation and the loss have one (and {@code scratchnet.engine} is not {@code reference}),
 * else through the readable {@link Network#forward} / {@link Network#backward}.
 */
final class BatchGradients {

    private final Network network;
    private final Loss loss;
    private final DataSet train;
    private final FastPath fast;
    private final INDArray features;
    private final INDArray targets;
    private final int[] labels;
    private int[] order;
    private DataSet ordered;
    private int correct;

    /** @param labels the class of each training row, or null when the targets are not classes */
    BatchGradients(Network network, Loss loss, DataSet train, int[] labels, int batchSize) {
        this.network = network;
        this.labels = labels;
        this.loss = loss;
        this.train = train;
        this.fast = Engine.fastEnabled()
                ? FastPath.forTraining(network.layers(), loss, network.dataType(), Math.min(batchSize, train.size()))
                : null;
        this.features = fast != null ? FastPath.readable(train.features()) : null;
        this.targets = fast != null ? FastPath.readable(train.targets()) : null;
    }

    /** Starts an epoch whose batches take the training rows in {@code order}. */
    void startEpoch(int[] order) {
        this.order = order;
        // the reference path reads contiguous rows, so it copies the rows into the epoch's order once
        this.ordered = fast == null ? train.select(order) : null;
    }

    /**
     * Fills the gradients for positions {@code [start, end)} of the epoch's order and returns the
     * loss of the batch's predictions (made before the update); {@link #correct()} then tells how
     * many of them were right. Both come from the forward pass the gradients need anyway.
     */
    double compute(int start, int end) {
        if (fast != null) {
            fast.gradients(features, targets, order, start, end);
            correct = labels != null ? fast.batchCorrect(labels) : 0;
            return fast.batchLoss(loss);
        }
        DataSet rows = ordered.rows(start, end);
        INDArray p = network.forward(rows.features());
        network.backward(p, rows.targets(), loss);
        correct = labels != null ? Metrics.correct(p, labels, order, start) : 0;
        return Metrics.loss(loss, p, rows.targets());
    }

    /** How many rows of the last batch were classified right (0 when the targets are not classes). */
    int correct() {
        return correct;
    }
}
