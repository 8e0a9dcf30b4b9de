package dev.scratchnet.samples.bench;

import dev.scratchnet.buffers.Blas;
import dev.scratchnet.buffers.Matrix;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The matrix products of one epoch of a scale cell, replayed alone on one thread: for each batch of
 * {@code n} rows and each layer {@code nIn → nOut}, the forward product {@code x·W}, the fused
 * update {@code W ← W − lr·xᵀ·δ} and, past the first layer, {@code δ·Wᵀ}, through the same direct
 * BLAS calls as the fast path, on buffers allocated beforehand. The epoch's time on one thread less
 * this is the element-wise work (activations, loss, gathering the batch, biases) and the overhead
 * (the fit's loop, the shuffle, calls, the GC).
 */
final class ProductsReplay {

    private ProductsReplay() {
    }

    /** Seconds of one epoch's products over {@code rows} rows in batches of {@code batch} through {@code widths}. */
    static double seconds(int rows, int batch, int... widths) {
        List<Matrix[]> layers = new ArrayList<>();
        for (int i = 0; i + 1 < widths.length; i++) {
            // input, W, output, δ of the layer, δ of its input
            layers.add(new Matrix[] {Matrix.of(Nd4j.rand(DataType.FLOAT, batch, widths[i])),
                Matrix.of(Nd4j.rand(DataType.FLOAT, widths[i], widths[i + 1]).muli(0.01)),
                Matrix.create(DataType.FLOAT, batch, widths[i + 1]),
                Matrix.of(Nd4j.rand(DataType.FLOAT, batch, widths[i + 1]).muli(0.01)),
                Matrix.create(DataType.FLOAT, batch, widths[i])});
        }
        long start = System.nanoTime();
        for (int from = 0; from < rows; from += batch) {
            int n = Math.min(batch, rows - from);
            for (Matrix[] layer : layers) {
                Blas.gemm(false, false, n, layer[1].columns, layer[1].rows, 1, layer[0], layer[1], 0, layer[2]);
            }
            for (int i = layers.size() - 1; i >= 0; i--) {
                Matrix[] layer = layers.get(i);
                if (i > 0) {
                    Blas.gemm(false, true, n, layer[1].rows, layer[1].columns, 1, layer[3], layer[1], 0, layer[4]);
                }
                Blas.gemm(true, false, layer[1].rows, layer[1].columns, n, -1e-6, layer[0], layer[3], 1, layer[1]);
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
