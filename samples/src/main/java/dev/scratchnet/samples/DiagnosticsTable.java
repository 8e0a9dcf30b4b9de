package dev.scratchnet.samples;

import dev.scratchnet.LayerDiagnostics;
import dev.scratchnet.TrainingHistory;
import dev.scratchnet.plots.Plots;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What {@code --diagnose} prints after a training: the diagnostics of the first epoch, every
 * {@value #EVERY}th and the last, one line per dense layer, then the warnings (or that there were
 * none); and the plot it writes, {@code diagnostics.png}.
 */
final class DiagnosticsTable {

    /** The file {@link #plot} writes into the output folder. */
    static final String PNG = "diagnostics.png";

    /** Besides the first and the last, every this-many-th epoch is printed. */
    static final int EVERY = 10;

    private DiagnosticsTable() {
    }

    /** The table and the warnings, as printed. */
    static String format(TrainingHistory history) {
        List<LayerDiagnostics> diagnostics = history.diagnostics();
        int last = diagnostics.isEmpty() ? 0 : diagnostics.get(diagnostics.size() - 1).epoch();
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "%ndiagnostics (epoch 1, every %dth and the last; up to 4 batches measured per epoch)%n"
                        + "%5s  %-13s  %-10s  %10s  %10s  %9s  %11s  %9s%n", EVERY,
                "epoch", "layer", "activation", "grad norm", "update/W", "W norm", "never fired", "saturated"));
        for (LayerDiagnostics d : diagnostics) {
            if (d.epoch() == 1 || d.epoch() % EVERY == 0 || d.epoch() == last) {
                text.append(String.format(Locale.ROOT, "%5d  %-13s  %-10s  %10.3g  %10.3g  %9.3g  %11s  %9s%n",
                        d.epoch(), d.layerName(), d.activation(), d.gradientNorm(), d.updateRatio(), d.weightNorm(),
                        percent(d.neverFired()), percent(d.saturated())));
            }
        }
        if (history.warnings().isEmpty()) {
            text.append("no warnings: no layer showed never-fired ReLUs, saturated units, exploding or vanishing "
                    + "gradients, or updates too large for the learning rate\n");
        }
        for (String warning : history.warnings()) {
            text.append("warning: ").append(warning).append('\n');
        }
        return text.toString();
    }

    /** Writes {@link #PNG} into {@code folder}; returns its path. */
    static Path plot(TrainingHistory history, Path folder) throws IOException {
        Path file = folder.resolve(PNG);
        Plots.diagnostics(history, file, 1200, 800);
        return file;
    }

    private static String percent(double share) {
        return Double.isNaN(share) ? "-" : String.format(Locale.ROOT, "%.0f %%", 100 * share);
    }
}
