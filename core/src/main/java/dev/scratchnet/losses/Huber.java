package dev.scratchnet.losses;

import dev.scratchnet.Loss;
import dev.scratchnet.internal.Checks;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.BooleanIndexing;
import org.nd4j.linalg.indexing.conditions.Conditions;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Huber loss, a mean over the batch and over the outputs, as {@code torch.nn.HuberLoss(delta)}:
 * squared error near the target, absolute error (so a bounded gradient) beyond {@code delta}, which
 * keeps outliers among the targets from dominating a regression.
 * <pre>
 *   d = p − y
 *   value:    L = 1/(n·nOut) · Σ_ij  ½·d²                 where |d| ≤ δ
 *                                    δ·(|d| − ½·δ)        elsewhere
 *   gradient: dL/dp = d / (n·nOut)                        where |d| ≤ δ
 *                     δ·sign(d) / (n·nOut)                elsewhere
 * </pre>
 * p, y and the gradient are [n, nOut]; {@code δ > 0}.
 */
public final class Huber implements Loss {

    private final double delta;

    /** @param delta where the loss turns from squared to absolute; finite and {@code > 0} */
    public Huber(double delta) {
        this.delta = Checks.positive("huber delta", delta);
    }

    /** δ, where the loss turns from squared to absolute. */
    public double delta() {
        return delta;
    }

    @Override
    public double value(INDArray p, INDArray y) {
        INDArray absolute = Transforms.abs(p.sub(y), false);
        // clipped = min(|d|, δ): ½·clipped² + δ·(|d| − clipped) is ½d² inside and δ(|d| − ½δ) outside
        INDArray clipped = Transforms.min(absolute, delta, true);
        INDArray perElement = clipped.mul(clipped).muli(0.5).addi(absolute.subi(clipped).muli(delta));
        return perElement.sumNumber().doubleValue() / p.length();
    }

    @Override
    public INDArray gradient(INDArray p, INDArray y) {
        // clip(d, −δ, δ) is d inside and δ·sign(d) outside
        INDArray d = p.sub(y);
        BooleanIndexing.replaceWhere(d, delta, Conditions.greaterThan(delta));
        BooleanIndexing.replaceWhere(d, -delta, Conditions.lessThan(-delta));
        return d.divi(p.length());
    }

    @Override
    public String name() {
        return "huber(" + delta + ")";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Huber that && Double.compare(delta, that.delta) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(delta);
    }

    @Override
    public String toString() {
        return name();
    }
}
