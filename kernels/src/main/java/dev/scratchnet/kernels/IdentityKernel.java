package dev.scratchnet.kernels;

/** The (empty) loops of {@code dev.scratchnet.activations.Identity}: {@code a = z}, {@code dL/dz = dL/da}. */
public final class IdentityKernel implements ActivationKernel {

    @Override
    public void forward(Values za, int n) {
        // a = z: nothing to do
    }

    @Override
    public void backward(Values z, Values a, Values grad, int n) {
        // dL/dz = dL/da: nothing to do
    }
}
