package dev.scratchnet.spark;

import dev.scratchnet.Backend;
import dev.scratchnet.BatchGradients;
import dev.scratchnet.DataSet;
import dev.scratchnet.DistributedTraining;
import dev.scratchnet.Layer;
import dev.scratchnet.Network;
import dev.scratchnet.OptimizerState;
import dev.scratchnet.Parameter;
import dev.scratchnet.buffers.NativeVector;
import dev.scratchnet.internal.Permutation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One partition's side of parameter averaging: its rows, a network and an optimizer state of its
 * own, and the local steps of a round.
 * <pre>
 *   epoch e:  local order = the partition's rows shuffled by a generator of (seed, e, partition)
 *             steps = ⌈rows / batchSize⌉, step s takes positions [s·batchSize, (s+1)·batchSize)
 *   round r:  load the weights and optimizer state sent;
 *             for s in [r·k, min((r+1)·k, steps)):  gradient (class weights); clip; dW += λ·W; optimizer step
 *             send back the weights and optimizer state
 * </pre>
 * A round is a function of the state it is sent, the epoch and the round's index, so a task that
 * fails and runs again, here or on another executor, returns the same share.
 */
final class AveragingWorker {

    private final Network network;
    private final List<Parameter> parameters;
    private final BatchGradients batches;
    private final OptimizerState optimizer;
    /** The weights, then the optimizer's arrays: what a {@link ModelState} holds, live. */
    private final List<INDArray> stateArrays;
    /** Clips a step's gradients as the fit asks, or null. */
    private final Runnable clipping;
    private final boolean float32;
    private final List<NativeVector> decayingValues = new ArrayList<>();
    private final List<NativeVector> decayingGradients = new ArrayList<>();
    private final AveragingPlan plan;
    private final int partition;
    private final int rows;
    private final boolean classes;
    /** The epoch whose order the batches hold, or 0 before the first. */
    private int loadedEpoch;

    private AveragingWorker(Network network, BatchGradients batches, AveragingPlan plan, int partition, int rows,
                            boolean classes) {
        this.network = network;
        this.parameters = FlatParameters.of(network);
        this.batches = batches;
        this.optimizer = plan.optimizer().start(parameters);
        this.stateArrays = AveragingTraining.stateArrays(parameters, optimizer);
        this.float32 = network.dataType() == DataType.FLOAT;
        this.clipping = DistributedTraining.gradientClipping(plan.clipNorm(), plan.clipValue(), parameters, Backend.FAST);
        this.plan = plan;
        this.partition = partition;
        this.rows = rows;
        this.classes = classes;
        for (Parameter parameter : parameters) {
            if (parameter.decays() && plan.l2() > 0) {
                decayingValues.add(NativeVector.of(parameter.value()));
                decayingGradients.add(NativeVector.of(parameter.gradient()));
            }
        }
    }

    /**
     * The worker of {@code partition} for {@code blocks} (at least one row in all); its network
     * trains on {@code threads} threads (the task's cores).
     *
     * @throws IllegalArgumentException when the rows do not fit the network or the loss
     */
    static AveragingWorker of(Iterator<DataSet> blocks, AveragingPlan plan, int partition, int threads) {
        DataSet data = PartitionWorker.stack(blocks);
        Network network = withThreads(plan.training().workerNetwork(), threads);
        boolean classes = PartitionWorker.holdsClasses(data.targets());
        int capacity = Math.min(plan.training().batchSize(), data.size());
        BatchGradients batches = BatchGradients.of(network, data, plan.training().loss().loss(), capacity, classes,
                plan.training().classWeights());
        return new AveragingWorker(network, batches, plan, partition, data.size(), classes);
    }

    int rows() {
        return rows;
    }

    boolean classes() {
        return classes;
    }

    /** How many local steps an epoch has here. */
    int steps() {
        return (int) ((rows + (long) plan.training().batchSize() - 1) / plan.training().batchSize());
    }

    /**
     * Round {@code round} (from 0) of {@code epoch}: this partition's local steps from {@code state}
     * at {@code learningRate}; no rows when its steps of the epoch are all taken.
     */
    synchronized RoundShare round(int epoch, int round, double learningRate, ModelState state) {
        int first = round * plan.localSteps();
        int last = Math.min(first + plan.localSteps(), steps());
        if (first >= last) {
            return RoundShare.none();
        }
        if (loadedEpoch != epoch) {
            batches.startEpoch(order(epoch));
            loadedEpoch = epoch;
        }
        long start = System.nanoTime();
        load(state);
        long stepsStart = System.nanoTime();
        int batchSize = plan.training().batchSize();
        double lossSum = 0;
        int correct = 0;
        int taken = 0;
        for (int step = first; step < last; step++) {
            int from = step * batchSize;
            int to = Math.min(from + batchSize, rows);
            double loss = batches.compute(from, to);
            lossSum += loss * (to - from);
            correct += batches.correct();
            taken += to - from;
            if (!Double.isFinite(loss)) {
                return new RoundShare(taken, lossSum, correct, null, System.nanoTime() - start, 0);
            }
            // clipping before the decay, as fit's step does
            if (clipping != null) {
                clipping.run();
            }
            // weight decay: dW += λ·W
            for (int i = 0; i < decayingValues.size(); i++) {
                NativeVector.axpy(plan.l2(), decayingValues.get(i), decayingGradients.get(i));
            }
            // update
            optimizer.step(learningRate);
        }
        long stepsNanos = System.nanoTime() - stepsStart;
        ModelState after = save();
        return new RoundShare(taken, lossSum, correct, after, System.nanoTime() - start, stepsNanos);
    }

    private int[] order(int epoch) {
        if (!plan.shuffle()) {
            return Permutation.identity(rows);
        }
        // one generator per (seed, epoch, partition): a retried round draws the same order
        long seed = plan.seed() * 0x9E3779B97F4A7C15L + epoch * 0xC2B2AE3D27D4EB4FL + partition;
        return Permutation.of(rows, Permutation.generator(seed));
    }

    private void load(ModelState state) {
        state.writeTo(stateArrays);
        optimizer.restoreSteps(state.optimizerSteps());
    }

    private ModelState save() {
        return ModelState.of(stateArrays, float32, optimizer.steps());
    }

    /** {@code network}'s layers again, training on {@code threads} threads. */
    private static Network withThreads(Network network, int threads) {
        Network.Builder builder = Network.builder().backend(Backend.FAST).dataType(network.dataType())
                .seed(network.seed()).threads(threads);
        for (Layer layer : network.layers()) {
            builder.dense(layer.weights(), layer.bias(), layer.activation());
        }
        return builder.build();
    }

    @Override
    public String toString() {
        return "averaging worker of partition " + partition + " (" + rows + " rows, "
                + Arrays.toString(network.layers().stream().mapToInt(Layer::nOut).toArray()) + ")";
    }
}
