package dev.scratchnet.engine;

import dev.scratchnet.Layer;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Predictions through direct BLAS calls and Java loops: per layer one loop writing the bias rows,
 * one gemm adding {@code xW}, one loop applying the activation in place. Hidden layers write into
 * buffers kept per thread (reallocated when the batch size changes); only the output is a new
 * array. Shares nothing writable between threads, so it is safe from many threads at once.
 */
public final class FastInference {

    private final List<FastLayer> layers;
    private final ThreadLocal<Matrix[]> hiddenBuffers;

    private FastInference(List<FastLayer> layers) {
        this.layers = layers;
        this.hiddenBuffers = ThreadLocal.withInitial(() -> new Matrix[layers.size() - 1]);
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
        Matrix[] hidden = hiddenBuffers.get();
        Matrix current = Matrix.of(Matrix.canWrap(x) ? x : x.dup('c'));
        for (int i = 0; i < layers.size(); i++) {
            FastLayer layer = layers.get(i);
            Matrix out = i < hidden.length ? buffer(hidden, i, n, layer.nOut, x)
                    : Matrix.of(Nd4j.createUninitialized(x.dataType(), n, layer.nOut));
            layer.affine(current, out, n);
            layer.activation.forward(out, out, n);
            current = out;
        }
        return current.array;
    }

    /** This thread's buffer for hidden layer {@code i}, sized {@code [n, width]}. */
    private static Matrix buffer(Matrix[] hidden, int i, int n, int width, INDArray x) {
        if (hidden[i] == null || hidden[i].rows != n || hidden[i].array.dataType() != x.dataType()) {
            hidden[i] = Matrix.of(Nd4j.createUninitialized(x.dataType(), n, width));
        }
        return hidden[i];
    }
}
