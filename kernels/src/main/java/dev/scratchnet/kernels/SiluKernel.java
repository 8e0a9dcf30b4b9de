package dev.scratchnet.kernels;

/**
 * The loops of {@code dev.scratchnet.activations.Silu}, with torch's formulas: {@code a = z / (1 + exp(−z))},
 * {@code dL/dz = dL/da · σ(z)·(1 + z·(1 − σ(z)))} with {@code σ(z) = 1 / (1 + exp(−z))}. The
 * derivative needs z.
 */
public final class SiluKernel implements ActivationKernel {

    @Override
    public void forward(Values za, int n) {
        for (int i = 0, end = n * za.columns; i < end; i++) {
            double z = za.get(i);
            za.set(i, z / (1.0 + Math.exp(-z)));
        }
    }

    @Override
    public void backward(Values z, Values a, Values grad, int n) {
        for (int i = 0, end = n * grad.columns; i < end; i++) {
            double zi = z.get(i);
            double sigmoid = 1.0 / (1.0 + Math.exp(-zi));
            grad.set(i, grad.get(i) * sigmoid * (1.0 + zi * (1.0 - sigmoid)));
        }
    }

    @Override
    public boolean needsZ() {
        return true;
    }
}
