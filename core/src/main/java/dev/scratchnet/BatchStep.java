package dev.scratchnet;

import dev.scratchnet.engine.Engine;
import dev.scratchnet.engine.FastPath;
import dev.scratchnet.engine.Metrics;
import dev.scratchnet.engine.NativeVector;
import dev.scratchnet.optimizers.Sgd;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One training step on one batch of an epoch: forward, backward, weight decay {@code dW += λ·W}
 * and the optimizer's update. It runs the fast path when every layer, activation and the loss
 * have one (and {@code scratchnet.engine} is not {@code reference}), else the readable
 * {@link Network#forward} / {@link Network#backward} and {@link Optimizer#step}.
 * <p>
 * For plain SGD on the fast path the update is fused into the gradient products,
 * <pre>
 *   W ← (1 − lr·λ)·W − lr·xᵀδ      one gemm
 *   b ← b − lr·Σ_rows δ             one gemv
 * </pre>
 * the same arithmetic as {@code dW = xᵀδ + λW, W ← W − lr·dW} with one pass over W instead of
 * three (write dW, add λW, update W): on W2-sized layers the passes cost as much as a product.
 */
final class BatchStep {

    private final Network network;
    private final Fit fit;
    private final DataSet train;
    private final List<Parameter> parameters;
    private final FastPath fast;
    private final boolean fusedSgd;
    private final INDArray features;
    private final INDArray targets;
    private final int[] labels;
    private final List<NativeVector> decayingValues = new ArrayList<>();
    private final List<NativeVector> decayingGradients = new ArrayList<>();
    private int[] order;
    private DataSet ordered;
    private int correct;

    /** @param labels the class of each training row, or null when the targets are not classes */
    BatchStep(Network network, Fit fit, DataSet train, int[] labels) {
        this.network = network;
        this.fit = fit;
        this.train = train;
        this.labels = labels;
        this.parameters = network.parameters();
        this.fast = Engine.fastEnabled() ? FastPath.forTraining(network.layers(), fit.loss(), network.dataType(),
                Math.min(fit.batchSize(), train.size())) : null;
        this.fusedSgd = fast != null && fit.optimizer() instanceof Sgd;
        this.features = fast != null ? FastPath.readable(train.features()) : null;
        this.targets = fast != null ? FastPath.readable(train.targets()) : null;
        for (Parameter parameter : parameters) {
            if (parameter.decays() && fit.l2() > 0) {
                decayingValues.add(NativeVector.of(parameter.value()));
                decayingGradients.add(NativeVector.of(parameter.gradient()));
            }
        }
    }

    /** Starts an epoch whose batches take the training rows in {@code order}. */
    void startEpoch(int[] order) {
        this.order = order;
        // the reference path reads contiguous rows, so it copies the rows into the epoch's order once
        this.ordered = fast == null ? train.select(order) : null;
    }

    /**
     * Trains on positions {@code [start, end)} of the epoch's order and returns the loss of the
     * batch's predictions (made before the update); {@link #correct()} then tells how many of them
     * were right. Both come from the forward pass the gradients need anyway.
     */
    double run(int start, int end) {
        if (fusedSgd) {
            fast.sgdStep(features, targets, order, start, end, fit.optimizer().learningRate(), fit.l2());
            return fastBatchNumbers();
        }
        double loss;
        if (fast != null) {
            fast.gradients(features, targets, order, start, end);
            loss = fastBatchNumbers();
        } else {
            DataSet rows = ordered.rows(start, end);
            INDArray p = network.forward(rows.features());
            network.backward(p, rows.targets(), fit.loss());
            correct = labels != null ? Metrics.correct(p, labels, order, start) : 0;
            loss = Metrics.loss(fit.loss(), p, rows.targets());
        }
        update();
        return loss;
    }

    private double fastBatchNumbers() {
        correct = labels != null ? fast.batchCorrect(labels) : 0;
        return fast.batchLoss(fit.loss());
    }

    /** Applies the gradients the batch left in the layers. */
    private void update() {
        // weight decay: dW += λ·W
        for (int i = 0; i < decayingValues.size(); i++) {
            NativeVector.axpy(fit.l2(), decayingValues.get(i), decayingGradients.get(i));
        }
        // update
        fit.optimizer().step(parameters);
    }

    /** How many rows of the last batch were classified right (0 when the targets are not classes). */
    int correct() {
        return correct;
    }
}
