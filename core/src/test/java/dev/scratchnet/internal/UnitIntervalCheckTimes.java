package dev.scratchnet.internal;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Times {@link Checks#unitInterval} on float32 targets of n × 10 against the two ND4J reductions
 * it used alone before ({@code minNumber}, {@code maxNumber}), for BENCHMARKS.md ("The targets'
 * range check"); not a test, run by hand with row counts as arguments. Prints the median of 201 calls each
 * (µs).
 */
public final class UnitIntervalCheckTimes {

    private UnitIntervalCheckTimes() {
    }

    public static void main(String[] args) {
        for (String argument : args) {
            int rows = Integer.parseInt(argument);
            INDArray targets = Nd4j.rand(DataType.FLOAT, rows, 10);
            double[] check = new double[201];
            double[] reductions = new double[201];
            boolean inRange = true;
            for (int i = 0; i < check.length; i++) {
                long start = System.nanoTime();
                Checks.unitInterval("targets", targets, "timing");
                long middle = System.nanoTime();
                inRange &= targets.minNumber().doubleValue() >= 0 && targets.maxNumber().doubleValue() <= 1;
                long end = System.nanoTime();
                check[i] = (middle - start) / 1e3;
                reductions[i] = (end - middle) / 1e3;
            }
            Arrays.sort(check);
            Arrays.sort(reductions);
            System.out.printf("%d x 10: Checks.unitInterval %.1f µs, minNumber and maxNumber %.1f µs%s%n", rows,
                    check[100], reductions[100], inRange ? "" : " (out of range?)");
        }
    }
}
