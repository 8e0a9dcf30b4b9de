package dev.scratchnet;

import java.util.List;

/** The fit's {@link TrainingListener}s as one part of the training: each event goes to all, in order. */
final class Listeners implements TrainingPart {

    private final List<TrainingListener> listeners;
    private final boolean batchEvents;

    Listeners(List<TrainingListener> listeners) {
        this.listeners = listeners;
        this.batchEvents = listeners.stream().anyMatch(TrainingListener::wantsBatches);
    }

    void trainingStart() {
        listeners.forEach(TrainingListener::onTrainingStart);
    }

    void epochStart(EpochStart start) {
        listeners.forEach(listener -> listener.onEpochStart(start));
    }

    /** Tells the listeners that want batches of one; true when one asks to stop. */
    boolean batchEnd(int epoch, int batch, int batches, double loss) {
        if (!batchEvents) {
            return false;
        }
        BatchResult result = new BatchResult(epoch, batch, batches, loss);
        listeners.forEach(listener -> listener.onBatchEnd(result));
        return stopRequested();
    }

    @Override
    public StopReason afterEpoch(EpochResult result) {
        listeners.forEach(listener -> listener.onEpochEnd(result));
        return stopRequested() ? StopReason.STOPPED_BY_LISTENER : null;
    }

    void trainingEnd(TrainingHistory history) {
        listeners.forEach(listener -> listener.onTrainingEnd(history));
    }

    /** Whether a listener asks to stop; every listener is asked, as each may count the calls. */
    private boolean stopRequested() {
        boolean stop = false;
        for (TrainingListener listener : listeners) {
            stop |= listener.stopRequested();
        }
        return stop;
    }
}
