package dev.scratchnet;

import dev.scratchnet.arithmetic.DropoutMasks;
import dev.scratchnet.arithmetic.Trainer;
import dev.scratchnet.buffers.Matrix;
import dev.scratchnet.internal.Permutation;
import dev.scratchnet.kernels.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@code Network.fit} on a {@link DataSet} in memory: prepares the rows and the parts of the
 * training as the {@link Fit} says, then hands them to {@link TrainingLoop}.
 * <pre>
 *   scale the rows as training sees them; hold out validation rows (when asked)
 *   weigh the rows by their class (when asked); seed the dropout masks
 *   the rest as every training: {@link Training} (resume, parts, the loop)
 * </pre>
 */
final class InMemoryFit {

    private final Network network;
    private final Fit fit;

    InMemoryFit(Network network, Fit fit) {
        this.network = network;
        this.fit = fit;
    }

    TrainingHistory run(DataSet data) {
        Random random = Permutation.generator(fit.seed() != null ? fit.seed() : network.seed());
        // training works on scaled values throughout: the scalers were fitted on training rows before
        DataSet all = data.inType(network.dataType()).rescaled(network.scaler().orElse(null),
                network.targetScaler().orElse(null));
        int[] allLabels = classLabels(all.targets());
        boolean classes = allLabels != null;
        Split parts = withValidation(all, classes, random);
        ClassWeights.check(fit.classWeights(), network, classes);
        Training training = Training.start(network, fit, () -> Fingerprint.data(data));
        int[] trainLabels = !classes ? null : parts.train() == all ? allLabels : parts.train().labels();
        DataSet train = ClassWeights.apply(parts.train(), fit.classWeights());
        DropoutMasks dropout = DropoutStream.masks(network, fit.seed() != null ? fit.seed() : network.seed());
        // a batch never holds more rows than the data, whatever batchSize says
        Trainer source = network.arithmetic().trainer(fit.loss(), train, Math.min(fit.batchSize(), train.size()),
                dropout);
        Validation validation = parts.test() == null ? Validation.none()
                : Validation.of(network, fit.loss(), parts.test(), classes);
        return training.run(source, train.size(), trainLabels, validation, Diagnostics.rowsOf(train), random);
    }

    /** The training rows and the validation rows: held out, given, or null when there are none. */
    private Split withValidation(DataSet all, boolean classes, Random random) {
        if (fit.validationSplit() > 0) {
            return ValidationSplit.of(all, fit.validationSplit(), classes, random);
        }
        DataSet given = fit.validation().orElse(null);
        if (given == null) {
            return new Split(all, null);
        }
        if (given.numFeatures() != network.nIn() || given.numOutputs() != network.nOut()) {
            throw new IllegalArgumentException("validation data has " + given.numFeatures() + " feature and "
                    + given.numOutputs() + " target columns but the network expects nIn = " + network.nIn()
                    + " and outputs " + network.nOut());
        }
        return new Split(all, given.inType(network.dataType()).rescaled(network.scaler().orElse(null),
                network.targetScaler().orElse(null)));
    }

    /**
     * The class of every row when every target is 0 or 1 and, with several columns, each row is
     * one-hot (the column of its 1; with one column, the value); else null.
     */
    static int[] classLabels(INDArray targets) {
        // one pass over the values, no temporary arrays: a fit's setup should not cost a fraction of an epoch
        if (targets.isEmpty()) {
            return null;
        }
        Values y = Matrix.of(Matrix.readable(targets)).values;
        int columns = y.columns;
        int[] labels = new int[y.rows];
        for (int row = 0; row < y.rows; row++) {
            int ones = 0;
            for (int c = 0; c < columns; c++) {
                double v = y.get(row * columns + c);
                if (v == 1) {
                    ones++;
                    labels[row] = c;
                } else if (v != 0) {
                    return null;
                }
            }
            if (columns == 1) {
                labels[row] = ones;
            } else if (ones != 1) {
                return null;
            }
        }
        return labels;
    }
}
