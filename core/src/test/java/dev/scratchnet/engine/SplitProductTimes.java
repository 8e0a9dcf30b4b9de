package dev.scratchnet.engine;

import dev.scratchnet.buffers.Blas;
import dev.scratchnet.buffers.Matrix;
import java.util.Arrays;
import java.util.Locale;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Single products of a 784-H layer, whole on one thread against cut between two by
 * {@link SplitProduct} (every size cut), for BENCHMARKS.md ("Split products") and the choice of
 * {@link SplitProduct#SPLIT_WORK}: the forward product {@code xW} ([batch, 784] · [784, H], cut by
 * columns) and the fused update {@code W += −lr·xᵀδ} ([784, batch] · [batch, H], cut by rows of W);
 * the median of 9 timings of a loop of each, µs a product. Not a test: run it by hand.
 */
final class SplitProductTimes {

    private SplitProductTimes() {
    }

    public static void main(String[] args) {
        System.out.printf(Locale.ROOT, "%-6s %-6s %-12s %-28s %-28s%n", "H", "batch", "multiply-adds",
                "xW: whole -> cut (ratio)", "W += xᵀδ: whole -> cut (ratio)");
        for (int width : new int[] {64, 256, 1024, 2048}) {
            for (int batch : new int[] {16, 64, 256}) {
                Matrix x = Matrix.of(Nd4j.rand(DataType.FLOAT, batch, 784));
                Matrix w = Matrix.of(Nd4j.rand(DataType.FLOAT, 784, width));
                Matrix z = Matrix.of(Nd4j.rand(DataType.FLOAT, batch, width));
                SplitProduct forward = SplitProduct.byColumns(false, false, w, z, 2, 0);
                SplitProduct update = SplitProduct.byRows(x, false, z, w, 2, 0);
                int reps = (int) Math.max(20, 2e8 / (784L * width * batch));
                double[][] micros = new double[4][9];
                for (int p = 0; p < 9; p++) {
                    long t0 = System.nanoTime();
                    for (int i = 0; i < reps; i++) {
                        Blas.gemm(false, false, batch, width, 784, 1, x, w, 0, z);
                    }
                    long t1 = System.nanoTime();
                    for (int i = 0; i < reps; i++) {
                        forward.multiply(x, batch, 784, 1, 0);
                    }
                    long t2 = System.nanoTime();
                    for (int i = 0; i < reps; i++) {
                        Blas.gemm(true, false, 784, width, batch, -1e-3, x, z, 1, w);
                    }
                    long t3 = System.nanoTime();
                    for (int i = 0; i < reps; i++) {
                        update.multiply(x, 784, batch, -1e-3, 1);
                    }
                    long t4 = System.nanoTime();
                    micros[0][p] = (t1 - t0) / 1e3 / reps;
                    micros[1][p] = (t2 - t1) / 1e3 / reps;
                    micros[2][p] = (t3 - t2) / 1e3 / reps;
                    micros[3][p] = (t4 - t3) / 1e3 / reps;
                }
                for (double[] row : micros) {
                    Arrays.sort(row);
                }
                System.out.printf(Locale.ROOT, "%-6d %-6d %-12d %-28s %-28s%n", width, batch, 784L * width * batch,
                        String.format(Locale.ROOT, "%.1f -> %.1f µs (%.2f)", micros[0][4], micros[1][4],
                                micros[1][4] / micros[0][4]),
                        String.format(Locale.ROOT, "%.1f -> %.1f µs (%.2f)", micros[2][4], micros[3][4],
                                micros[3][4] / micros[2][4]));
            }
        }
    }
}
