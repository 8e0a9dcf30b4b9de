package dev.scratchnet.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.scratchnet.Activation;
import dev.scratchnet.Loss;
import dev.scratchnet.buffers.Matrix;
import dev.scratchnet.kernels.LossKernel;
import dev.scratchnet.kernels.SoftmaxCrossEntropyKernel;
import dev.scratchnet.losses.SoftmaxCrossEntropy;
import dev.scratchnet.ops.ActivationOp;
import dev.scratchnet.ops.LossOp;
import dev.scratchnet.ops.OpTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Every op of the {@link OpTable}, fast against reference, generated from the table over a grid of
 * shapes, float32 and float64, and each of forward, backward, value and gradient. An op added to the
 * table is swept without a line here. The grid is the subclass's: {@link OpParityTest} sweeps a
 * small one that still crosses every size branch in the unit tier, {@link OpParitySweepIT} the
 * full one in the integration tier.
 */
abstract class OpParitySweep {

    static final DataType[] TYPES = {DataType.FLOAT, DataType.DOUBLE};

    /** The row widths to sweep. */
    abstract int[] widths();

    /** The row counts to sweep. */
    abstract int[] rows();

    /** Relative tolerance: float32 rounds once more on one side than the other; float64 differs in exp's last bits. */
    private static double tolerance(DataType dataType) {
        return dataType == DataType.FLOAT ? 2e-6 : 1e-12;
    }

    /** The instances an op stands for: its constant, or two parameter values. */
    private static List<Activation> instances(ActivationOp op) {
        return op.constant() != null ? List.of(op.constant())
                : List.of(op.withParameter().apply(0.0), op.withParameter().apply(0.1));
    }

    @TestFactory
    Stream<DynamicTest> activationsForwardAndBackward() {
        List<DynamicTest> tests = new ArrayList<>();
        for (ActivationOp op : OpTable.ACTIVATIONS) {
            for (Activation activation : instances(op)) {
                for (DataType dataType : TYPES) {
                    for (int rows : rows()) {
                        for (int width : widths()) {
                            String name = activation.name() + " " + dataType + " [" + rows + ", " + width + "]";
                            tests.add(DynamicTest.dynamicTest(name, () -> activation(activation, dataType, rows, width)));
                        }
                    }
                }
            }
        }
        return tests.stream();
    }

    private static void activation(Activation activation, DataType dataType, int rows, int width) {
        INDArray z = random(dataType, rows, width, -4, 4, rows * 31L + width);
        INDArray gradA = random(dataType, rows, width, -1, 1, rows * 17L + width);
        FastActivation fast = FastActivation.of(activation);
        // forward: the whole buffer in use (bulk branch when large) and one row short of it (the loops)
        INDArray a = activation.forward(z);
        Matrix za = Matrix.of(z.dup('c'));
        fast.forward(za, rows);
        compare("forward", a, za.array(), dataType);
        if (rows > 1) {
            Matrix partial = Matrix.of(z.dup('c'));
            fast.forward(partial, rows - 1);
            compare("forward of the first rows", a.getRows(range(rows - 1)), partial.array().getRows(range(rows - 1)),
                    dataType);
        }
        // backward
        INDArray gradZ = activation.backward(z, a, gradA);
        Matrix grad = Matrix.of(gradA.dup('c'));
        fast.backward(Matrix.of(z.dup('c')), Matrix.of(a.dup('c')), grad, rows);
        compare("backward", gradZ, grad.array(), dataType);
    }

    @TestFactory
    Stream<DynamicTest> lossesValueAndGradient() {
        List<DynamicTest> tests = new ArrayList<>();
        for (LossOp op : OpTable.LOSSES) {
            for (Loss loss : instances(op)) {
                for (DataType dataType : TYPES) {
                    for (int rows : rows()) {
                        for (int width : widths()) {
                            String name = loss.name() + " " + dataType + " [" + rows + ", " + width + "]";
                            tests.add(DynamicTest.dynamicTest(name, () -> loss(op, loss, dataType, rows, width)));
                        }
                    }
                }
            }
        }
        return tests.stream();
    }

