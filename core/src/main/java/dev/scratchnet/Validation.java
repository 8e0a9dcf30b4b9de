package dev.scratchnet;

import dev.scratchnet.internal.Accuracy;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The validation rows of a training — held out or given, already in the network's type and scaled
 * as training sees them — measured after each epoch with the epoch's final weights.
 */
final class Validation {

    /** A validation loss and accuracy; NaN for what is not measured. */
    record Measured(double loss, double accuracy) {
    }

    private static final Measured NOTHING = new Measured(Double.NaN, Double.NaN);

    private final Network network;
    private final Loss loss;
    /** The rows, or null for a training without validation (see {@link #none()}). */
    private final DataSet rows;
    /** The class of each row, or null when the targets are not classes. */
    private final int[] labels;

    private Validation(Network network, Loss loss, DataSet rows, int[] labels) {
        this.network = network;
        this.loss = loss;
        this.rows = rows;
        this.labels = labels;
    }

    /** Measures {@code rows} (scaled already) with {@code loss}; accuracy too when {@code classes}. */
    static Validation of(Network network, Loss loss, DataSet rows, boolean classes) {
        return new Validation(network, loss, rows, classes ? rows.labels() : null);
    }

    /** No validation: every epoch measures NaN. */
    static Validation none() {
        return new Validation(null, null, null, null);
    }

    /** Whether there are rows to measure. */
    boolean present() {
        return rows != null;
    }

    /** The loss and accuracy of the network's predictions of the rows now. */
    Measured measure() {
        if (rows == null) {
            return NOTHING;
        }
        // the rows are scaled already, so they go to the arithmetic directly
        INDArray q = network.arithmetic().predict(rows.features());
        return new Measured(network.arithmetic().loss(loss, q, rows.targets()),
                labels != null ? Accuracy.of(q, labels) : Double.NaN);
    }
}
