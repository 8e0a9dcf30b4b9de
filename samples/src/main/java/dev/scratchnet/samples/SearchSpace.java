package dev.scratchnet.samples;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * What {@code tune} searches, and the trials it draws from it: random search (Bergstra and Bengio,
 * 2012), every trial drawn up front from one seeded generator, so the list of trials depends on the
 * seed alone and not on the order in which parallel trials finish.
 * <ul>
 *   <li>depth: 1 to 3 hidden layers ({@link #DEPTHS}); the first layer's width one of
 *       {@link #WIDTHS}, each further layer half the one before (a funnel, as the default 64, 32);</li>
 *   <li>learning rate (Adam): log-uniform in [{@link #MIN_RATE}, {@link #MAX_RATE}];</li>
 *   <li>L2: log-uniform in [{@link #MIN_L2}, {@link #MAX_L2}];</li>
 *   <li>dropout after each hidden layer: one of {@link #DROPOUTS};</li>
 *   <li>batch size: one of {@link #BATCH_SIZES}.</li>
 * </ul>
 * Rates and L2 are rounded to two significant digits, so that a trial reads well and can be typed
 * again. Trial 1 is always {@code train}'s defaults, so that the search never ends below them on its
 * own cross-validation.
 */
final class SearchSpace {

    static final int[] DEPTHS = {1, 2, 3};
    static final int[] WIDTHS = {16, 32, 64, 128, 256};
    static final double MIN_RATE = 3e-4;
    static final double MAX_RATE = 1e-2;
    static final double MIN_L2 = 1e-5;
    static final double MAX_L2 = 0.3;
    static final double[] DROPOUTS = {0, 0, 0.1, 0.2, 0.3};
    static final int[] BATCH_SIZES = {16, 32, 64, 128};

    private SearchSpace() {
    }

    /**
     * The {@code count} trials of a search: {@code base} first (train's defaults), then settings drawn
     * from the space with {@code Random(seed)}. Every other setting (seed, patience, epochs, the
     * table options, one thread) comes from {@code base}.
     */
    static List<TableTraining.Settings> trials(int count, long seed, TableTraining.Settings base) {
        if (count < 1) {
            throw new IllegalArgumentException("--trials must be 1 or more, was " + count);
        }
        Random random = new Random(seed);
        List<TableTraining.Settings> trials = new ArrayList<>();
        trials.add(base);
        while (trials.size() < count) {
            trials.add(draw(random, base));
        }
        return List.copyOf(trials);
    }

    /** One point of the space, the rest from {@code base}. */
    static TableTraining.Settings draw(Random random, TableTraining.Settings base) {
        int depth = DEPTHS[random.nextInt(DEPTHS.length)];
        int width = WIDTHS[random.nextInt(WIDTHS.length)];
        List<Integer> hidden = new ArrayList<>();
        for (int layer = 0; layer < depth; layer++) {
            hidden.add(Math.max(8, width >> layer));
        }
        double rate = logUniform(random, MIN_RATE, MAX_RATE);
        double l2 = logUniform(random, MIN_L2, MAX_L2);
        double dropout = DROPOUTS[random.nextInt(DROPOUTS.length)];
        int batch = BATCH_SIZES[random.nextInt(BATCH_SIZES.length)];
        return new TableTraining.Settings(List.copyOf(hidden), rate, l2, batch, base.patience(),
                base.validationFraction(), base.maxEpochs(), base.seed(), base.indicators(), base.unseen(), dropout,
                base.threads());
    }

    /** The searched settings as {@code name=value} words: {@code hidden=64,32 learning-rate=0.001 l2=0.01 dropout=0 batch=32}. */
    static String describe(TableTraining.Settings settings) {
        return String.format(Locale.ROOT, "hidden=%s learning-rate=%s l2=%s dropout=%s batch=%d",
                widths(settings.hidden()), number(settings.learningRate()), number(settings.l2()),
                number(settings.dropout()), settings.batchSize());
    }

    /** Widths joined by commas: {@code 64,32}. */
    static String widths(List<Integer> hidden) {
        return String.join(",", hidden.stream().map(String::valueOf).toList());
    }

    /** A number as short as it reads: {@code 0.001}, {@code 0.3}, {@code 0}. */
    static String number(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** e^u for u uniform in [ln lo, ln hi], to two significant digits. */
    private static double logUniform(Random random, double lo, double hi) {
        double value = Math.exp(Math.log(lo) + random.nextDouble() * (Math.log(hi) - Math.log(lo)));
        return new java.math.BigDecimal(value).round(new java.math.MathContext(2)).doubleValue();
    }
}
