package dev.scratchnet;

import dev.scratchnet.kernels.Diagnosis;
import dev.scratchnet.ops.OpTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The measurements behind {@link Fit.Builder#diagnostics(boolean)} for one training, taken on a
 * sample of batches so their cost is bounded: up to {@link #BATCHES_PER_EPOCH} batches per epoch,
 * evenly spaced (batch 1, 1 + s, 1 + 2s, … with stride s = ⌈batches / 4⌉). For each sampled batch:
 * <pre>
 *   before its step:  a forward pass without dropout over its rows, through the layers     (activations)
 *                     the backend's gradient of the batch loss into dW                    (‖dW‖)
 *                     a copy of every W                                                   (for ΔW)
 *   after its step:   ‖W − W_before‖ / ‖W_before‖                                          (update ratio)
 * </pre>
 * The training itself is untouched: the step recomputes its own forward pass and gradient, no
 * generator of the training (shuffling, dropout) is drawn from, so a fit trains bit-identically
 * with and without diagnostics. Nothing of this exists when diagnostics are off (the training has no such part).
 * See {@link LayerDiagnostics} for what each number means and {@link DiagnosticWarnings} for the warnings.
 */
final class Diagnostics implements TrainingPart {

    /** At most this many batches of an epoch are measured. */
    static final int BATCHES_PER_EPOCH = 4;
    /** An activation is saturated when it lies within this of an asymptote (sigmoid: 0, 1; tanh: −1, 1). */
    static final double SATURATION_DISTANCE = 0.01;

    private final Network network;
    private final Loss loss;
    /** The training rows of a batch, by their indexes in the source: in memory, or gathered from a cluster. */
    private final Function<int[], DataSet> rowsOf;
    private final int layers;
    private final INDArray[] weightsBefore;
    private final double[] normBefore;
    /** Per layer, this epoch: sums over the sampled batches; per unit the rows it fired on; saturated activations. */
    private final double[] gradientNormSum;
    private final double[] updateRatioSum;
    private final int[] updateRatioCount;
    private final double[][] fired;
    private final double[] saturatedCount;
    /** Per layer: ‖dW‖ of the training's first sampled batch, and the largest of this epoch. */
    private final double[] firstGradientNorm;
    private final double[] largestGradientNorm;
    private int sampledBatches;
    /** Whether the batch in its step is one of the sampled ones. */
    private boolean measuring;
    private int sampledRows;
    private final DiagnosticWarnings warnings;
    private final List<LayerDiagnostics> records = new ArrayList<>();

    /** The rows of {@code train} at the indexes given, for {@link #Diagnostics(Network, Fit, Function)}. */
    static Function<int[], DataSet> rowsOf(DataSet train) {
        return rows -> DataSet.of(Nd4j.pullRows(train.features(), 1, rows), Nd4j.pullRows(train.targets(), 1, rows));
    }

    /** Measures on batches whose rows {@code rowsOf} returns, given their indexes in the epoch's order. */
    Diagnostics(Network network, Fit fit, Function<int[], DataSet> rowsOf) {
        this.network = network;
        this.loss = fit.loss();
        this.rowsOf = rowsOf;
        this.layers = network.numLayers();
        this.weightsBefore = new INDArray[layers];
        this.normBefore = new double[layers];
        this.gradientNormSum = new double[layers];
        this.updateRatioSum = new double[layers];
        this.updateRatioCount = new int[layers];
        this.firstGradientNorm = new double[layers];
        this.largestGradientNorm = new double[layers];
        this.fired = new double[layers][];
        this.saturatedCount = new double[layers];
        for (int i = 0; i < layers; i++) {
            weightsBefore[i] = weights(i).dup();
            fired[i] = new double[network.layer(i).nOut()];
        }
        this.warnings = new DiagnosticWarnings(network);
    }

    /** Whether batch {@code batch} (from 1) of an epoch of {@code batches} is one of the sampled ones. */
    static boolean sampled(int batch, int batches) {
        int stride = (batches + BATCHES_PER_EPOCH - 1) / BATCHES_PER_EPOCH;
        return (batch - 1) % stride == 0;
    }

    /** Measures a sampled batch, rows {@code order[start..end)}, before its step. */
    void beforeStep(int[] order, int start, int end) {
        int[] rows = Arrays.copyOfRange(order, start, end);
        DataSet batch = rowsOf.apply(rows);
        INDArray x = batch.features();
        INDArray y = batch.targets();
        // activations: the layers' own forward pass, inference mode (no dropout, no cache touched)
        INDArray a = x;
        for (int i = 0; i < layers; i++) {
            a = network.layer(i).forward(a, false);
            accumulate(i, diagnosis(network.layer(i).activation()), a);
        }
        // ‖dW‖ as the backend computes it for the step
        network.arithmetic().gradients(x, y, loss);
        for (int i = 0; i < layers; i++) {
            double gradientNorm = network.layer(i).parameters().get(0).gradient().norm2Number().doubleValue();
            gradientNormSum[i] += gradientNorm;
            if (firstGradientNorm[i] == 0) {
                firstGradientNorm[i] = gradientNorm;
            }
            // Math.max keeps a NaN: a gradient that is no number counts as the worst growth
            largestGradientNorm[i] = Math.max(largestGradientNorm[i], gradientNorm);
            weightsBefore[i].assign(weights(i));
            normBefore[i] = weightsBefore[i].norm2Number().doubleValue();
        }
        sampledBatches++;
        sampledRows += rows.length;
    }

    /** Measures a sampled batch before its step (up to {@value #BATCHES_PER_EPOCH} an epoch, see {@link #sampled}). */
    @Override
    public void beforeStep(int[] order, int start, int end, int batch, int batches) {
        measuring = sampled(batch, batches);
        if (measuring) {
            beforeStep(order, start, end);
        }
    }

    @Override
    public void afterStep(int batch, int batches) {
        if (measuring) {
            afterStep();
        }
    }

    @Override
    public StopReason afterEpoch(EpochResult result) {
        endEpoch(result.epoch(), result.learningRate());
        return null;
    }

    @Override
    public TrainingHistory history(TrainingHistory history) {
        return new TrainingHistory(history.results(), history.stopReason(), records(), warnings());
    }

    /** Measures the step that followed {@link #beforeStep}: ‖ΔW‖ / ‖W‖ per layer. */
    void afterStep() {
        for (int i = 0; i < layers; i++) {
            if (normBefore[i] > 0) {
                // weightsBefore is ours: ΔW is computed in its place, and it is refilled before the next use
                double update = weightsBefore[i].rsubi(weights(i)).norm2Number().doubleValue();
                updateRatioSum[i] += update / normBefore[i];
                updateRatioCount[i]++;
            }
        }
    }

    /**
     * Closes the epoch (or, when training diverged, the part of it that ran): its records, and the
     * warnings they raise at {@code learningRate}. Nothing is recorded when no batch was sampled.
     */
    void endEpoch(int epoch, double learningRate) {
        if (sampledBatches == 0) {
            return;
        }
        List<LayerDiagnostics> epochRecords = new ArrayList<>();
        for (int i = 0; i < layers; i++) {
            Layer layer = network.layer(i);
            String activation = layer.activation().name();
            Diagnosis diagnosis = diagnosis(layer.activation());
            epochRecords.add(new LayerDiagnostics(epoch, i + 1, "dense" + i, activation,
                    gradientNormSum[i] / sampledBatches,
                    updateRatioCount[i] > 0 ? updateRatioSum[i] / updateRatioCount[i] : Double.NaN,
                    weights(i).norm2Number().doubleValue(),
                    diagnosis.countsFiring() ? share(fired[i], count -> count == 0) : Double.NaN,
                    diagnosis.countsSaturation() ? saturatedCount[i] / ((double) sampledRows * layer.nOut()) : Double.NaN));
        }
        records.addAll(epochRecords);
        warnings.check(epochRecords, growth(), learningRate);
        reset();
    }

    /**
     * Closes an epoch whose loss became NaN or infinite at {@code batch}: its records (of the
     * batches measured before), its warnings, and an "exploding" one for the layer whose ‖dW‖
     * grew most (the first layer when none was measured twice).
     */
    @Override
    public void diverged(int epoch, int batch, double learningRate) {
        double[] growth = growth();
        int layer = 0;
        for (int i = 1; i < layers; i++) {
            if (growth[i] > growth[layer] || Double.isNaN(growth[layer])) {
                layer = i;
            }
        }
        endEpoch(epoch, learningRate);
        warnings.diverged(layer + 1, epoch, batch, growth[layer], learningRate);
    }

    /** Every epoch's records, epoch by epoch, layer by layer. */
    List<LayerDiagnostics> records() {
        return records;
    }

    /** The warnings raised so far, in order. */
    List<String> warnings() {
        return warnings.sentences();
    }

    /** Per layer, this epoch's largest ‖dW‖ over the training's first (NaN when unknown). */
    private double[] growth() {
        double[] growth = new double[layers];
        for (int i = 0; i < layers; i++) {
            growth[i] = firstGradientNorm[i] > 0 && largestGradientNorm[i] > 0
                    ? largestGradientNorm[i] / firstGradientNorm[i] : Double.NaN;
        }
        return growth;
    }

    private void accumulate(int layer, Diagnosis diagnosis, INDArray a) {
        if (diagnosis == Diagnosis.NONE) {
            return;
        }
        // one copy into a row-major Java array: toDoubleMatrix would make an ND4J call per row
        double[] values = a.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        int units = a.columns();
        for (int k = 0; k < values.length; k++) {
            double value = values[k];
            if (diagnosis.countsFiring()) {
                // relu and leaky relu: a > 0 exactly when z > 0
                fired[layer][k % units] += value > 0 ? 1 : 0;
            } else {
                saturatedCount[layer] += diagnosis.distanceToAsymptote(value) < SATURATION_DISTANCE ? 1 : 0;
            }
        }
    }

    /** What the op table says to watch in {@code activation}'s outputs; nothing for an activation of the user's own. */
    private static Diagnosis diagnosis(Activation activation) {
        return OpTable.of(activation).map(op -> op.facts().diagnosis()).orElse(Diagnosis.NONE);
    }

    private static double share(double[] perUnit, java.util.function.DoublePredicate counts) {
        return Arrays.stream(perUnit).filter(counts).count() / (double) perUnit.length;
    }

    private INDArray weights(int layer) {
        return network.layer(layer).parameters().get(0).value();
    }

    private void reset() {
        Arrays.fill(gradientNormSum, 0);
        Arrays.fill(updateRatioSum, 0);
        Arrays.fill(updateRatioCount, 0);
        Arrays.fill(largestGradientNorm, 0);
        Arrays.fill(saturatedCount, 0);
        for (int i = 0; i < layers; i++) {
            Arrays.fill(fired[i], 0);
        }
        sampledBatches = 0;
        sampledRows = 0;
    }
}
