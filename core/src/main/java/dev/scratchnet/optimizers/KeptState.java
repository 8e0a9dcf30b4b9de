package dev.scratchnet.optimizers;

import dev.scratchnet.OptimizerState;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The optimizer state scratchnet's optimizers hand out: an update step over arrays that are the
 * whole state, so that a checkpoint can save and restore it ({@link #savable()} is true).
 */
class KeptState implements OptimizerState {

    private final List<INDArray> arrays;
    private final OptimizerState update;

    /**
     * @param arrays the arrays the update keeps between steps
     * @param update the step itself
     */
    KeptState(List<INDArray> arrays, OptimizerState update) {
        this.arrays = List.copyOf(arrays);
        this.update = update;
    }

    @Override
    public void step(double learningRate) {
        update.step(learningRate);
    }

    @Override
    public boolean savable() {
        return true;
    }

    @Override
    public List<INDArray> arrays() {
        return arrays;
    }
}
