package dev.scratchnet.kernels;

/** The loops of {@code dev.scratchnet.activations.Tanh}: {@code a = tanh(z)}, {@code dL/dz = dL/da · (1 − a²)}. */
public final class TanhKernel implements ActivationKernel {

    @Override
    public void forward(Values za, int n) {
        for (int i = 0, end = n * za.columns; i < end; i++) {
            za.set(i, Math.tanh(za.get(i)));
        }
    }

    @Override
    public void backward(Values z, Values a, Values grad, int n) {
        for (int i = 0, end = n * a.columns; i < end; i++) {
            double ai = a.get(i);
            grad.set(i, grad.get(i) * (1.0 - ai * ai));
        }
    }
}
