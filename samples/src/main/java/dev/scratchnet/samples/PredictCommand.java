package dev.scratchnet.samples;

import dev.scratchnet.Network;
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
import picocli.CommandLine.Option;

/**
 * Classifies images or CSV rows with a saved model and prints the top classes with their
 * probabilities (the raw outputs when the model's last layer is not a softmax).
 */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Classify images or CSV rows with a model saved by digits or mnist.",
                "Images (PNG, JPEG, GIF, BMP; any size) are turned grey, scaled to the model's square input "
                        + "and inverted when dark ink is on a light background. CSV rows must hold one "
                        + "number per input, scaled as the model's training data was (digits and mnist: 0..1)."})
final class PredictCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "a model.zip written by digits or mnist")
    Path model;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Inputs inputs;

    /** A row index (from 0) in a message of the network's, as in {@code input row 2 column 1 contains NaN}. */
    private static final Pattern ROW = Pattern.compile("row (\\d+)");

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
        Network net = Network.load(model);
        List<String> names = new ArrayList<>();
        INDArray x;
        if (inputs.images != null) {
            int side = ImageInput.side(net.nIn());
            double[][] rows = new double[inputs.images.size()][];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = ImageInput.read(inputs.images.get(i), side);
                names.add(inputs.images.get(i).toString());
            }
            x = Nd4j.createFromArray(rows);
        } else {
            CsvRows csvRows = CsvRows.read(inputs.csv, net.nIn());
            for (int i = 0; i < csvRows.values().length; i++) {
                names.add(inputs.csv + " row " + (i + 1) + " (line " + csvRows.line(i) + ")");
            }
            x = Nd4j.createFromArray(csvRows.values());
        }
        boolean probabilities = net.layer(net.numLayers() - 1).activation().name().equals("softmax");
        double[][] outputs = predict(net, x, names).castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).toDoubleMatrix();
        for (int i = 0; i < outputs.length; i++) {
            System.out.println(names.get(i) + ": " + topClasses(outputs[i], Math.min(top, outputs[i].length), probabilities));
        }
        return 0;
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
        Integer[] order = new Integer[output.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(output[b], output[a]));
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < k; i++) {
            text.append(i == 0 ? "" : ", ").append(order[i])
                    .append(String.format(probabilities ? " (p %.4f)" : " (output %.4f)", output[order[i]]));
        }
        return text.toString();
    }
}