    /** The op's instance and, for a loss with a parameter (a constructor of one double), one more with 0.1. */
    private static List<Loss> instances(LossOp op) {
        try {
            return List.of(op.loss(), op.spec().getConstructor(double.class).newInstance(0.1));
        } catch (NoSuchMethodException e) {
            return List.of(op.loss());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void loss(LossOp op, Loss loss, DataType dataType, int rows, int width) {
        INDArray p = random(dataType, rows, width, 0.01, 0.99, rows * 7L + width);
        INDArray y = random(dataType, rows, width, 0, 1, rows * 13L + width);
        LossKernel kernel = op.kernel().apply(loss);
        double fast = kernel.value(Matrix.of(p.dup('c')).values, Matrix.of(y.dup('c')).values, rows);
        // the kernel adds in float64 and rounds once; the float32 reference adds a million float32
        // terms in float32, which drifts by up to about 1e-3 of the sum: so the value is held to the
        // reference evaluated in float64 on the same inputs, and loosely to the float32 reference
        double exact = loss.value(p.castTo(DataType.DOUBLE), y.castTo(DataType.DOUBLE));
        double scale = Math.max(1, Math.abs(exact));
        assertEquals(exact, fast, tolerance(dataType) * scale, loss.name() + " value against the float64 reference");
        double reference = loss.value(p, y);
        assertEquals(reference, fast, (dataType == DataType.FLOAT ? 2e-3 : 1e-12) * scale, loss.name() + " value");
        INDArray gradient = loss.gradient(p, y);
        Matrix grad = Matrix.create(dataType, rows, width);
        kernel.gradient(Matrix.of(p.dup('c')).values, Matrix.of(y.dup('c')).values, grad.values, rows);
        compare("gradient", gradient, grad.array(), dataType);
    }

    /** The fused softmax + cross-entropy pair, on one-hot rows and on rows that do not sum to 1. */
    @TestFactory
    Stream<DynamicTest> softmaxCrossEntropyPair() {
        List<DynamicTest> tests = new ArrayList<>();
        for (DataType dataType : TYPES) {
            for (int rows : rows()) {
                for (int width : widths()) {
                    tests.add(DynamicTest.dynamicTest(dataType + " [" + rows + ", " + width + "]", () -> {
                        INDArray p = Activation.SOFTMAX.forward(random(dataType, rows, width, -3, 3, rows + width));
                        INDArray y = random(dataType, rows, width, 0, 1, rows * 3L + width);
                        INDArray reference = SoftmaxCrossEntropy.gradient(p, y);
                        Matrix fast = Matrix.create(dataType, rows, width);
                        SoftmaxCrossEntropyKernel.gradient(Matrix.of(p.dup('c')).values, Matrix.of(y.dup('c')).values,
                                fast.values, rows);
                        compare("fused gradient", reference, fast.array(), dataType);
                    }));
                }
            }
        }
        return tests.stream();
    }

    private static int[] range(int n) {
        int[] indexes = new int[n];
        for (int i = 0; i < n; i++) {
            indexes[i] = i;
        }
        return indexes;
    }

    /** Inputs drawn once per shape, type, range and seed, and shared by every op's cases (each case copies what it changes). */
    private static final Map<String, INDArray> INPUTS = new ConcurrentHashMap<>();

    static INDArray random(DataType dataType, int rows, int columns, double lo, double hi, long seed) {
        String key = dataType + " " + rows + " " + columns + " " + lo + " " + hi + " " + seed;
        return INPUTS.computeIfAbsent(key, k -> {
            Random random = new Random(seed);
            double[] values = new double[rows * columns];
            for (int i = 0; i < values.length; i++) {
                values[i] = lo + (hi - lo) * random.nextDouble();
            }
            return Nd4j.create(values, new long[] {rows, columns}, DataType.DOUBLE).castTo(dataType);
        });
    }

    /** Element by element, relative to the larger of 1 and the reference value. */
    private static void compare(String what, INDArray reference, INDArray fast, DataType dataType) {
        double[] expected = reference.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        double[] actual = fast.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        assertEquals(expected.length, actual.length, what + ": sizes differ");
        double tolerance = tolerance(dataType);
        for (int i = 0; i < expected.length; i++) {
            double error = Math.abs(expected[i] - actual[i]) / Math.max(1, Math.abs(expected[i]));
            if (!(error <= tolerance) && !(Double.isNaN(expected[i]) && Double.isNaN(actual[i]))) {
                fail(what + ": element " + i + " reference " + expected[i] + " fast " + actual[i]);
            }
        }
    }
}
