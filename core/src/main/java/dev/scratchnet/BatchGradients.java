package dev.scratchnet;

import dev.scratchnet.arithmetic.Trainer;
import dev.scratchnet.internal.Checks;
import java.util.List;

/**
 * The gradients of a network on batches of one data set's rows, for training whose optimizer
 * steps somewhere else — scratchnet-spark's workers compute their share of every step with it and
 * the driver steps. Each batch is computed exactly as {@link Network#fit} computes it: one forward
 * and one backward pass on the network's backend, the mean gradient over the batch's rows left in
 * the network's own gradient arrays ({@link Layer#parameters()}, no weight decay), and the batch's
 * loss and correct count taken from that same forward pass.
 * <pre>
 *   BatchGradients batches = BatchGradients.of(network, rows, loss, largestBatch, classes, classWeights, seed);
 *   batches.startEpoch(epoch, order, maskRows, trainingRows);   // the rows in the order the batches take them
 *   double loss = batches.compute(from, to);    // positions [from, to) of that order
 *   parameter.gradient()                        // now dL/dvalue, the mean over those rows
 * </pre>
 * With dropout, each row's masks are drawn from its number among all the training's rows and the
 * epoch ({@code arithmetic.DropoutMasks}), so a worker holding some of the rows draws the masks
 * {@code fit} draws for them. One instance serves one thread; the network is not guarded against a
 * {@code fit} running on it at the same time, so give it a network of its own.
 */
public final class BatchGradients {

    private final Trainer trainer;
    private final int[] labels;
    private final int size;
    private final int batchCapacity;
    /** Each row's weight, or null when the rows weigh 1 each. */
    private final double[] weights;
    private int[] order;
    private int correct;
    private double weight;

    private BatchGradients(Trainer trainer, int[] labels, int size, int batchCapacity, double[] weights) {
        this.trainer = trainer;
        this.labels = labels;
        this.size = size;
        this.batchCapacity = batchCapacity;
        this.weights = weights;
    }

    /**
     * Batches over {@code rows} (copied into the network's data type when they are in another)
     * of at most {@code batchCapacity} rows each.
     *
     * @param classes whether to count correct classifications ({@link #correct()}); the targets'
     *                classes are their {@link DataSet#labels()}
     * @throws IllegalArgumentException when the rows do not fit the network or the loss (widths,
     *                                  targets outside [0, 1] for a cross-entropy), or
     *                                  {@code batchCapacity} is not in {@code [1, rows.size()]}
     */
    public static BatchGradients of(Network network, DataSet rows, Loss loss, int batchCapacity, boolean classes) {
        return of(network, rows, loss, batchCapacity, classes, List.of());
    }

    /**
     * As {@link #of(Network, DataSet, Loss, int, boolean)}, each row weighing its own weight (1 unless
     * the data set gives one) times its class's in {@code classWeights} ({@link Fit.Builder#classWeights};
     * empty for none): a batch's loss and gradient are then the weighted means {@code Σ wᵢ·lᵢ / Σ wᵢ},
     * and {@link #weight()} tells {@code Σ wᵢ}.
     */
    public static BatchGradients of(Network network, DataSet rows, Loss loss, int batchCapacity, boolean classes,
                                    List<Double> classWeights) {
        return of(network, rows, loss, batchCapacity, classes, classWeights, network.seed());
    }

    /**
     * As {@link #of(Network, DataSet, Loss, int, boolean, List)}, the dropout masks (when the network
     * has dropout) drawn from the stream of {@code seed}, the fit's seed as {@code fit} takes it
     * ({@code fit.seed()}, or the network's when the fit has none): the network's seed for the
     * other overloads.
     */
    public static BatchGradients of(Network network, DataSet rows, Loss loss, int batchCapacity, boolean classes,
                                    List<Double> classWeights, long seed) {
        Checks.notNull("network", network);
        Checks.notNull("rows", rows);
        Checks.notNull("loss", loss);
        if (batchCapacity < 1 || batchCapacity > rows.size()) {
            throw new IllegalArgumentException("batchCapacity must be in [1, " + rows.size() + "] (the rows given), was "
                    + batchCapacity);
        }
        new NetworkInputs(network.nIn(), network.nOut(), network.dataType()).checkFit(rows,
                Fit.builder().loss(loss).build());
        DataSet typed = ClassWeights.apply(rows.inType(network.dataType()), classWeights);
        Trainer trainer = network.arithmetic().trainer(loss, typed, batchCapacity, DropoutStream.masks(network, seed));
        return new BatchGradients(trainer, classes ? typed.labels() : null, typed.size(), batchCapacity,
                typed.hasWeights() ? typed.weights() : null);
    }

    /**
     * Starts an epoch whose batches take the rows in {@code order} (row indexes, each at most once),
     * as epoch 1 of a training on these rows alone (see {@link #startEpoch(int, int[], int[], int)}).
     */
    public void startEpoch(int[] order) {
        startEpoch(1, order, order, size);
    }

    /**
     * Starts epoch {@code epoch} (from 1) whose batches take the rows in {@code order} (row indexes,
     * each at most once); with dropout, the row at position {@code p} draws the masks of row
     * {@code maskRows[p]} of the {@code trainingRows} rows the whole training's epoch takes (where
     * {@code fit} would number it).
     *
     * @throws IllegalArgumentException when {@code order} holds a row outside these rows, or
     *                                  {@code maskRows} one outside {@code [0, trainingRows)} or
     *                                  another number of rows than {@code order}
     */
    public void startEpoch(int epoch, int[] order, int[] maskRows, int trainingRows) {
        Checks.notNull("order", order);
        Checks.notNull("maskRows", maskRows);
        for (int row : order) {
            if (row < 0 || row >= size) {
                throw new IllegalArgumentException("order holds row " + row + " but the rows are [0, " + size + ")");
            }
        }
        if (maskRows.length != order.length) {
            throw new IllegalArgumentException("maskRows must number each of the " + order.length
                    + " rows of the order, but holds " + maskRows.length);
        }
        for (int row : maskRows) {
            if (row < 0 || row >= trainingRows) {
                throw new IllegalArgumentException("maskRows holds row " + row + " but the training's rows are [0, "
                        + trainingRows + ")");
            }
        }
        trainer.startEpoch(epoch, order, maskRows, trainingRows);
        this.order = order;
    }

    /**
     * Fills every parameter's gradient with the mean gradient over positions {@code [from, to)} of
     * the epoch's order, and returns the loss of the network's predictions on those rows.
     *
     * @throws IllegalArgumentException when the batch is empty or larger than the capacity
     */
    public double compute(int from, int to) {
        if (from < 0 || to <= from || to - from > batchCapacity) {
            throw new IllegalArgumentException("a batch must be positions [from, to) with 0 <= from < to and at most "
                    + batchCapacity + " rows, was [" + from + ", " + to + ")");
        }
        double loss = trainer.gradients(from, to);
        correct = labels != null ? trainer.lastBatchCorrect(labels) : 0;
        weight = to - from;
        if (weights != null) {
            weight = 0;
            for (int position = from; position < to; position++) {
                weight += weights[order[position]];
            }
        }
        return loss;
    }

    /** The last batch's weight: the sum of its rows' weights, or its row count when the rows weigh 1 each. */
    public double weight() {
        return weight;
    }

    /** How many rows of the last batch were classified right (0 when classes are not counted). */
    public int correct() {
        return correct;
    }
}
