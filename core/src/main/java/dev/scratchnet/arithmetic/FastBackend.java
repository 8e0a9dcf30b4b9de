package dev.scratchnet.arithmetic;

import dev.scratchnet.Layer;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The fast backend as the selection sees it, found through {@link java.util.ServiceLoader} (the
 * core registers {@code dev.scratchnet.engine.FastEngine}), so that the contract and this package
 * never import it.
 */
public interface FastBackend {

    /**
     * The fast arithmetic for {@code layers}, whose every activation has a fast kernel (see
     * {@link dev.scratchnet.ops.OpTable}); losses without one are handled per call.
     */
    Arithmetic create(List<Layer> layers, DataType dataType);

    /**
     * As {@link #create(List, DataType)}, training on {@code trainingThreads} threads (0: the
     * backend's default); a backend that trains on one thread only may ignore it.
     */
    default Arithmetic create(List<Layer> layers, DataType dataType, int trainingThreads) {
        return create(layers, dataType);
    }
}
