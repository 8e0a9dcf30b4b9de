package dev.scratchnet.engine;

import dev.scratchnet.kernels.LossKernel;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link dev.scratchnet.Plan#THREADED_BLAS}: a {@link FastPath} on the fit's thread whose matrix
 * products run on {@code threads} OpenBLAS threads during each step, and on the process's count
 * ({@code Setup.nativeThreads}, one by default) again after it. OpenBLAS's threads sum some
 * products' elements in another order than one thread: the weights are
 * {@link dev.scratchnet.Plan#ONE_THREAD}'s within rounding, and the same for the same thread count
 * run after run (SplitBatchParityTest).
 */
final class ThreadedBlasPath implements TrainingPath {

    private final FastPath path;
    private final int threads;

    ThreadedBlasPath(FastPath path, int threads) {
        this.path = path;
        this.threads = threads;
    }

    @Override
    public void weighRows(double[] rowWeights) {
        path.weighRows(rowWeights);
    }

    @Override
    public void gradients(INDArray features, INDArray targets, int[] order, int from, int to) {
        int before = Nd4j.factory().blas().getMaxThreads();
        Nd4j.factory().blas().setMaxThreads(threads);
        try {
            path.gradients(features, targets, order, from, to);
        } finally {
            Nd4j.factory().blas().setMaxThreads(before);
        }
    }

    @Override
    public void sgdStep(INDArray features, INDArray targets, int[] order, int from, int to, double learningRate,
                        double l2) {
        int before = Nd4j.factory().blas().getMaxThreads();
        Nd4j.factory().blas().setMaxThreads(threads);
        try {
            path.sgdStep(features, targets, order, from, to, learningRate, l2);
        } finally {
            Nd4j.factory().blas().setMaxThreads(before);
        }
    }

    @Override
    public double batchLoss(LossKernel kernel) {
        return path.batchLoss(kernel);
    }

    @Override
    public int batchCorrect(int[] labels) {
        return path.batchCorrect(labels);
    }

    @Override
    public void release() {
        path.release();
    }
}
