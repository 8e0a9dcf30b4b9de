package dev.scratchnet.kernels;

/**
 * The loops of {@code dev.scratchnet.activations.Gelu}, in float64 whatever the storage (rounded once
 * on writing), with torch's formulas: {@code a = z/2 · (1 + erf(z/√2))},
 * {@code dL/dz = dL/da · (Φ(z) + z·φ(z))} with {@code Φ(z) = (1 + erf(z/√2))/2} and
 * {@code φ(z) = exp(−z²/2)/√(2π)}. The derivative needs z.
 */
public final class GeluKernel implements ActivationKernel {

    /** 1/√2. */
    static final double ONE_OVER_SQRT_2 = 0.70710678118654752440;
    /** 1/√(2π). */
    static final double ONE_OVER_SQRT_2PI = 0.39894228040143267794;

    @Override
    public void forward(Values za, int n) {
        for (int i = 0, end = n * za.columns; i < end; i++) {
            double z = za.get(i);
            za.set(i, z * 0.5 * (1.0 + Erf.erf(z * ONE_OVER_SQRT_2)));
        }
    }

    @Override
    public void backward(Values z, Values a, Values grad, int n) {
        for (int i = 0, end = n * grad.columns; i < end; i++) {
            double zi = z.get(i);
            double cdf = 0.5 * (1.0 + Erf.erf(zi * ONE_OVER_SQRT_2));
            double pdf = Math.exp(-0.5 * zi * zi) * ONE_OVER_SQRT_2PI;
            grad.set(i, grad.get(i) * (cdf + zi * pdf));
        }
    }

    @Override
    public boolean needsZ() {
        return true;
    }
}
