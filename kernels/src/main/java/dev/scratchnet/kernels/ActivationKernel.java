package dev.scratchnet.kernels;

/**
 * The loops of one activation, in place on the first {@code n} rows. Forward turns z into a;
 * backward turns dL/da into dL/dz and is handed both z and a. Most derivatives can be written from a
 * alone (for ReLU and leaky ReLU, {@code a > 0} exactly when {@code z > 0}), and a kernel that says
 * so through {@link #needsZ()} is handed no z: the fast backend then keeps no copy of z, and a
 * ReLU layer's training step copies nothing. GELU and SiLU need z. The formulas are the spec
 * class's (each kernel's doc names it).
 */
public interface ActivationKernel {

    /** {@code a = f(z)}, overwriting z. */
    void forward(Values za, int n);

    /**
     * {@code grad ← dL/dz} from {@code grad = dL/da}, in place.
     *
     * @param z the pre-activations of the forward pass; null allowed when {@link #needsZ()} is false
     * @param a the activations the forward pass wrote
     */
    void backward(Values z, Values a, Values grad, int n);

    /** Whether {@link #backward} reads z; when false, callers may pass null for it. */
    default boolean needsZ() {
        return false;
    }
}
