package dev.scratchnet.samples.bench;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sgemm;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sgemv;

import dev.scratchnet.kernels.LeakyReluKernel;
import dev.scratchnet.kernels.Values;
import java.nio.FloatBuffer;
import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * {@code ./scratchnet bench --micro}: the per-call costs behind the fast path's design, each the
 * median over 5 rounds of many calls — ND4J's entry points against the direct BLAS call or the
 * Java loop the fast path uses instead.
 */
final class MicroBench {

    private MicroBench() {
    }

    static void run() {
        INDArray x = Nd4j.rand(DataType.FLOAT, 15, 64);
        INDArray w = Nd4j.rand(DataType.FLOAT, 64, 15);
        INDArray z = Nd4j.create(DataType.FLOAT, 15, 15);
        FloatPointer px = (FloatPointer) x.data().addressPointer();
        FloatPointer pw = (FloatPointer) w.data().addressPointer();
        FloatPointer pz = (FloatPointer) z.data().addressPointer();
        report("gemm 15x64 . 64x15, Nd4j.gemm into a preallocated result", 20_000,
                () -> Nd4j.gemm(x, w, z, false, false, 1.0, 0.0));
        report("gemm 15x64 . 64x15, cblas_sgemm on the arrays' pointers", 100_000,
                () -> cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, 15, 15, 64, 1f, px, 64, pw, 15, 0f, pz, 15));

        FloatBuffer values = z.data().asNioFloat();
        report("ReLU over 15x15 in place, Transforms.relu(z, false)", 20_000, () -> Transforms.relu(z, false));
        report("ReLU over 15x15 in place, a Java loop on the array's memory", 100_000, () -> {
            for (int i = 0; i < 225; i++) {
                float v = values.get(i);
                if (!(v > 0)) {
                    values.put(i, 0f);
                }
            }
        });

        // a hidden layer's backward pass through ReLU: half the activations are zero, in no pattern
        INDArray activations = Transforms.relu(Nd4j.randn(DataType.FLOAT, 128, 1024), false);
        INDArray gradients = Nd4j.randn(DataType.FLOAT, 128, 1024);
        FloatBuffer a = activations.data().asNioFloat();
        FloatBuffer g = gradients.data().asNioFloat();
        report("ReLU backward over 128x1024, a branch on each activation's sign", 200, () -> {
            for (int i = 0; i < 128 * 1024; i++) {
                if (!(a.get(i) > 0)) {
                    g.put(i, 0f * g.get(i));
                }
            }
        });
        LeakyReluKernel relu = new LeakyReluKernel(0);
        Values aValues = Values.of(a, 128, 1024);
        Values gValues = Values.of(g, 128, 1024);
        report("ReLU backward over 128x1024, LeakyReluKernel (no branch)", 200, () -> relu.backward(null, aValues, gValues, 128));

        INDArray row = Nd4j.rand(DataType.FLOAT, 1, 784);
        INDArray weights = Nd4j.rand(DataType.FLOAT, 784, 256);
        INDArray out = Nd4j.create(DataType.FLOAT, 1, 256);
        FloatPointer pRow = (FloatPointer) row.data().addressPointer();
        FloatPointer pWeights = (FloatPointer) weights.data().addressPointer();
        FloatPointer pOut = (FloatPointer) out.data().addressPointer();
        report("one row through 784x256, cblas_sgemm with one row", 20_000,
                () -> cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, 1, 256, 784, 1f, pRow, 784, pWeights, 256,
                        0f, pOut, 256));
        report("one row through 784x256, cblas_sgemv", 20_000,
                () -> cblas_sgemv(CblasRowMajor, CblasTrans, 784, 256, 1f, pWeights, 256, pRow, 1, 0f, pOut, 1));
        report("a new [1, 10] array, Nd4j.createUninitialized", 20_000,
                () -> Nd4j.createUninitialized(DataType.FLOAT, 1, 10));
    }

    private static void report(String what, int calls, Runnable call) {
        double[] microseconds = new double[5];
        for (int i = 0; i < calls; i++) {
            call.run();
        }
        for (int round = 0; round < microseconds.length; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                call.run();
            }
            microseconds[round] = (System.nanoTime() - start) / 1e3 / calls;
        }
        java.util.Arrays.sort(microseconds);
        System.out.printf("%-62s %8.2f us (%.2f-%.2f)%n", what, microseconds[2], microseconds[0], microseconds[4]);
    }
}
