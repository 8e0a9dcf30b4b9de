package dev.scratchnet.samples;

import dev.scratchnet.Network;
import dev.scratchnet.data.Table;
import dev.scratchnet.ops.OpTable;
import dev.scratchnet.runtime.TableColumns;
import dev.scratchnet.runtime.TableNotes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Classifies images or CSV rows with a saved model and prints the top classes with their
 * probabilities (the raw outputs when the model's last layer is not a softmax).
 */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Classify images or CSV rows with a model saved by digits, mnist or train.",
                "Images (PNG, JPEG, GIF, BMP; any size) of one digit each, drawn as people draw them: the ink is "
                        + "found against the background (dark on light or light on dark), cropped to its box and "
                        + "scaled and placed as the training images were made (MNIST: into a 20x20 box centred by "
                        + "its centre of mass in 28x28; the 8x8 digits: filling the frame). A margin around the "
                        + "digit, an off-centre, small or large digit, thin or thick strokes are all fine.",
                "CSV rows must hold one number per input, scaled as the model's training data was (digits and "
                        + "mnist: 0..1); a header line is skipped.",
                "A model written by train knows its columns: its CSV needs a header naming them (other columns, "
                        + "such as the target, are ignored) and raw values (the model applies its own scaling, "
                        + "one-hot encoding and filling of missing cells; notes about those go to standard error). "
                        + "One line per data row: FILE row N: CLASS (p P), ... or, for regression, FILE row N: VALUE."})
