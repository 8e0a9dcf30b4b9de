package dev.scratchnet.arithmetic;

import dev.scratchnet.Backend;
import dev.scratchnet.DataSet;
import dev.scratchnet.Layer;
import dev.scratchnet.Loss;
import dev.scratchnet.internal.Accuracy;
import dev.scratchnet.internal.Finite;
import dev.scratchnet.layers.Dropout;
import dev.scratchnet.losses.SoftmaxCrossEntropy;
import dev.scratchnet.losses.WeightedMean;
import dev.scratchnet.ops.OpTable;
import java.util.List;
import java.util.Optional;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The reference backend: the readable layers, activations and losses themselves, over ND4J arrays.
 * This is the spec every other backend is tested against.
 * <pre>
 *   forward:   a = x;  for each layer: a = layer.forward(a)
 *   backward:  δ = dL/dz of the last layer:
 *                softmax + cross-entropy: the fused gradient       (SoftmaxCrossEntropy)
 *                any other pair:          f'(z) ⊙ loss.gradient(p, y)
 *              then each layer, last to first: fill dW and db, hand dL/dx back
 * </pre>
 */
public final class ReferenceArithmetic implements Arithmetic {

    private final List<Layer> layers;
    private final String description;

    /** @param description what {@link #describe()} says, e.g. why a network asking for the fast backend runs here */
    public ReferenceArithmetic(List<Layer> layers, String description) {
        this.layers = List.copyOf(layers);
        this.description = description;
    }

    @Override
    public Backend backend() {
        return Backend.REFERENCE;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public INDArray predict(INDArray x) {
        INDArray a = x;
        for (Layer layer : layers) {
            a = layer.forward(a, false);
        }
        return a;
    }

    @Override
    public Optional<INDArray> predictIfFinite(INDArray x) {
        if (!Finite.likely(x)) {
            return Optional.empty();
        }
        INDArray p = predict(x);
        return Finite.likely(p) ? Optional.of(p) : Optional.empty();
    }

    @Override
    public void gradients(INDArray x, INDArray y, Loss loss) {
        backward(forward(x), y, loss);
    }

    @Override
    public double loss(Loss loss, INDArray p, INDArray y) {
        return loss.value(p, y);
    }

    @Override
    public Trainer trainer(Loss loss, DataSet train, int batchCapacity, DropoutMasks dropout) {
        return new ReferenceTrainer(loss, train, dropout);
    }

    /** A training forward pass: every layer caches what its backward needs. */
    private INDArray forward(INDArray x) {
        return forward(x, null, null, 0);
    }

    /**
     * A training forward pass over the rows at positions {@code from, from + 1, …} of the epoch's
     * order; with {@code dropout}, each layer that has a rate draws its mask into {@code masks} (same
     * index), each row's from the row's place in the stream, and the next layer reads
     * {@code a ⊙ mask} ({@link Dropout}).
     */
    private INDArray forward(INDArray x, DropoutMasks dropout, INDArray[] masks, int from) {
        INDArray a = x;
        for (int i = 0; i < layers.size(); i++) {
            a = layers.get(i).forward(a, true);
            if (dropout != null && dropout.rate(i) > 0) {
                long[] firsts = new long[a.rows()];
                for (int r = 0; r < firsts.length; r++) {
                    firsts[r] = dropout.first(from + r, i);
                }
                masks[i] = Dropout.mask(firsts, a.columns(), dropout.rate(i), dropout.seed(), a.dataType());
                a = Dropout.forward(a, masks[i]);
            }
        }
        return a;
    }

    /** Back-propagates {@code loss} of the last training forward pass, filling every gradient. */
    private void backward(INDArray p, INDArray y, Loss loss) {
        backward(p, y, loss, null, null, 0, null);
    }

    /**
     * As {@link #backward(INDArray, INDArray, Loss)}, the rows weighted as {@link WeightedMean} says
     * when {@code weights} is not null (row i's weight at {@code weights[order[from + i]]}), and
     * through the dropout {@code masks} of the forward pass when not null.
     */
    private void backward(INDArray p, INDArray y, Loss loss, double[] weights, int[] order, int from,
                          INDArray[] masks) {
        Layer last = layers.get(layers.size() - 1);
        INDArray grad;
        if (OpTable.fused(last.activation(), loss)) {
            INDArray gradZ = SoftmaxCrossEntropy.gradient(p, y);
            grad = last.backwardFromPreActivation(weights == null ? gradZ
                    : WeightedMean.scaleRows(gradZ, weights, order, from));
        } else {
            INDArray gradP = loss.gradient(p, y);
            grad = last.backward(weights == null ? gradP : WeightedMean.scaleRows(gradP, weights, order, from));
        }
        for (int i = layers.size() - 2; i >= 0; i--) {
            if (masks != null && masks[i] != null) {
                grad = Dropout.backward(grad, masks[i]);
            }
            grad = layers.get(i).backward(grad);
        }
    }

    /** Batches of contiguous rows (views): the training set is copied into each epoch's order once. */
    private final class ReferenceTrainer implements Trainer {

        private final Loss loss;
        private final DataSet train;
        /** The training rows' weights, or null when every row weighs 1. */
        private final double[] weights;
        /** Dropout's rates and stream, or null; the masks of the last forward pass. */
        private final DropoutMasks dropout;
        private final INDArray[] masks;
        private int[] order;
        private INDArray orderedFeatures;
        private INDArray orderedTargets;
        private INDArray lastPredictions;
        private int lastFrom;

        ReferenceTrainer(Loss loss, DataSet train, DropoutMasks dropout) {
            this.loss = loss;
            this.train = train;
            this.dropout = dropout;
            this.masks = dropout != null ? new INDArray[layers.size()] : null;
            this.weights = train.hasWeights() ? train.weights() : null;
        }

        @Override
        public void startEpoch(int epoch, int[] order, int[] maskRows, int rows) {
            if (dropout != null) {
                dropout.startEpoch(epoch, maskRows, rows);
            }
            this.order = order;
            this.orderedFeatures = Nd4j.pullRows(train.features(), 1, order);
            this.orderedTargets = Nd4j.pullRows(train.targets(), 1, order);
        }

        @Override
        public double gradients(int from, int to) {
            INDArray targets = orderedTargets.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
            lastPredictions = forward(orderedFeatures.get(NDArrayIndex.interval(from, to), NDArrayIndex.all()),
                    dropout, masks, from);
            lastFrom = from;
            backward(lastPredictions, targets, loss, weights, order, from, masks);
            if (weights == null) {
                return loss.value(lastPredictions, targets);
            }
            return WeightedMean.value(loss, lastPredictions, targets, weights, order, from);
        }

        @Override
        public boolean offersFusedSgd() {
            return false;
        }

        @Override
        public double sgdStep(int from, int to, double learningRate, double l2) {
            throw new UnsupportedOperationException("the reference backend keeps gradient and update apart");
        }

        @Override
        public int lastBatchCorrect(int[] labels) {
            return Accuracy.correct(lastPredictions, labels, order, lastFrom);
        }
    }
}
