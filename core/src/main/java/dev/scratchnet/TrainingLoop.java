package dev.scratchnet;

import dev.scratchnet.engine.Engine;
import dev.scratchnet.engine.FastPath;
import dev.scratchnet.engine.InPlace;
import dev.scratchnet.engine.Metrics;
import dev.scratchnet.internal.Permutation;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Mini-batch gradient descent over a network, as one {@link Fit} describes:
 * <pre>
 *   for each epoch:
 *     shuffle the rows (when asked)
 *     for each batch:  forward, backward, dW += λ·W, optimizer step
 *     measure the loss (and accuracy) over the whole training set, tell the listeners
 * </pre>
 */
final class TrainingLoop {

    private final Network network;
    private final Fit fit;
    private final List<Parameter> parameters;

    TrainingLoop(Network network, Fit fit) {
        this.network = network;
        this.fit = fit;
        this.parameters = network.parameters();
    }

    TrainingHistory run(DataSet data) {
        DataSet train = data.inType(network.dataType());
        Random random = Permutation.generator(fit.seed() != null ? fit.seed() : network.seed());
        int[] labels = holdsClasses(train.targets()) ? train.labels() : null;
        FastPath fast = Engine.fastEnabled() ? FastPath.forTraining(network.layers(), fit.loss(),
                network.dataType(), Math.min(fit.batchSize(), train.size())) : null;
        INDArray features = FastPath.readable(train.features());
        INDArray targets = FastPath.readable(train.targets());
        List<EpochResult> results = new ArrayList<>();
        for (int epoch = 1; epoch <= fit.epochs(); epoch++) {
            int[] order = fit.shuffle() ? Permutation.of(train.size(), random) : Permutation.identity(train.size());
            DataSet ordered = fast == null ? train.select(order) : null;
            for (int start = 0; start < train.size(); start += fit.batchSize()) {
                int end = Math.min(start + fit.batchSize(), train.size());
                if (fast != null) {
                    fast.gradients(features, targets, order, start, end);
                } else {
                    DataSet batch = ordered.rows(start, end);
                    network.backward(network.forward(batch.features()), batch.targets(), fit.loss());
                }
                update();
            }
            EpochResult result = measure(epoch, train, labels);
            results.add(result);
            for (TrainingListener listener : fit.listeners()) {
                listener.onEpochEnd(result);
            }
        }
        return new TrainingHistory(results);
    }

    /** Applies the gradients the last batch left in the layers. */
    private void update() {
        // weight decay: dW += λ·W
        if (fit.l2() > 0) {
            for (Parameter parameter : parameters) {
                if (parameter.decays()) {
                    InPlace.axpy(fit.l2(), parameter.value(), parameter.gradient());
                }
            }
        }
        // update
        fit.optimizer().step(parameters);
    }

    private EpochResult measure(int epoch, DataSet train, int[] labels) {
        INDArray p = network.predict(train.features());
        double loss = Metrics.loss(fit.loss(), p, train.targets());
        if (!Double.isFinite(loss)) {
            throw new IllegalStateException("loss became " + loss + " at epoch " + epoch
                    + "; try a smaller learning rate (now " + fit.optimizer().learningRate() + ")");
        }
        double accuracy = labels != null ? Metrics.accuracy(p, labels) : Double.NaN;
        return new EpochResult(epoch, loss, accuracy);
    }

    /** True when every target is 0 or 1 and, with several columns, each row is one-hot. */
    private static boolean holdsClasses(INDArray targets) {
        // y² − y is 0 exactly when y is 0 or 1
        boolean zeroOrOne = Transforms.abs(targets.mul(targets).subi(targets), false).maxNumber().doubleValue() == 0;
        if (!zeroOrOne) {
            return false;
        }
        return targets.columns() == 1 || targets.sum(1).subi(1.0).amaxNumber().doubleValue() == 0;
    }
}
