package dev.scratchnet.spark;

import dev.scratchnet.BatchGradients;
import dev.scratchnet.DataSet;
import dev.scratchnet.Network;
import dev.scratchnet.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
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
 *   mask rows   = [ the epoch's maskRows[p]  for the same positions p ]   each row draws fit's dropout masks
 * </pre>
 * A step is a function of the weights it is sent, the epoch's order and the step's index, so a
 * task that fails and runs again, here or on another executor, returns the same share.
 */
final class PartitionWorker {

    private final Network network;
    private final List<Parameter> parameters;
    private final BatchGradients batches;
    /** The partition's rows, as they arrived (stacked, unweighted by class). */
    private final DataSet data;
    private final int rows;
    private final boolean classes;
    /** The epoch whose order {@link #stepStarts} describes, or 0 before the first. */
    private int loadedEpoch;
    private int[] stepStarts;

    private PartitionWorker(Network network, BatchGradients batches, DataSet data, boolean classes) {
        this.network = network;
        this.parameters = FlatParameters.of(network);
        this.batches = batches;
        this.data = data;
        this.rows = data.size();
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
        BatchGradients batches = BatchGradients.of(network, rows, plan.loss().loss(), capacity, classes,
                plan.classWeights(), plan.seed());
        return new PartitionWorker(network, batches, rows, classes);
    }

    int rows() {
        return rows;
    }

    boolean classes() {
        return classes;
    }

    /**
     * This partition's share of global batch {@code step} (from 0) of the epoch {@code epoch}
     * describes, computed with {@code weights}; {@code offset} is this partition's first global row.
     */
    synchronized PartitionGradient step(EpochOrder epoch, int offset, int batchSize, int step, double[] weights) {
        if (loadedEpoch != epoch.epoch()) {
            startEpoch(epoch, offset, batchSize);
            loadedEpoch = epoch.epoch();
        }
        int from = stepStarts[step];
        int to = stepStarts[step + 1];
        if (from == to) {
            return PartitionGradient.none();
        }
        FlatParameters.setValues(parameters, weights);
        double loss = batches.compute(from, to);
        return new PartitionGradient(to - from, batches.weight(), loss, batches.correct(),
                FlatParameters.gradients(parameters));
    }

    /** The class of each of this partition's rows, in order (its targets are classes). */
    int[] labels() {
        return data.labels();
    }

    /**
     * This partition's rows among global rows {@code wanted}, in the order {@code wanted} lists them,
     * or null when it holds none; {@code offset} is this partition's first global row.
     */
    synchronized DataSet rows(int[] wanted, int offset) {
        int[] local = Arrays.stream(wanted).filter(row -> row >= offset && row < offset + rows)
                .map(row -> row - offset).toArray();
        return local.length == 0 ? null
                : DataSet.of(Nd4j.pullRows(data.features(), 1, local), Nd4j.pullRows(data.targets(), 1, local));
    }

    private void startEpoch(EpochOrder epoch, int offset, int batchSize) {
        int[] order = epoch.order();
        int steps = (int) ((order.length + (long) batchSize - 1) / batchSize);
        int[] localOrder = new int[rows];
        int[] maskRows = new int[rows];
        stepStarts = new int[steps + 1];
        int count = 0;
        for (int position = 0; position < order.length; position++) {
            if (position % batchSize == 0) {
                stepStarts[position / batchSize] = count;
            }
            int row = order[position] - offset;
            if (row >= 0 && row < rows) {
                maskRows[count] = epoch.maskRows()[position];
                localOrder[count++] = row;
            }
        }
        stepStarts[steps] = count;
        // rows held out for validation are in no epoch's order
        batches.startEpoch(epoch.epoch(), Arrays.copyOf(localOrder, count), Arrays.copyOf(maskRows, count),
                order.length);
    }

    /** The blocks' rows stacked in order, as one data set. */
    static DataSet stack(Iterator<DataSet> blocks) {
        List<DataSet> stacked = new ArrayList<>();
        blocks.forEachRemaining(stacked::add);
        if (stacked.isEmpty()) {
            throw new IllegalArgumentException("the partition holds no data set");
        }
        if (stacked.size() == 1) {
            return stacked.get(0);
        }
        DataSet rows = DataSet.of(Nd4j.vstack(stacked.stream().map(DataSet::features).toArray(INDArray[]::new)),
                Nd4j.vstack(stacked.stream().map(DataSet::targets).toArray(INDArray[]::new)));
        if (stacked.stream().noneMatch(DataSet::hasWeights)) {
            return rows;
        }
        // row weights, as fit takes them (DataSet.withWeights): 1 for the blocks that give none
        return rows.withWeights(stacked.stream().flatMapToDouble(block -> Arrays.stream(block.weights())).toArray());
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
