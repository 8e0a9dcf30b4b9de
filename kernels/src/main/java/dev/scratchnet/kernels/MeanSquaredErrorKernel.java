package dev.scratchnet.kernels;

/** The loops of {@code dev.scratchnet.losses.MeanSquaredError}: {@code L = mean (p − y)²}, {@code dL/dp = 2(p − y) / (n · nOut)}. */
public final class MeanSquaredErrorKernel extends LossKernel {

    @Override
    protected double mean(Values p, Values y, int n) {
        int end = n * p.columns;
        double sum = 0;
        for (int i = 0; i < end; i++) {
            double difference = p.get(i) - y.get(i);
            sum += difference * difference;
        }
        return sum / end;
    }

    @Override
    public void gradient(Values p, Values y, Values grad, int n) {
        int end = n * p.columns;
        double scale = 2.0 / end;
        for (int i = 0; i < end; i++) {
            grad.set(i, (p.get(i) - y.get(i)) * scale);
        }
    }
}
