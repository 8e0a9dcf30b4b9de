package dev.scratchnet.kernels;

/**
 * The loops of one activation, in place on the first {@code n} rows. Forward turns z into a;
 * backward needs only a, since every built-in derivative can be written from a (for ReLU and leaky
 * ReLU, {@code a > 0} exactly when {@code z > 0}). The formulas are the spec class's (each kernel's
 * doc names it).
 */
public interface ActivationKernel {

    /** {@code a = f(z)}, overwriting z. */
    void forward(Values za, int n);

    /** {@code grad ← dL/dz} from {@code grad = dL/da}, in place. */
    void backward(Values a, Values grad, int n);
}
