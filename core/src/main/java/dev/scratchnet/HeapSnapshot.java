package dev.scratchnet;

import dev.scratchnet.buffers.Matrix;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A copy of every parameter's value in Java arrays, to put back later: the divergence guard's last
 * good weights, taken as every fit starts.
 *
 * <p>Why the heap: a new native copy of a large network is fresh memory at each fit, and the
 * operating system faults it in page by page (BENCHMARKS.md, "A fit's fixed cost"), while the
 * heap's memory is reused. Parameters the heap could not hold comfortably (over an eighth of its
 * maximum in all), and any that are not compact row-major matrices, are copied as ND4J arrays
 * instead. Copies are exact, so a restore puts back the same bits either way. Early stopping keeps
 * {@link WeightsSnapshot}, whose live ND4J arrays a checkpoint saves and a resume writes into.
 */
final class HeapSnapshot {

    private final List<Parameter> parameters;
    /** Per parameter: a float[] or double[] of its values in row-major order, or an INDArray copy. */
    private final Object[] copies;

    /** Takes a first snapshot of {@code parameters} now. */
    HeapSnapshot(List<Parameter> parameters) {
        this.parameters = parameters;
        this.copies = new Object[parameters.size()];
        long bytes = 0;
        for (Parameter parameter : parameters) {
            bytes += parameter.value().length() * parameter.value().dataType().width();
        }
        boolean onHeap = bytes <= Runtime.getRuntime().maxMemory() / 8;
        for (int i = 0; i < copies.length; i++) {
            INDArray value = parameters.get(i).value();
            copies[i] = !onHeap || !Matrix.canWrap(value) ? value.dup()
                    : value.dataType() == DataType.FLOAT ? new float[(int) value.length()]
                    : new double[(int) value.length()];
        }
        save();
    }

    /** Copies the current values into the snapshot. */
    void save() {
        for (int i = 0; i < copies.length; i++) {
            INDArray value = parameters.get(i).value();
            if (copies[i] instanceof float[] copy) {
                value.data().asNioFloat().get(0, copy, 0, copy.length);
            } else if (copies[i] instanceof double[] copy) {
                value.data().asNioDouble().get(0, copy, 0, copy.length);
            } else {
                ((INDArray) copies[i]).assign(value);
            }
        }
    }

    /** Copies the snapshot back into the parameters, in place. */
    void restore() {
        for (int i = 0; i < copies.length; i++) {
            INDArray value = parameters.get(i).value();
            if (copies[i] instanceof float[] copy) {
                value.data().asNioFloat().put(0, copy, 0, copy.length);
            } else if (copies[i] instanceof double[] copy) {
                value.data().asNioDouble().put(0, copy, 0, copy.length);
            } else {
                value.assign((INDArray) copies[i]);
            }
        }
    }

    /** Frees the native copies' memory now; the snapshot is not used after. */
    void release() {
        for (Object copy : copies) {
            if (copy instanceof INDArray array) {
                array.close();
            }
        }
    }
}
