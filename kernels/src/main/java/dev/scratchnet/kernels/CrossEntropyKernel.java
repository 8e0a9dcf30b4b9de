package dev.scratchnet.kernels;

/**
 * The loops of {@code dev.scratchnet.losses.CrossEntropy}: {@code L = −1/n · Σ y·log(max(p, ε))},
 * {@code dL/dp = −y / (n · max(p, ε))}.
 */
public final class CrossEntropyKernel extends ClippedLossKernel {

    /** @param epsilon the smallest probability taken into a logarithm, the spec class's */
    public CrossEntropyKernel(double epsilon) {
        super(epsilon);
    }

    @Override
    protected double mean(Values p, Values y, int n) {
        double sum = 0;
        for (int i = 0, end = n * p.columns; i < end; i++) {
            double yi = y.get(i);
            if (yi != 0) {
                sum += yi * Math.log(Math.max(p.get(i), epsilon));
            }
        }
        return -sum / n;
    }

    @Override
    public void gradient(Values p, Values y, Values grad, int n) {
        double scale = -1.0 / n;
        for (int i = 0, end = n * p.columns; i < end; i++) {
            grad.set(i, scale * y.get(i) / Math.max(p.get(i), epsilon));
        }
    }
}
