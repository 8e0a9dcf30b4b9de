package dev.scratchnet.spark.ml;

import dev.scratchnet.DataSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A partition of (features Vector, double label) rows as one block of training rows: features
 * {@code [n, nIn]} in float32, targets one-hot over the network's outputs for a softmax classifier,
 * else the label itself as one column (a class 0 or 1 for a one-output classifier, a value for a
 * regression). An empty partition gives no block.
 */
final class RowBlocks implements FlatMapFunction<Iterator<Row>, DataSet> {

    private static final long serialVersionUID = 1L;

    private final int inputs;
    private final int outputs;
    private final Task task;
    private final String featuresColumn;

    RowBlocks(int inputs, int outputs, Task task, String featuresColumn) {
        this.inputs = inputs;
        this.outputs = outputs;
        this.task = task;
        this.featuresColumn = featuresColumn;
    }

    /**
     * The partition's block, read when first asked for: the training's jobs after the first keep the
     * partition's rows in its worker and never ask, so the rows are read (and the DataFrame computed)
     * once per training, not once per round or step.
     */
    @Override
    public Iterator<DataSet> call(Iterator<Row> rows) {
        return new Iterator<>() {
            private Iterator<DataSet> block;

            @Override
            public boolean hasNext() {
                if (block == null) {
                    block = read(rows);
                }
                return block.hasNext();
            }

            @Override
            public DataSet next() {
                hasNext();
                return block.next();
            }
        };
    }

    private Iterator<DataSet> read(Iterator<Row> rows) {
        List<float[]> features = new ArrayList<>();
        List<Double> labels = new ArrayList<>();
        while (rows.hasNext()) {
            Row row = rows.next();
            if (row.isNullAt(0) || row.isNullAt(1)) {
                throw new IllegalArgumentException("a row has a null " + (row.isNullAt(0) ? "features vector" : "label")
                        + "; drop or fill such rows before fitting");
            }
            features.add(toFloats((Vector) row.get(0)));
            labels.add(row.getDouble(1));
        }
        if (features.isEmpty()) {
            return Collections.emptyIterator();
        }
        int n = features.size();
        float[] flat = new float[n * inputs];
        for (int i = 0; i < n; i++) {
            System.arraycopy(features.get(i), 0, flat, i * inputs, inputs);
        }
        var x = Nd4j.create(flat, new long[] {n, inputs}, 'c');
        if (task == Task.CLASSIFICATION && outputs > 1) {
            int[] classes = new int[n];
            for (int i = 0; i < n; i++) {
                classes[i] = classIndex(labels.get(i), outputs);
            }
            return Collections.singletonList(DataSet.ofClasses(x, classes, outputs)).iterator();
        }
        float[] targets = new float[n];
        for (int i = 0; i < n; i++) {
            double label = labels.get(i);
            targets[i] = task == Task.CLASSIFICATION ? classIndex(label, 2) : (float) label;
        }
        return Collections.singletonList(DataSet.of(x, Nd4j.create(targets, new long[] {n, 1}, 'c'))).iterator();
    }

    private float[] toFloats(Vector vector) {
        if (vector.size() != inputs) {
            throw new IllegalArgumentException("column '" + featuresColumn + "' holds vectors of " + vector.size()
                    + " numbers but the network expects nIn = " + inputs);
        }
        double[] values = vector.toArray();
        float[] row = new float[inputs];
        for (int i = 0; i < inputs; i++) {
            row[i] = (float) values[i];
        }
        return row;
    }

    private static int classIndex(double label, int classes) {
        if (label != Math.rint(label) || label < 0 || label >= classes) {
            throw new IllegalArgumentException("label " + label + " is not a class index in [0, " + classes + ")");
        }
        return (int) label;
    }
}
