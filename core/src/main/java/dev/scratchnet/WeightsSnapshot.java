package dev.scratchnet;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A copy of every parameter's value, to put back later: the best weights for early stopping, the
 * last good epoch's for the divergence guard. The copies are allocated once; {@link #save()} and
 * {@link #restore()} copy in place.
 */
final class WeightsSnapshot {

    private final List<Parameter> parameters;
    private final List<INDArray> copies = new ArrayList<>();

    /** Takes a first snapshot of {@code parameters} now. */
    WeightsSnapshot(List<Parameter> parameters) {
        this.parameters = parameters;
        for (Parameter parameter : parameters) {
            copies.add(parameter.value().dup());
        }
    }

    /** Copies the current values into the snapshot. */
    void save() {
        for (int i = 0; i < parameters.size(); i++) {
            copies.get(i).assign(parameters.get(i).value());
        }
    }

    /** The snapshot's arrays, one per parameter, live (a checkpoint copies them, a resume writes into them). */
    List<INDArray> arrays() {
        return copies;
    }

    /** Frees the copies' memory; the snapshot is not used after. */
    void release() {
        for (INDArray copy : copies) {
            copy.close();
        }
    }

    /** Copies the snapshot back into the parameters, in place. */
    void restore() {
        for (int i = 0; i < parameters.size(); i++) {
            parameters.get(i).value().assign(copies.get(i));
        }
    }
}
