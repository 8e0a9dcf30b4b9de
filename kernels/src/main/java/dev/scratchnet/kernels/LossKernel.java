package dev.scratchnet.kernels;

/**
 * The loops of one loss on the first {@code n} rows: its value and its gradient {@code dL/dp}
 * (means over the batch, so {@code 1/n} is included). The formulas are the spec class's (each
 * kernel's doc names it).
 */
public abstract class LossKernel {

    /** Writes {@code dL/dp} for predictions {@code p} and targets {@code y} into {@code grad}. */
    public abstract void gradient(Values p, Values y, Values grad, int n);

    /**
     * The loss of predictions {@code p} against targets {@code y} over the first {@code n} rows,
     * summed in float64 and then rounded to the type of {@code p}: a float32 network's loss that
     * float32 cannot hold is infinite, as the reference computation finds it.
     */
    public final double value(Values p, Values y, int n) {
        double value = mean(p, y, n);
        return p.isFloat() ? (float) value : value;
    }

    /** The loss in float64. */
    protected abstract double mean(Values p, Values y, int n);
}
