package dev.scratchnet.kernels;

/**
 * The loops of {@code dev.scratchnet.losses.BinaryCrossEntropy}, with {@code q = clip(p, ε, 1 − ε)}:
 * {@code L = −mean(y·log q + (1 − y)·log(1 − q))}, {@code dL/dp = (q − y) / (q(1 − q) · n · nOut)}.
 */
public final class BinaryCrossEntropyKernel extends ClippedLossKernel {

    /** @param epsilon how far probabilities are kept from 0 and 1, the spec class's */
    public BinaryCrossEntropyKernel(double epsilon) {
        super(epsilon);
    }

    @Override
    protected double mean(Values p, Values y, int n) {
        int end = n * p.columns;
        double sum = 0;
        for (int i = 0; i < end; i++) {
            double q = Math.min(Math.max(p.get(i), epsilon), 1.0 - epsilon);
            double yi = y.get(i);
            sum += yi * Math.log(q) + (1.0 - yi) * Math.log(1.0 - q);
        }
        return -sum / end;
    }

    @Override
    public void gradient(Values p, Values y, Values grad, int n) {
        int end = n * p.columns;
        for (int i = 0; i < end; i++) {
            double q = Math.min(Math.max(p.get(i), epsilon), 1.0 - epsilon);
            grad.set(i, (q - y.get(i)) / (q * (1.0 - q) * end));
        }
    }
}
