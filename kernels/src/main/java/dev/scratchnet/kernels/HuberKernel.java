package dev.scratchnet.kernels;

/**
 * The loops of {@code dev.scratchnet.losses.Huber}, with {@code d = p − y}: {@code L = mean(½d²)}
 * where {@code |d| ≤ δ}, {@code mean(δ(|d| − ½δ))} elsewhere; {@code dL/dp = clip(d, −δ, δ) / (n · nOut)}.
 */
public final class HuberKernel extends LossKernel {

    private final double delta;

    /** @param delta where the loss turns from squared to absolute */
    public HuberKernel(double delta) {
        this.delta = delta;
    }

    @Override
    protected double mean(Values p, Values y, int n) {
        int end = n * p.columns;
        double sum = 0;
        for (int i = 0; i < end; i++) {
            double absolute = Math.abs(p.get(i) - y.get(i));
            double clipped = Math.min(absolute, delta);
            sum += 0.5 * clipped * clipped + delta * (absolute - clipped);
        }
        return sum / end;
    }

    @Override
    public void gradient(Values p, Values y, Values grad, int n) {
        int end = n * p.columns;
        for (int i = 0; i < end; i++) {
            double d = p.get(i) - y.get(i);
            grad.set(i, Math.max(-delta, Math.min(delta, d)) / end);
        }
    }
}
