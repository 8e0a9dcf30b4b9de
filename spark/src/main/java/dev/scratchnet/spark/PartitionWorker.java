package dev.scratchnet.spark;

import dev.scratchnet.BatchGradients;
import dev.scratchnet.DataSet;
import dev.scratchnet.Network;
import dev.scratchnet.Parameter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * One partition's worker: its rows (the partition's blocks stacked into one data set), a network
 * of the trained architecture on the fast backend, and the batches of the epoch that runs.
 * <p>
 * The partition's rows are global rows {@code [offset, offset + rows)} (partitions in order, each
 * block's rows in order). An epoch's global order lists every global row once; global batch
 * {@code s} is positions {@code [s·batchSize, (s+1)·batchSize)} of it, and this worker's share of
 * it is its own rows among them, in the same order:
 * <pre>
 *   local order = [ g − offset  for g in global order  if offset ≤ g &lt; offset + rows ]
 *   stepStarts[s] = how many of this partition's rows lie in the global batches before s
 *   share of batch s = local order positions [stepStarts[s], stepStarts[s + 1])
 * </pre>
 * A step is a function of the weights it is sent, the epoch's order and the step's index, so a
 * task that fails and runs again, here or on another executor, returns the same share.
 */
final class PartitionWorker {

    private final Network network;
    private final List<Parameter> parameters;
    private final BatchGradients batches;
    private final int rows;
    private final boolean classes;
    /** The epoch whose order {@link #stepStarts} describes, or 0 before the first. */
    private int loadedEpoch;
    private int[] stepStarts;

    private PartitionWorker(Network network, BatchGradients batches, int rows, boolean classes) {
        this.network = network;
        this.parameters = FlatParameters.of(network);
        this.batches = batches;
        this.rows = rows;
        this.classes = classes;
    }

    /**
     * The worker for {@code blocks} (at least one row in all).
     *
     * @throws IllegalArgumentException when the rows do not fit the network or the loss
     */
    static PartitionWorker of(Iterator<DataSet> blocks, TrainingPlan plan) {
        DataSet rows = stack(blocks);
        Network network = plan.workerNetwork();
        boolean classes = holdsClasses(rows.targets());
        int capacity = Math.min(plan.batchSize(), rows.size());
        BatchGradients batches = BatchGradients.of(network, rows, plan.loss().loss(), capacity, classes);
        return new PartitionWorker(network, batches, rows.size(), classes);
    }

    int rows() {
        return rows;
    }

    boolean classes() {
        return classes;
    }

    /**
     * This partition's share of global batch {@code step} (from 0) of {@code epoch}, computed with
     * {@code weights}; {@code order} is the epoch's global order and {@code offset} this
     * partition's first global row.
     */
    synchronized PartitionGradient step(int epoch, int[] order, int offset, int batchSize, int step, double[] weights) {
        if (loadedEpoch != epoch) {
            startEpoch(order, offset, batchSize);
            loadedEpoch = epoch;
        }
        int from = stepStarts[step];
        int to = stepStarts[step + 1];
        if (from == to) {
            return PartitionGradient.none();
        }
        FlatParameters.setValues(parameters, weights);
        double loss = batches.compute(from, to);
        return new PartitionGradient(to - from, loss, batches.correct(), FlatParameters.gradients(parameters));
    }

    private void startEpoch(int[] order, int offset, int batchSize) {
        int steps = (int) ((order.length + (long) batchSize - 1) / batchSize);
        int[] localOrder = new int[rows];
        stepStarts = new int[steps + 1];
        int count = 0;
        for (int position = 0; position < order.length; position++) {
            if (position % batchSize == 0) {
                stepStarts[position / batchSize] = count;
            }
            int row = order[position] - offset;
            if (row >= 0 && row < rows) {
                localOrder[count++] = row;
            }
        }
        stepStarts[steps] = count;
        if (count != rows) {
            throw new IllegalStateException("the epoch's order holds " + count + " of this partition's " + rows
                    + " rows (global rows from " + offset + "); the partitions changed since training started");
        }
        batches.startEpoch(localOrder);
    }

    /** The blocks' rows stacked in order, as one data set. */
    private static DataSet stack(Iterator<DataSet> blocks) {
        List<INDArray> features = new ArrayList<>();
        List<INDArray> targets = new ArrayList<>();
        while (blocks.hasNext()) {
            DataSet block = blocks.next();
            features.add(block.features());
            targets.add(block.targets());
        }
        if (features.isEmpty()) {
            throw new IllegalArgumentException("the partition holds no data set");
        }
        if (features.size() == 1) {
            return DataSet.of(features.get(0), targets.get(0));
        }
        return DataSet.of(Nd4j.vstack(features.toArray(INDArray[]::new)), Nd4j.vstack(targets.toArray(INDArray[]::new)));
    }

    /** True when every target is 0 or 1 and, with several columns, each row is one-hot (as {@code fit} decides). */
    static boolean holdsClasses(INDArray targets) {
        // y² − y is 0 exactly when y is 0 or 1
        boolean zeroOrOne = Transforms.abs(targets.mul(targets).subi(targets), false).maxNumber().doubleValue() == 0;
        if (!zeroOrOne) {
            return false;
        }
        return targets.columns() == 1 || targets.sum(1).subi(1.0).amaxNumber().doubleValue() == 0;
    }
}
