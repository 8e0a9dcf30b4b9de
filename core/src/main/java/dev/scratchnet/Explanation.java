package dev.scratchnet;

import dev.scratchnet.ops.OpTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Writes {@link Network#explain()}: the equations the network computes, forward and backward, with
 * its own shapes, and {@link Network#explain(INDArray)}: one input traced through every layer. Plain
 * text, aligned for a terminal. Layers are named as people count them ("dense layer 1") and as the
 * model file names their arrays ({@code W1} is {@code dense0.W}).
 */
final class Explanation {

    /** A wide layer's values are summarised rather than listed beyond this many. */
    static final int LISTED = 10;

    private Explanation() {
    }

    static String of(Network network) {
        StringBuilder out = new StringBuilder();
        int layers = network.numLayers();
        out.append("A ").append(layers).append("-layer network, ").append(network.nIn()).append(" inputs → ")
                .append(network.nOut()).append(" outputs, ").append(type(network)).append(", n rows per batch\n\n");
        network.scaler().ifPresent(scaler -> out.append("preprocessing: x = (raw − shift) / scale   ").append(scaler)
                .append(" (fitted on training rows, applied by predict, evaluate and fit)\n\n"));
        out.append("forward\n");
        List<String[]> rows = new ArrayList<>();
        for (int k = 1; k <= layers; k++) {
            Layer layer = network.layer(k - 1);
            String input = k == 1 ? "x" : "a" + (k - 1);
            rows.add(new String[] {"  z" + k + " = " + input + "·W" + k + " + b" + k,
                "[n," + layer.nIn() + "]·[" + layer.nIn() + "," + layer.nOut() + "] + [1," + layer.nOut() + "] → [n,"
                        + layer.nOut() + "]",
                "dense layer " + k + " (dense" + (k - 1) + ".W, dense" + (k - 1) + ".b)"});
            rows.add(new String[] {"  a" + k + " = " + layer.activation().name() + "(z" + k + ")", "[n," + layer.nOut() + "]",
                formula(layer.activation())});
            if (network.dropoutRate(k - 1) > 0) {
                rows.add(new String[] {"  a" + k + " = a" + k + " ⊙ m / (1 − " + network.dropoutRate(k - 1) + ")",
                    "[n," + layer.nOut() + "]", "dropout in fit only; m drawn 0/1 from the fit's seeded generator"});
            }
        }
        aligned(rows, out);
        out.append("  p = a").append(layers).append(network.targetScaler().isPresent()
                ? " · scale + shift   (the target scaler's inverse: predictions in the targets' units)\n" : "\n");
        out.append("\nbackward (δk = dL/dzk; the loss is a mean, so dL/dp already carries the batch's 1/n)\n");
        rows.clear();
        Layer last = network.layer(layers - 1);
        rows.add(new String[] {"  δ" + layers + " = f'(z" + layers + ") ⊙ dL/dp", "[n," + last.nOut() + "]",
            "any loss; " + (OpTable.fused(last.activation(), Loss.CROSS_ENTROPY)
                    ? "with cross-entropy the fused δ" + layers + " = (p·Σy − y)/n instead (losses/SoftmaxCrossEntropy)"
                    : "no fused pair (that needs a softmax output and cross-entropy)")});
        for (int k = layers; k >= 1; k--) {
            Layer layer = network.layer(k - 1);
            String input = k == 1 ? "x" : "a" + (k - 1);
            rows.add(new String[] {"  dW" + k + " = " + input + "ᵀ·δ" + k,
                "[" + layer.nIn() + ",n]·[n," + layer.nOut() + "] → [" + layer.nIn() + "," + layer.nOut() + "]",
                "plus λ·W" + k + " with L2 weight decay"});
            rows.add(new String[] {"  db" + k + " = Σ_rows δ" + k, "[1," + layer.nOut() + "]", ""});
            if (k > 1) {
                Layer previous = network.layer(k - 2);
                double rate = network.dropoutRate(k - 2);
                // dropout after layer k − 1 scales its gradient by the same mask as its output
                String mask = rate > 0 ? " ⊙ m / (1 − " + rate + ")" : "";
                rows.add(new String[] {"  δ" + (k - 1) + " = (δ" + k + "·W" + k + "ᵀ)" + mask + " ⊙ "
                        + previous.activation().name() + "'(z" + (k - 1) + ")", "[n," + layer.nOut() + "]·["
                        + layer.nOut() + "," + layer.nIn() + "] → [n," + layer.nIn() + "]",
                        rate > 0 ? "the forward pass's dropout mask (fit only)" : ""});
            }
        }
        aligned(rows, out);
        out.append("\nparameters: ").append(network.parameterCount()).append(" (");
        for (int k = 1; k <= layers; k++) {
            Layer layer = network.layer(k - 1);
            out.append(k == 1 ? "" : " + ").append(layer.nIn()).append("·").append(layer.nOut()).append(" + ")
                    .append(layer.nOut());
        }
        out.append(")\n");
        network.table().ifPresent(table -> out.append("before layer 1, each table row becomes ").append(table.width())
                .append(" inputs:\n").append(table.describe()));
        if (!network.classNames().isEmpty()) {
            out.append("classes: ").append(String.join(", ", network.classNames())).append('\n');
        }
        return out.toString();
    }

    /** One row traced through the network: each layer's pre-activation and activation, then the answer. */
    static String trace(Network network, INDArray row) {
        INDArray x = row.rank() == 1 ? row.reshape(1, row.length()) : row;
        if (x.rows() != 1) {
            throw new IllegalArgumentException("explain(row) traces one row, was given " + x.rows());
        }
        INDArray a = network.scaler().isPresent() ? network.scaler().get().apply(x.castTo(network.dataType()))
                : x.castTo(network.dataType());
        StringBuilder out = new StringBuilder("x  ").append(values(a)).append('\n');
        for (int k = 1; k <= network.numLayers(); k++) {
            Layer layer = network.layer(k - 1);
            INDArray z = a.mmul(layer.weights().castTo(network.dataType())).addiRowVector(layer.bias());
            a = layer.activation().forward(z);
            out.append("z").append(k).append(" ").append(values(z)).append('\n');
            out.append("a").append(k).append(" ").append(values(a)).append("   ").append(layer.activation().name())
                    .append('\n');
        }
        INDArray p = network.predict(x.castTo(network.dataType()));
        out.append("p  ").append(values(p)).append('\n');
        if (p.columns() > 1) {
            int best = p.argMax(1).getInt(0);
            String name = network.classNames().isEmpty() ? String.valueOf(best) : network.classNames().get(best);
            out.append(String.format(Locale.ROOT, "class %s (score %.4f)%n", name, p.getDouble(0, best)));
        }
        return out.toString();
    }

    /** Up to {@link #LISTED} values; a wider row as its count, min, mean and max and how many are 0. */
    private static String values(INDArray row) {
        double[] v = row.castTo(DataType.DOUBLE).toDoubleVector();
        if (v.length <= LISTED) {
            StringBuilder text = new StringBuilder("[");
            for (int i = 0; i < v.length; i++) {
                text.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.4f", v[i]));
            }
            return text.append("]").toString();
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        int zeros = 0;
        for (double value : v) {
            min = Math.min(min, value);
            max = Math.max(max, value);
            sum += value;
            zeros += value == 0 ? 1 : 0;
        }
        return String.format(Locale.ROOT, "[%d values: min %.4f, mean %.4f, max %.4f, %d are 0]", v.length, min,
                sum / v.length, max, zeros);
    }

    /**
     * The op table's formula for {@code activation}; an activation of the user's own has none, whatever
     * it calls itself (a class named "relu" may compute anything).
     */
    private static String formula(Activation activation) {
        return OpTable.of(activation).map(op -> op.facts().formula())
                .orElse("your own activation: see " + activation.getClass().getName());
    }

    private static String type(Network network) {
        return network.dataType() == DataType.DOUBLE ? "float64" : "float32";
    }

    private static void aligned(List<String[]> rows, StringBuilder out) {
        int[] widths = new int[3];
        for (String[] row : rows) {
            for (int c = 0; c < 3; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < 3; c++) {
                line.append(row[c]).append(c < 2 ? " ".repeat(widths[c] - row[c].length() + 3) : "");
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    }
}
