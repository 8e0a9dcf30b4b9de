package dev.scratchnet.kernels;

/**
 * The loop of {@code dev.scratchnet.losses.SoftmaxCrossEntropy}, the fused gradient of softmax
 * followed by cross-entropy with respect to the pre-activations: per row,
 * {@code dL/dz = (p · Σ_k y_k − y) / n}, which is {@code (p − y) / n} when the targets sum to 1.
 */
public final class SoftmaxCrossEntropyKernel {

    private SoftmaxCrossEntropyKernel() {
    }

    /** Writes {@code dL/dz} for softmax outputs {@code p} and targets {@code y} into {@code gradZ}. */
    public static void gradient(Values p, Values y, Values gradZ, int n) {
        int k = p.columns;
        double scale = 1.0 / n;
        for (int row = 0; row < n; row++) {
            int start = row * k;
            double targetSum = 0;
            for (int c = start; c < start + k; c++) {
                targetSum += y.get(c);
            }
            for (int c = start; c < start + k; c++) {
                gradZ.set(c, (p.get(c) * targetSum - y.get(c)) * scale);
            }
        }
    }
}
