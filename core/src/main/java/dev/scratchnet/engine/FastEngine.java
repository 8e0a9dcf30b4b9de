package dev.scratchnet.engine;

import dev.scratchnet.Layer;
import dev.scratchnet.arithmetic.Arithmetic;
import dev.scratchnet.arithmetic.FastBackend;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;

/** The fast backend's entry, registered for {@link java.util.ServiceLoader} under {@code META-INF/services}. */
public final class FastEngine implements FastBackend {

    @Override
    public Arithmetic create(List<Layer> layers, DataType dataType) {
        return new FastArithmetic(layers, dataType, 0);
    }

    @Override
    public Arithmetic create(List<Layer> layers, DataType dataType, int trainingThreads) {
        return new FastArithmetic(layers, dataType, trainingThreads);
    }
}
