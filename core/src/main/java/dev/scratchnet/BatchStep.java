package dev.scratchnet;

import dev.scratchnet.arithmetic.Trainer;
import dev.scratchnet.buffers.NativeVector;
import java.util.ArrayList;
import java.util.List;

/**
 * One training step on one batch of an epoch: forward, backward, gradient clipping (when asked),
 * weight decay {@code dW += λ·W} and the optimizer's update — clipping before the decay, as torch
 * clips {@code .grad} before {@code optimizer.step()} adds its {@code weight_decay·W}. The network's backend does the forward and backward passes (a
 * {@link Trainer}); this class adds the decay and the optimizer's step.
 * <p>
 * For plain SGD, where the backend offers it, the update is fused into the gradient products,
 * <pre>
 *   W ← (1 − lr·λ)·W − lr·xᵀδ      one gemm
 *   b ← b − lr·Σ_rows δ             one gemv
 * </pre>
 * the same arithmetic as {@code dW = xᵀδ + λW, W ← W − lr·dW} with one pass over W instead of
 * three (write dW, add λW, update W): on W2-sized layers the passes cost as much as a product.
 * Clipping needs the whole gradient before the update, so a fit that clips is never fused.
 */
final class BatchStep {

    private final Fit fit;
    private final List<Parameter> parameters;
    private final Trainer trainer;
    private final OptimizerState optimizer;
    private final boolean fusedSgd;
    /** The clipping of the gradients, or null when the fit does not clip. */
    private final GradientClipping clipping;
    private final int[] labels;
    /** The rounds of parameter averaging this step runs instead of the trainer's batches, or null. */
    private final DistributedTraining.RoundSource rounds;
    /** The epoch that runs, for the rounds. */
    private int epoch;
    /** The rows the last step took. */
    private int taken;
    private final List<NativeVector> decayingValues = new ArrayList<>();
    private final List<NativeVector> decayingGradients = new ArrayList<>();
    private int correct;

    /**
     * The step over the batches {@code source} computes the gradients of: the network's backend over
     * rows in memory, or the gatherer of a cluster's partitions.
     *
     * @param labels the class of each training row, for {@link Trainer#lastBatchCorrect}, or null
     *               when the targets are not classes
     */
    BatchStep(Network network, Fit fit, Trainer source, int[] labels) {
        this(network, fit, source, labels, null);
    }

    /**
     * The step over the rounds of parameter averaging: batch {@code r} of an epoch (positions
     * {@code [(r − 1)·batchSize, r·batchSize)}) is round {@code r}, which leaves the averaged weights
     * in the network and the averaged optimizer state in {@link #optimizerState()} itself; its clipping,
     * weight decay and optimizer steps happen where the rounds run.
     *
     * @param classes whether the targets are classes, so that the rounds' correct counts count
     */
    BatchStep(Network network, Fit fit, DistributedTraining.RoundSource rounds, boolean classes) {
        this(network, fit, null, classes ? new int[0] : null, rounds);
    }

    private BatchStep(Network network, Fit fit, Trainer source, int[] labels, DistributedTraining.RoundSource rounds) {
        this.fit = fit;
        this.rounds = rounds;
        this.labels = labels;
        this.parameters = network.parameters();
        this.trainer = source;
        // this training's own optimizer state: the optimizer in the Fit is settings only
        this.optimizer = fit.optimizer().start(parameters);
        // a fused update is something a backend offers, for settings that allow it
        this.fusedSgd = trainer != null && trainer.offersFusedSgd() && fit.optimizer().plainGradientDescent()
                && !fit.clips();
        this.clipping = fit.clips() && rounds == null ? new GradientClipping(fit.clipNorm(), fit.clipValue(), parameters,
                network.arithmetic().backend()) : null;
        for (Parameter parameter : parameters) {
            if (parameter.decays() && fit.l2() > 0) {
                decayingValues.add(NativeVector.of(parameter.value()));
                decayingGradients.add(NativeVector.of(parameter.gradient()));
            }
        }
    }

    /** Frees the trainer's buffers at the end of the fit (see {@link Trainer#release}). */
    void release() {
        if (trainer != null) {
            trainer.release();
        }
    }

    /** Starts epoch {@code epoch} (from 1), whose batches take the training rows in {@code order}. */
    void startEpoch(int epoch, int[] order) {
        this.epoch = epoch;
        if (trainer != null) {
            trainer.startEpoch(epoch, order);
        }
    }

    /**
     * Trains on positions {@code [start, end)} of the epoch's order at {@code learningRate} (the
     * epoch's scheduled rate) and returns the loss of the
     * batch's predictions (made before the update); {@link #correct()} then tells how many of them
     * were right. Both come from the forward pass the gradients need anyway.
     */
    double run(int start, int end, double learningRate) {
        double loss;
        if (rounds != null) {
            loss = rounds.round(epoch, start / fit.batchSize() + 1, learningRate, optimizer);
            taken = rounds.rows();
            correct = labels != null ? rounds.correct() : 0;
            return loss;
        }
        taken = end - start;
        if (fusedSgd) {
            loss = trainer.sgdStep(start, end, learningRate, fit.l2());
        } else {
            loss = trainer.gradients(start, end);
            update(learningRate);
        }
        correct = labels != null ? trainer.lastBatchCorrect(labels) : 0;
        return loss;
    }

    /** Applies the gradients the batch left in the layers. */
    private void update(double learningRate) {
        if (clipping != null) {
            clipping.apply();
        }
        // weight decay: dW += λ·W
        for (int i = 0; i < decayingValues.size(); i++) {
            NativeVector.axpy(fit.l2(), decayingValues.get(i), decayingGradients.get(i));
        }
        // update
        optimizer.step(learningRate);
    }

    /** This training's optimizer state. */
    OptimizerState optimizerState() {
        return optimizer;
    }

    /** Whether the targets are classes, so that {@link #correct()} counts. */
    boolean classes() {
        return labels != null;
    }

    /** How many rows the last step took: its batch's, or its round's over every partition. */
    int rows() {
        return taken;
    }

    /** How many rows of the last batch were classified right (0 when the targets are not classes). */
    int correct() {
        return correct;
    }
}
