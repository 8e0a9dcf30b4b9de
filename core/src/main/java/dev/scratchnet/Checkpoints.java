package dev.scratchnet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The checkpoints of a training ({@link Fit.Builder#checkpoints}): after every {@code checkpointEvery}-th
 * epoch, one {@link Checkpoint} file with all the training needs to go on.
 */
final class Checkpoints implements TrainingPart {

    private final Network network;
    private final Fit.Checkpointing settings;
    private final Map<String, String> fingerprint;
    private final List<Parameter> parameters;
    private final OptimizerState optimizer;
    /** Early stopping's state, or null without early stopping (as {@link Checkpoint#write} takes it). */
    private final EarlyStopping earlyStopping;
    private final List<EpochResult> history;

    /**
     * Writes into the directory {@code settings} names (see {@link #createDirectory}); {@code history}
     * holds the epochs a resumed training ran already.
     */
    Checkpoints(Network network, Fit.Checkpointing settings, Map<String, String> fingerprint, OptimizerState optimizer,
                EarlyStopping earlyStopping, List<EpochResult> history) {
        this.network = network;
        this.settings = settings;
        this.fingerprint = fingerprint;
        this.parameters = network.parameters();
        this.optimizer = optimizer;
        this.earlyStopping = earlyStopping;
        this.history = new ArrayList<>(history);
    }

    /** Creates the checkpoint directory, before the training touches anything. */
    static void createDirectory(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the checkpoint directory " + directory, e);
        }
    }

    /** Writes the checkpoint of the epoch when one is due. */
    @Override
    public StopReason afterEpoch(EpochResult result) {
        history.add(result);
        int epoch = result.epoch();
        if (epoch % settings.checkpointEvery() != 0) {
            return null;
        }
        Path file = settings.checkpointDirectory().resolve(Checkpoint.fileName(epoch));
        try {
            synchronized (network.weightsLock()) {
                Checkpoint.write(file, epoch, fingerprint, history, parameters, optimizer, earlyStopping,
                        network.arithmetic().planId());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + file, e);
        }
        return null;
    }
}
