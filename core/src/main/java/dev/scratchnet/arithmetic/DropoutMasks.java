package dev.scratchnet.arithmetic;

import dev.scratchnet.kernels.MaskGenerator;
import java.util.List;

/**
 * One training's dropout: the rate after each layer (0 where there is none) and where each mask
 * value lies in the training's stream of random numbers. Every value is drawn from its position
 * alone ({@link MaskGenerator#at}), so the same training row in the same epoch gets the same masks
 * whichever batch, thread or Spark partition draws them, and a resumed training needs no state:
 * <pre>
 *   value of unit j of layer i's mask for training row r in epoch e   (e counted from 1, as the history counts)
 *       k     = ((e · rows + r) · width + offset_i + j)
 *       mask  = 0 if MaskGenerator.at(seed, k) &lt; rate_i, else 1 / (1 − rate_i)
 *   rows     = the training rows of an epoch
 *   width    = Σ nOut of the layers with dropout;  offset_i = Σ nOut of those before layer i
 * </pre>
 * A trainer tells it each epoch which training row every position of the epoch's order holds
 * ({@link #startEpoch}); then {@link #first} gives where a row's mask starts. Not thread-safe to
 * start an epoch while masks are drawn; drawing only reads.
 */
public final class DropoutMasks {

    private final double[] rates;
    /** Per layer, the position of its first unit within a row's stretch of the stream. */
    private final long[] offsets;
    private final long width;
    private final long seed;
    private long epoch;
    private long rows;
    private int[] maskRows;

    /**
     * @param rates  one per layer, in {@code [0, 1)}
     * @param widths each layer's output width ({@code nOut})
     * @param seed   the stream's seed
     */
    public DropoutMasks(List<Double> rates, List<Integer> widths, long seed) {
        if (rates.size() != widths.size()) {
            throw new IllegalArgumentException("one rate per layer: " + rates.size() + " rates for " + widths.size()
                    + " layers");
        }
        this.rates = new double[rates.size()];
        this.offsets = new long[rates.size()];
        long sum = 0;
        for (int i = 0; i < this.rates.length; i++) {
            this.rates[i] = rates.get(i);
            offsets[i] = sum;
            if (this.rates[i] > 0) {
                sum += widths.get(i);
            }
        }
        this.width = sum;
        this.seed = seed;
    }

    /** The dropout rate after layer {@code index} (0 for none). */
    public double rate(int index) {
        return rates[index];
    }

    /** The seed of the stream the values are drawn from. */
    public long seed() {
        return seed;
    }

    /**
     * Starts epoch {@code epoch} (from 1) of a training of {@code rows} training rows an epoch,
     * whose order holds training row {@code maskRows[p]} at position {@code p}.
     */
    public void startEpoch(int epoch, int[] maskRows, int rows) {
        this.epoch = epoch;
        this.maskRows = maskRows;
        this.rows = rows;
    }

    /**
     * Where in the stream the mask of layer {@code layer} starts for the row at position
     * {@code position} of the epoch's order.
     */
    public long first(int position, int layer) {
        return (epoch * rows + maskRows[position]) * width + offsets[layer];
    }
}
