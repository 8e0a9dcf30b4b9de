package dev.scratchnet;

import java.util.List;

/**
 * {@link Fit.Builder#classWeights}: row i of the training weighs its own weight (1 unless the data
 * set gives one) times its class's. Checked where a training starts, applied where its rows are —
 * in memory for {@code fit}, on every partition for Spark.
 */
final class ClassWeights {

    private ClassWeights() {
    }

    /**
     * Refuses class weights for targets that are not classes, or of another count than the
     * network's classes (2 for one 0/1 output). Nothing to check without class weights.
     */
    static void check(List<Double> classWeights, Network network, boolean classes) {
        if (classWeights.isEmpty()) {
            return;
        }
        int numClasses = Math.max(network.nOut(), 2);
        if (!classes) {
            throw new IllegalArgumentException("classWeights(" + classWeights + ") weigh classes, but the targets "
                    + "are not classes (one-hot rows or one 0/1 column); weigh rows with DataSet.withWeights instead");
        }
        if (classWeights.size() != numClasses) {
            throw new IllegalArgumentException("classWeights gives " + classWeights.size() + " weights "
                    + classWeights + " but the network tells " + numClasses + " classes apart");
        }
    }

    /** {@code rows} with each row's weight times its class's; {@code rows} itself without class weights. */
    static DataSet apply(DataSet rows, List<Double> classWeights) {
        if (classWeights.isEmpty()) {
            return rows;
        }
        double[] weights = rows.weights();
        int[] labels = rows.labels();
        for (int row = 0; row < weights.length; row++) {
            weights[row] *= classWeights.get(labels[row]);
        }
        return rows.withWeights(weights);
    }
}
