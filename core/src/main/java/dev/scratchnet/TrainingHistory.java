package dev.scratchnet;

import dev.scratchnet.internal.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * What {@link Network#fit} measured: one entry per epoch run, and why training stopped.
 * Every array has one value per epoch run; a value that was not measured (accuracy of non-class
 * targets, anything about validation without validation data) is NaN.
 */
public final class TrainingHistory {

    private final List<EpochResult> results;
    private final StopReason stopReason;
    private final List<LayerDiagnostics> diagnostics;
    private final List<String> warnings;

    TrainingHistory(List<EpochResult> results, StopReason stopReason) {
        this(results, stopReason, List.of(), List.of());
    }

    TrainingHistory(List<EpochResult> results, StopReason stopReason, List<LayerDiagnostics> diagnostics,
                    List<String> warnings) {
        this.results = List.copyOf(results);
        this.stopReason = stopReason;
        this.diagnostics = List.copyOf(diagnostics);
        this.warnings = List.copyOf(warnings);
    }

    /**
     * The history of a training run by a loop outside {@link Network#fit} (scratchnet-spark's
     * driver, say): {@code results} in epoch order (copied), and why it stopped.
     */
    public static TrainingHistory of(List<EpochResult> results, StopReason stopReason) {
        Checks.notNull("results", results);
        Checks.notNull("stopReason", stopReason);
        return new TrainingHistory(results, stopReason);
    }

    /** How many epochs ran. */
    public int epochs() {
        return results.size();
    }

    /** The training loss after each epoch. */
    public double[] trainLoss() {
        return column(EpochResult::trainLoss);
    }

    /** The training accuracy after each epoch (NaN entries when the targets are not classes). */
    public double[] trainAccuracy() {
        return column(EpochResult::trainAccuracy);
    }

    /** The validation loss after each epoch (NaN entries without validation data). */
    public double[] validationLoss() {
        return column(EpochResult::validationLoss);
    }

    /** The validation accuracy after each epoch (NaN entries without validation data or classes). */
    public double[] validationAccuracy() {
        return column(EpochResult::validationAccuracy);
    }

    /** The learning rate used in each epoch. */
    public double[] learningRate() {
        return column(EpochResult::learningRate);
    }

    /**
     * The epoch (counting from 1) with the lowest validation loss, or the lowest training loss
     * without validation data; the first one on a tie. With early stopping, these are the weights
     * the network holds after {@code fit}.
     *
     * @throws IllegalStateException when no epoch has run
     */
    public int bestEpoch() {
        requireEpochs();
        boolean validation = results.get(0).hasValidation();
        int best = 0;
        for (int i = 1; i < results.size(); i++) {
            if (monitored(results.get(i), validation) < monitored(results.get(best), validation)) {
                best = i;
            }
        }
        return results.get(best).epoch();
    }

    private static double monitored(EpochResult result, boolean validation) {
        return validation ? result.validationLoss() : result.trainLoss();
    }

    /** Why training stopped. */
    public StopReason stopReason() {
        return stopReason;
    }

    /** Every epoch's numbers, in order (a copy). */
    public List<EpochResult> results() {
        return new ArrayList<>(results);
    }

    /**
     * What {@link Fit.Builder#diagnostics(boolean)} measured: one record per epoch and dense layer,
     * epoch by epoch, layer by layer; empty when the fit did not ask for diagnostics. A training
     * resumed from a checkpoint holds those of the epochs it ran itself. An epoch that diverged has
     * the records of the batches measured before.
     */
    public List<LayerDiagnostics> diagnostics() {
        return diagnostics;
    }

    /**
     * The diagnostics' warnings in plain language, in the order they were raised, each once per
     * layer and kind (also logged through SLF4J at WARN); empty without diagnostics or when none
     * was raised. Each names the layer ("dense layer 1"), the epoch, what was seen and what to try,
     * with one of the words "never fired", "saturated", "exploding", "vanishing", "learning rate".
     */
    public List<String> warnings() {
        return warnings;
    }

    /** The training loss after the last epoch. @throws IllegalStateException when no epoch has run */
    public double finalLoss() {
        requireEpochs();
        return results.get(results.size() - 1).trainLoss();
    }

    /**
     * The history as CSV with a header row,
     * {@code epoch,train_loss,train_accuracy,validation_loss,validation_accuracy,learning_rate},
     * one row per epoch; values in full precision, an empty field where a value is NaN (pandas
     * and numpy read it back as NaN). With {@link #diagnostics()}, five columns per dense layer
     * follow, {@code dense0_gradient_norm,dense0_update_ratio,dense0_weight_norm,dense0_never_fired,dense0_saturated},
     * then {@code dense1_…}; without, the columns are exactly the six above.
     */
    public String toCsv() {
        StringBuilder csv = new StringBuilder(
                "epoch,train_loss,train_accuracy,validation_loss,validation_accuracy,learning_rate");
        DiagnosticsColumns columns = new DiagnosticsColumns(diagnostics);
        csv.append(columns.header()).append('\n');
        for (EpochResult r : results) {
            csv.append(r.epoch());
            for (double value : new double[] {r.trainLoss(), r.trainAccuracy(), r.validationLoss(),
                    r.validationAccuracy(), r.learningRate()}) {
                csv.append(',').append(DiagnosticsColumns.field(value));
            }
            csv.append(columns.row(r.epoch())).append('\n');
        }
        return csv.toString();
    }

    @Override
    public String toString() {
        if (results.isEmpty()) {
            return "TrainingHistory[no epochs, " + stopReason + "]";
        }
        return String.format(Locale.ROOT, "TrainingHistory[%d epochs, %s, final loss %.4f, best epoch %d]",
                epochs(), stopReason, finalLoss(), bestEpoch());
    }

    private double[] column(ToDoubleFunction<EpochResult> value) {
        return results.stream().mapToDouble(value).toArray();
    }

    private void requireEpochs() {
        if (results.isEmpty()) {
            throw new IllegalStateException("no epoch has run (stop reason " + stopReason + ")");
        }
    }
}
