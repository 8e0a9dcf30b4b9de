package dev.scratchnet.kernels;

/**
 * The loops of {@code dev.scratchnet.activations.Softplus} (β = 1, threshold 20, as torch's defaults):
 * {@code a = z} where {@code z > 20}, else {@code log(1 + exp(z))} (by {@code log1p}, exact for very
 * negative z); {@code dL/dz = dL/da} where {@code z > 20}, else {@code dL/da · exp(z) / (exp(z) + 1)}.
 * The derivative reads z, so the threshold is applied where torch applies it.
 */
public final class SoftplusKernel implements ActivationKernel {

    /** Above this, softplus(z) is z to within 2e-9 and is returned as z (torch's default threshold). */
    public static final double THRESHOLD = 20.0;

    @Override
    public void forward(Values za, int n) {
        for (int i = 0, end = n * za.columns; i < end; i++) {
            double z = za.get(i);
            za.set(i, z > THRESHOLD ? z : Math.log1p(Math.exp(z)));
        }
    }

    @Override
    public void backward(Values z, Values a, Values grad, int n) {
        for (int i = 0, end = n * grad.columns; i < end; i++) {
            double zi = z.get(i);
            if (!(zi > THRESHOLD)) {
                double e = Math.exp(zi);
                grad.set(i, grad.get(i) * e / (e + 1.0));
            }
        }
    }

    @Override
    public boolean needsZ() {
        return true;
    }
}
