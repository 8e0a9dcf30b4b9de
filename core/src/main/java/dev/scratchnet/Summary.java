package dev.scratchnet;

import dev.scratchnet.internal.ProcessSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes {@link Network#summary()}, a Keras-style table: one row per layer with its activation,
 * input and output shapes, weight and bias shapes and parameter count ({@code nIn·nOut + nOut}),
 * then the totals, the data type and the seed.
 * <pre>
 *   Layer (type)     Activation   Input     Output    Weights    Bias      Params
 *   ============================================================================
 *   dense0 (Dense)   relu         [n, 64]   [n, 15]   [64, 15]   [1, 15]     975
 *   dense1 (Dense)   sigmoid      [n, 15]   [n, 10]   [15, 10]   [1, 10]     160
 *   ============================================================================
 *   total parameters: 1135 (weights 1110, biases 25)
 *   data type: float32    seed: 1
 *   backend: fast    native threads: 1 (scratchnet's default)    training threads: auto (2 from 1048576 multiply-adds a batch, else 1)
 * </pre>
 * A layer with dropout after it is followed by a row {@code dropout0 (Dropout)  rate 0.2 … 0}.
 * The last line names the backend that runs the network (and, when it is not the one asked for,
 * why), the native thread count in force with where it came from (ND4J's and OpenBLAS's threads
 * inside each call), and how many threads share a training batch ({@code Network.Builder.threads}).
 * Column widths follow the longest entry, so long activation names such as
 * {@code leakyRelu(0.01)} stay aligned.
 */
final class Summary {

    private static final String[] HEADERS = {"Layer (type)", "Activation", "Input", "Output", "Weights", "Bias", "Params"};
    private static final String GAP = "   ";

    private Summary() {
    }

    static String of(Network network) {
        List<String[]> rows = new ArrayList<>();
        long weights = 0;
        long biases = 0;
        for (int i = 0; i < network.numLayers(); i++) {
            Layer layer = network.layer(i);
            long layerWeights = (long) layer.nIn() * layer.nOut();
            weights += layerWeights;
            biases += layer.nOut();
            rows.add(new String[] {"dense" + i + " (Dense)", layer.activation().name(), "[n, " + layer.nIn() + "]",
                "[n, " + layer.nOut() + "]", "[" + layer.nIn() + ", " + layer.nOut() + "]", "[1, " + layer.nOut() + "]",
                Long.toString(layerWeights + layer.nOut())});
            double rate = network.dropoutRate(i);
            if (rate > 0) {
                rows.add(new String[] {"dropout" + i + " (Dropout)", "rate " + rate, "[n, " + layer.nOut() + "]",
                    "[n, " + layer.nOut() + "]", "", "", "0"});
            }
        }
        int[] widths = new int[HEADERS.length];
        for (int c = 0; c < HEADERS.length; c++) {
            widths[c] = HEADERS[c].length();
            for (String[] row : rows) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        String header = line(HEADERS, widths);
        String rule = "=".repeat(header.length());
        StringBuilder out = new StringBuilder(header).append('\n').append(rule).append('\n');
        for (String[] row : rows) {
            out.append(line(row, widths)).append('\n');
        }
        out.append(rule).append('\n');
        out.append("total parameters: ").append(weights + biases).append(" (weights ").append(weights)
                .append(", biases ").append(biases).append(")\n");
        out.append("data type: ").append(network.dataType() == org.nd4j.linalg.api.buffer.DataType.DOUBLE
                ? "float64" : "float32").append(GAP).append(" seed: ").append(network.seed()).append('\n');
        network.table().ifPresent(table -> out.append("table columns (").append(table.columns().size())
                .append(" → ").append(table.width()).append(" inputs):\n").append(table.describe()));
        network.scaler().ifPresent(scaler -> out.append("inputs: ").append(scaler).append('\n'));
        network.targetScaler().ifPresent(scaler -> out.append("targets: ").append(scaler).append('\n'));
        if (!network.classNames().isEmpty()) {
            out.append("classes: ").append(String.join(", ", network.classNames())).append('\n');
        }
        out.append("backend: ").append(network.arithmetic().describe()).append(GAP).append(" native threads: ")
                .append(ProcessSettings.describeThreads()).append(GAP).append(" training threads: ")
                .append(network.arithmetic().describeTrainingThreads()).append('\n');
        out.append("training plan: ").append(network.arithmetic().describePlan()).append('\n');
        return out.toString();
    }

    /** Cells left-aligned, except the parameter count, which is right-aligned like numbers are. */
    private static String line(String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            boolean last = c == cells.length - 1;
            String cell = cells[c];
            String padding = " ".repeat(widths[c] - cell.length());
            line.append(c == 0 ? "" : GAP).append(last ? padding + cell : cell + (last ? "" : padding));
        }
        return line.toString();
    }
}
