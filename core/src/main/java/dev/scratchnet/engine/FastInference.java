package dev.scratchnet.engine;

import dev.scratchnet.Layer;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Predictions through direct BLAS calls and Java loops: per layer one array allocated for its
 * output, one loop writing the bias rows, one gemm adding {@code xW}, one loop applying the
 * activation in place. Holds only the layers' own arrays, so it is safe from many threads.
 */
public final class FastInference {

    private final List<FastLayer> layers;

    private FastInference(List<FastLayer> layers) {
        this.layers = layers;
    }

    /** The fast path for {@code layers}, or null when some layer or activation has none. */
    public static FastInference of(List<Layer> layers) {
        List<FastLayer> fast = new ArrayList<>();
        for (Layer layer : layers) {
            FastLayer fastLayer = FastLayer.of(layer, 0, null);
            if (fastLayer == null) {
                return null;
            }
            fast.add(fastLayer);
        }
        return new FastInference(List.copyOf(fast));
    }

    /** The outputs {@code [n, nOut]} for inputs {@code x [n, nIn]} of the layers' data type, as a new array. */
    public INDArray predict(INDArray x) {
        int n = x.rows();
        Matrix current = Matrix.of(Matrix.canWrap(x) ? x : x.dup('c'));
        for (FastLayer layer : layers) {
            Matrix out = Matrix.of(Nd4j.createUninitialized(x.dataType(), n, layer.nOut));
            layer.affine(current, out, n);
            layer.activation.forward(out, out, n);
            current = out;
        }
        return current.array;
    }
}
