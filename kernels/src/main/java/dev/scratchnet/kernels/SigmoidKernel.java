package dev.scratchnet.kernels;

/** The loops of {@code dev.scratchnet.activations.Sigmoid}: {@code a = 1 / (1 + exp(-z))}, {@code dL/dz = dL/da · a(1 − a)}. */
public final class SigmoidKernel implements ActivationKernel {

    @Override
    public void forward(Values za, int n) {
        for (int i = 0, end = n * za.columns; i < end; i++) {
            za.set(i, 1.0 / (1.0 + Math.exp(-za.get(i))));
        }
    }

    @Override
    public void backward(Values z, Values a, Values grad, int n) {
        for (int i = 0, end = n * a.columns; i < end; i++) {
            double ai = a.get(i);
            grad.set(i, grad.get(i) * ai * (1.0 - ai));
        }
    }
}
