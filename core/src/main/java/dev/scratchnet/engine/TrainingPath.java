package dev.scratchnet.engine;

import dev.scratchnet.kernels.LossKernel;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The batches of one fit on the fast backend: {@link FastPath} on the calling thread alone, or
 * {@link SplitBatchPath}, which shares each batch's rows between threads. Rows
 * {@code order[from..to)} of whole data sets (see {@code Matrix.readable}) make a batch.
 */
interface TrainingPath {

    /**
     * Weighs the rows of the training set (see {@code losses.WeightedMean}): the loss becomes
     * {@code Σ wᵢ·lᵢ / Σ w} over each batch and the output δ's rows scale by {@code n·wᵢ / Σ w}.
     */
    void weighRows(double[] rowWeights);

    /** Fills every layer's dW and db with the gradient of the loss on the batch. */
    void gradients(INDArray features, INDArray targets, int[] order, int from, int to);

    /** One step of plain SGD with weight decay {@code l2} on the batch; the layers' dW and db are not written. */
    void sgdStep(INDArray features, INDArray targets, int[] order, int from, int to, double learningRate, double l2);

    /** The loss of the last batch's predictions (before any update), by {@code kernel}'s loop. */
    double batchLoss(LossKernel kernel);

    /** How many rows of the last batch were predicted (before the update) as {@code labels} of the data set says. */
    int batchCorrect(int[] labels);

    /** Frees the buffers this path allocated (not the network's parameters, not the data); it is not used after. */
    void release();
}
