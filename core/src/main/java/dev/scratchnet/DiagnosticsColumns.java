package dev.scratchnet;

import java.util.List;

/**
 * The diagnostics' columns of the history CSV ({@link TrainingHistory#toCsv()}): five per dense
 * layer, {@code denseI_gradient_norm, denseI_update_ratio, denseI_weight_norm, denseI_never_fired,
 * denseI_saturated}; none when there are no diagnostics, so the CSV is then what it always was.
 */
final class DiagnosticsColumns {

    private static final String[] NAMES = {"gradient_norm", "update_ratio", "weight_norm", "never_fired", "saturated"};

    private final List<LayerDiagnostics> diagnostics;
    private final int layers;

    DiagnosticsColumns(List<LayerDiagnostics> diagnostics) {
        this.diagnostics = diagnostics;
        this.layers = diagnostics.stream().mapToInt(LayerDiagnostics::layer).max().orElse(0);
    }

    /** The header's diagnostics part, each column led by a comma; empty without diagnostics. */
    String header() {
        StringBuilder header = new StringBuilder();
        for (int i = 0; i < layers; i++) {
            for (String name : NAMES) {
                header.append(",dense").append(i).append('_').append(name);
            }
        }
        return header.toString();
    }

    /** The diagnostics part of {@code epoch}'s row; empty fields for an epoch without records. */
    String row(int epoch) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= layers; i++) {
            LayerDiagnostics d = find(epoch, i);
            double[] values = d == null ? new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN}
                    : new double[] {d.gradientNorm(), d.updateRatio(), d.weightNorm(), d.neverFired(), d.saturated()};
            for (double value : values) {
                row.append(',').append(field(value));
            }
        }
        return row.toString();
    }

    /** A value in full precision, or an empty field for NaN (pandas and numpy read it back as NaN). */
    static String field(double value) {
        return Double.isNaN(value) ? "" : Double.toString(value);
    }

    private LayerDiagnostics find(int epoch, int layer) {
        for (LayerDiagnostics d : diagnostics) {
            if (d.epoch() == epoch && d.layer() == layer) {
                return d;
            }
        }
        return null;
    }
}
