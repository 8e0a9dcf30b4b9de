package dev.scratchnet;

import java.util.List;

/**
 * Keeps the weights of the last epoch that ended with finite losses, and puts them back when the
 * loss becomes NaN or infinite (the loop then throws {@link TrainingDivergedException}).
 */
final class DivergenceGuard implements TrainingPart {

    private final HeapSnapshot lastGood;

    /** Snapshots the weights as they are now: the last good ones until an epoch ends. */
    DivergenceGuard(List<Parameter> parameters) {
        this.lastGood = new HeapSnapshot(parameters);
    }

    @Override
    public StopReason afterEpoch(EpochResult result) {
        lastGood.save();
        return null;
    }

    @Override
    public void diverged(int epoch, int batch, double rate) {
        lastGood.restore();
    }

    @Override
    public void release() {
        // native copies' memory goes back now, not when the collector finds it (see InMemoryFit)
        lastGood.release();
    }
}
