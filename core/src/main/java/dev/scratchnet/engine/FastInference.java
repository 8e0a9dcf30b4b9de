package dev.scratchnet.engine;

import dev.scratchnet.Layer;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Predictions through direct BLAS calls and Java loops: per layer the bias copied into each row,
 * one gemm adding {@code xW}, the activation in place. Hidden layers write into buffers
 * kept per thread (made anew when the batch size changes); only the output is a new array. Shares nothing writable between threads, so it is safe from many threads at once.
 */
public final class FastInference {

    private final List<FastLayer> layers;
    private final ThreadLocal<Scratch> scratch = new ThreadLocal<>();

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
        return predict(Matrix.of(Matrix.canWrap(x) ? x : x.dup('c')));
    }

    /**
     * As {@link #predict}, for inputs the caller has not checked: null when the inputs or the outputs
     * hold NaN or infinity (the caller then finds and explains the bad value), else the outputs.
     */
    public INDArray predictIfFinite(INDArray x) {
        Matrix input = Matrix.of(Matrix.canWrap(x) ? x : x.dup('c'));
        if (!Finite.likely(input)) {
            return null;
        }
        INDArray p = predict(input);
        return Finite.likely(Matrix.of(p)) ? p : null;
    }

    private INDArray predict(Matrix input) {
        INDArray x = input.array;
        int n = x.rows();
        Scratch buffers = scratchFor(n, x.dataType());
        Matrix current = input;
        for (int i = 0; i < layers.size(); i++) {
            FastLayer layer = layers.get(i);
            Matrix out = i < buffers.hidden.length ? buffers.hidden[i]
                    : Matrix.of(Nd4j.createUninitialized(x.dataType(), n, layer.nOut));
            layer.affine(current, out, n);
            layer.activation.forward(out, n);
            current = out;
        }
        return current.array;
    }

    /** This thread's buffers for batches of {@code n} rows, made anew when the batch size or type changes. */
    private Scratch scratchFor(int n, DataType dataType) {
        Scratch buffers = scratch.get();
        if (buffers == null || buffers.rows != n || buffers.dataType != dataType) {
            Matrix[] hidden = new Matrix[layers.size() - 1];
            for (int i = 0; i < hidden.length; i++) {
                hidden[i] = Matrix.create(dataType, n, layers.get(i).nOut);
            }
            buffers = new Scratch(n, dataType, hidden);
            scratch.set(buffers);
        }
        return buffers;
    }

    /** One thread's outputs of the hidden layers, for batches of {@code rows} rows. */
    private record Scratch(int rows, DataType dataType, Matrix[] hidden) {
    }
}
