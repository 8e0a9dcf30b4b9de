package dev.scratchnet.arithmetic;

import dev.scratchnet.kernels.MaskGenerator;
import java.util.List;

/**
 * What a training needs for dropout: the rate after each layer (0 where there is none) and the
 * generator the masks are drawn from, which belongs to the training (see {@code layers.Dropout}).
 *
 * @param rates     one per layer, in {@code [0, 1)}
 * @param generator the training's mask generator
 */
public record DropoutMasks(List<Double> rates, MaskGenerator generator) {

    /** The rates copied. */
    public DropoutMasks {
        rates = List.copyOf(rates);
    }

    /** The dropout rate after layer {@code index} (0 for none). */
    public double rate(int index) {
        return rates.get(index);
    }
}
