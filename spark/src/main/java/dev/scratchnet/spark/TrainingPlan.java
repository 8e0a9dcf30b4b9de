package dev.scratchnet.spark;

import dev.scratchnet.Backend;
import dev.scratchnet.Layer;
import dev.scratchnet.Loss;
import dev.scratchnet.Network;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What every worker of one training needs once, broadcast when the training starts: the network's
 * architecture as the bytes of its model file (dropout included), the loss, the batch size and the
 * seed of the dropout masks. The weights in the model file are the initial ones; every step sends
 * the current ones.
 *
 * @param trainingId which training this is, to keep apart the workers of trainings sharing executors
 * @param model      the bytes of the network's model file ({@link Network#save})
 * @param loss       the loss to differentiate
 * @param batchSize  rows per step across all partitions ({@code Fit.batchSize()})
 * @param classWeights the weight of each class ({@code Fit.classWeights()}), empty for none
 * @param seed       the fit's seed as {@code fit} takes it (the network's when the fit has none),
 *                   from which the workers draw the dropout masks {@code fit} would draw
 */
record TrainingPlan(String trainingId, byte[] model, ShippedLoss loss, int batchSize, List<Double> classWeights,
                    long seed) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The plan for training {@code network}, its dropout (if any) seeded by the network's seed. */
    static TrainingPlan of(String trainingId, Network network, Loss loss, int batchSize, List<Double> classWeights) {
        return of(trainingId, network, loss, batchSize, classWeights, network.seed());
    }

    /** The plan for training {@code network}, its model file written through a temporary file. */
    static TrainingPlan of(String trainingId, Network network, Loss loss, int batchSize, List<Double> classWeights,
                           long seed) {
        ShippedLoss shipped = ShippedLoss.of(loss);
        try {
            Path file = Files.createTempFile("scratchnet-spark-", ".zip");
            try {
                network.save(file);
                return new TrainingPlan(trainingId, Files.readAllBytes(file), shipped, batchSize,
                        List.copyOf(classWeights), seed);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the network's model file to send it to the workers", e);
        }
    }

    /**
     * A network of the planned architecture, dropout included, on the fast backend (a worker's own;
     * its weights are overwritten before every step), read from the model file bytes.
     */
    Network workerNetwork() {
        Network saved;
        try {
            Path file = Files.createTempFile("scratchnet-spark-", ".zip");
            try {
                Files.write(file, model);
                saved = Network.load(file);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the network's model file on a worker", e);
        }
        Network.Builder builder = Network.builder().backend(Backend.FAST).dataType(saved.dataType()).seed(saved.seed());
        for (int i = 0; i < saved.numLayers(); i++) {
            Layer layer = saved.layer(i);
            builder.dense(layer.weights(), layer.bias(), layer.activation());
            if (saved.dropoutRate(i) > 0) {
                builder.dropout(saved.dropoutRate(i));
            }
        }
        return builder.build();
    }
}
