package dev.scratchnet.kernels;

/** A loss kernel that keeps probabilities at least {@code epsilon} away from where a logarithm breaks. */
public abstract class ClippedLossKernel extends LossKernel {

    /** The spec class's clipping distance. */
    protected final double epsilon;

    /** @param epsilon the spec class's clipping distance */
    protected ClippedLossKernel(double epsilon) {
        this.epsilon = epsilon;
    }
}
