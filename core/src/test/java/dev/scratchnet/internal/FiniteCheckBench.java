package dev.scratchnet.internal;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Times {@link Checks#allFinite} on an MNIST-sized float32 array against the two boolean arrays
 * ({@code isNaN().any() || isInfinite().any()}) it replaced; not a test, run by hand:
 * <pre>
 *   java -cp target/test-classes:target/classes:$(cat /tmp/cp.txt) dev.scratchnet.internal.FiniteCheckBench
 * </pre>
 */
public final class FiniteCheckBench {

    private FiniteCheckBench() {
    }

    /** Prints three rounds of both timings in milliseconds. */
    public static void main(String[] args) {
        INDArray x = Nd4j.rand(DataType.FLOAT, 60000, 784);
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            boolean bad = x.isNaN().any() || x.isInfinite().any();
            long t1 = System.nanoTime();
            Checks.allFinite("features", x);
            long t2 = System.nanoTime();
            System.out.printf("round %d: two boolean arrays %.1f ms (found %b), Checks.allFinite %.1f ms%n",
                    round, (t1 - t0) / 1e6, bad, (t2 - t1) / 1e6);
        }
    }
}