final class PredictCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "a model.zip written by digits or mnist")
    Path model;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Inputs inputs;

    /** A row index (from 0) in a message of the network's, as in {@code input row 2 column 1 contains NaN}. */
    private static final Pattern ROW = Pattern.compile("row (\\d+)");

    @Mixin
    CsvOptions format;

    @Option(names = "--top", paramLabel = "K", description = "how many classes to show per input (default: ${DEFAULT-VALUE})")
    int top = 3;

    /** Either images or a CSV file. */
    static final class Inputs {
        @Option(names = "--image", arity = "1..*", paramLabel = "IMAGE", description = "image files to classify")
        List<Path> images;

        @Option(names = "--csv", paramLabel = "FILE", description = "a CSV file with one input per row (a header line is skipped)")
        Path csv;
    }

    @Override
    public Integer call() throws IOException {
        if (top <= 0) {
            throw new IllegalArgumentException("--top must be > 0, was " + top);
        }
        Network net = ModelFile.load(model);
        List<String> labels = new ArrayList<>();
        List<String> where = new ArrayList<>();
        INDArray x;
        if (inputs.images != null) {
            int side = ImageInput.side(net.nIn());
            double[][] rows = new double[inputs.images.size()][];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = ImageInput.read(inputs.images.get(i), side);
                labels.add(inputs.images.get(i).toString());
            }
            where.addAll(labels);
            x = Nd4j.createFromArray(rows);
        } else if (net.table().isPresent()) {
            x = tableRows(net.table().get(), labels, where);
        } else if (!net.inputNames().isEmpty()) {
            // a model trained on a table: its columns by name, whatever else the file holds (a target, say)
            Table table = Table.read(inputs.csv, format.format());
            int[] columns = net.inputNames().stream().mapToInt(table::column).toArray();
            double[][] rows = new double[table.size()][columns.length];
            for (int row = 0; row < rows.length; row++) {
                for (int c = 0; c < columns.length; c++) {
                    rows[row][c] = table.number(row, columns[c]);
                }
                labels.add(inputs.csv + " row " + (row + 1));
                where.add(inputs.csv + " row " + (row + 1) + " (line " + table.line(row) + ")");
            }
            x = Nd4j.createFromArray(rows);
        } else {
            CsvRows csvRows = CsvRows.read(inputs.csv, net.nIn());
            for (int i = 0; i < csvRows.values().length; i++) {
                labels.add(inputs.csv + " row " + (i + 1));
                where.add(inputs.csv + " row " + (i + 1) + " (line " + csvRows.line(i) + ")");
            }
            x = Nd4j.createFromArray(csvRows.values());
        }
        boolean probabilities = OpTable.of(net.layer(net.numLayers() - 1).activation())
                .map(op -> op.facts().probabilities()).orElse(false);
        boolean classes = probabilities || !net.classNames().isEmpty();
        double[][] outputs = dev.scratchnet.internal.JavaRows.doubles(
                predict(net, x, where).castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE));
        for (int i = 0; i < outputs.length; i++) {
            String answer = classes
                    ? topClasses(outputs[i], Math.min(top, Math.max(outputs[i].length, 2)), probabilities, net.classNames())
                    : values(outputs[i]);
            System.out.println(labels.get(i) + ": " + answer);
        }
        return 0;
    }

    /**
     * The rows of a table model's CSV, encoded as the model says: its columns found by name (one
     * absent is refused, naming it), text one-hot, missing cells filled in; notes to standard error,
     * once per column.
     */
    private INDArray tableRows(TableColumns columns, List<String> labels, List<String> where) throws IOException {
        Table table = Table.read(inputs.csv, format.format());
        int[] indexes = columns.names().stream().mapToInt(table::column).toArray();
        TableNotes notes = new TableNotes(note -> System.err.println(inputs.csv + ": " + note));
        double[][] rows = new double[table.size()][];
        for (int row = 0; row < rows.length; row++) {
            String[] cells = new String[indexes.length];
            for (int c = 0; c < indexes.length; c++) {
                cells[c] = table.cell(row, indexes[c]);
            }
            try {
                rows[row] = columns.encode(cells, notes);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(inputs.csv + " line " + table.line(row) + ": " + e.getMessage(), e);
            }
            labels.add(inputs.csv + " row " + (row + 1));
            where.add(inputs.csv + " row " + (row + 1) + " (line " + table.line(row) + ")");
        }
        return Nd4j.createFromArray(rows);
    }

    /** A regression's outputs, in the targets' own units: {@code 1234.5} or {@code 1.2, 3.4}. */
    static String values(double[] output) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < output.length; i++) {
            text.append(i == 0 ? "" : ", ").append(String.format(java.util.Locale.ROOT, "%.6g", output[i]));
        }
        return text.toString();
    }

    /**
     * The network's outputs for {@code x}; a refusal that names a row of {@code x} (counting from 0)
     * gets the input it came from added, as the output lines name it: {@code FILE row 3 (line 4)}.
     */
    private static INDArray predict(Network net, INDArray x, List<String> names) {
        try {
            return net.predict(x);
        } catch (IllegalArgumentException e) {
            Matcher row = ROW.matcher(String.valueOf(e.getMessage()));
            if (!row.find() || Integer.parseInt(row.group(1)) >= names.size()) {
                throw e;
            }
            throw new IllegalArgumentException(e.getMessage() + " (" + row.group() + " is "
                    + names.get(Integer.parseInt(row.group(1))) + ")", e);
        }
    }

    /** {@code "3 (p 0.9876), 8 (p 0.0100)"}: the {@code k} largest outputs, largest first. */
    static String topClasses(double[] output, int k, boolean probabilities) {
        return topClasses(output, k, probabilities, List.of());
    }

    /**
     * As {@link #topClasses(double[], int, boolean)}, naming classes by {@code classNames} when there
     * are some ({@code "virginica (p 0.9876), …"}); one sigmoid output stands for classes 0 and 1.
     */
    static String topClasses(double[] output, int k, boolean probabilities, List<String> classNames) {
        if (output.length == 1) {
            output = new double[] {1 - output[0], output[0]};
        }
        double[] scores = output;
        Integer[] order = new Integer[output.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(k, order.length); i++) {
            text.append(i == 0 ? "" : ", ").append(classNames.isEmpty() ? String.valueOf(order[i]) : classNames.get(order[i]))
                    .append(String.format(probabilities ? " (p %.4f)" : " (output %.4f)", scores[order[i]]));
        }
        return text.toString();
    }
}
