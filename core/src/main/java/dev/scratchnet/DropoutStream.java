package dev.scratchnet;

import dev.scratchnet.arithmetic.DropoutMasks;
import java.util.List;

/**
 * Where a training's dropout masks come from: a stream of its own, seeded from the fit's seed (the
 * network's when the fit has none) salted so that its numbers are not the shuffling's, so a network
 * without dropout trains exactly as it did before dropout existed. {@code fit} and every worker of
 * a distributed training draw from the same stream ({@link DropoutMasks}).
 */
final class DropoutStream {

    /** The salt of the stream's seed. */
    static final long SALT = 0x5DEECE66DL;

    private DropoutStream() {
    }

    /** {@code network}'s dropout drawn from the stream of {@code seed}, or null when no layer has dropout. */
    static DropoutMasks masks(Network network, long seed) {
        List<Double> rates = network.dropoutRates();
        if (rates.stream().noneMatch(rate -> rate > 0)) {
            return null;
        }
        List<Integer> widths = network.layers().stream().map(Layer::nOut).toList();
        return new DropoutMasks(rates, widths, seed ^ SALT);
    }
}
