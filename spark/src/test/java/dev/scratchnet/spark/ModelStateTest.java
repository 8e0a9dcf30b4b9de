package dev.scratchnet.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scratchnet.Optimizer;
import dev.scratchnet.OptimizerState;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** The state averaging moves: in the network's number type, read and written without loss, averaged in order. */
class ModelStateTest {

    @Test
    void aFloat32StateTravelsAsFourBytesANumberAndComesBackUnchanged() {
        List<INDArray> arrays = List.of(Nd4j.rand(DataType.FLOAT, 3, 4), Nd4j.rand(DataType.FLOAT, 1, 4),
                Nd4j.rand(DataType.FLOAT, 5));
        List<INDArray> before = arrays.stream().map(INDArray::dup).toList();

        ModelState state = ModelState.of(arrays, true, 7);
        arrays.forEach(array -> array.assign(0));
        state.writeTo(arrays);

        assertEquals(21 * 4, state.values().length);
        assertEquals(21, state.length());
        assertEquals(7, state.optimizerSteps());
        for (int i = 0; i < arrays.size(); i++) {
            assertEquals(before.get(i), arrays.get(i), "array " + i);
        }
    }

    @Test
    void viewsAndFloat64ArraysAreReadInRowMajorOrder() {
        INDArray whole = Nd4j.arange(0, 12).castTo(DataType.DOUBLE).reshape('c', 3, 4);
        INDArray view = whole.get(NDArrayIndex.interval(1, 3), NDArrayIndex.all());
        INDArray columnMajor = Nd4j.create(new double[] {1, 2, 3, 4}, new long[] {2, 2}, 'f');

        double[] flat = FlatParameters.read(List.of(view, columnMajor));
        ModelState state = ModelState.of(List.of(view, columnMajor), false, 0);

        assertArrayEquals(new double[] {4, 5, 6, 7, 8, 9, 10, 11, 1, 3, 2, 4}, flat);
        view.assign(0);
        columnMajor.assign(0);
        state.writeTo(List.of(view, columnMajor));
        assertArrayEquals(new double[] {4, 5, 6, 7, 8, 9, 10, 11, 1, 3, 2, 4},
                FlatParameters.read(List.of(view, columnMajor)));
        assertEquals(0, whole.getDouble(0, 0), "the rows outside the view are left alone");
    }

    @Test
    void averagingWeighsEachPartitionByItsRowsInFloat64AndRoundsOnce() {
        ModelState first = ModelState.of(new double[] {1, 0.1f}, true, 3);
        ModelState second = ModelState.of(new double[] {4, 0.2f}, true, 5);

        ModelState mean = AveragingTraining.average(List.of(new RoundShare(100, 0, 0, first, 0, 0),
                RoundShare.none(), new RoundShare(300, 0, 0, second, 0, 0)), true);

        double[] sum = new double[2];
        mean.addScaledTo(1, sum);
        assertEquals((float) (0.25 * 1 + 0.75 * 4), sum[0]);
        assertEquals((float) (0.25 * (double) 0.1f + 0.75 * (double) 0.2f), (float) sum[1]);
        assertEquals(5, mean.optimizerSteps(), "the partitions' largest step count");
    }

    @Test
    void averagingAStateLongerThanAConversionBlockGivesEveryNumbersWeightedSum() {
        // 40 000 numbers: more than one of the blocks the conversion reads at a time, and a last part block
        int length = 40_000;
        for (boolean float32 : new boolean[] {true, false}) {
            double[] a = new double[length];
            double[] b = new double[length];
            java.util.Random random = new java.util.Random(7);
            for (int i = 0; i < length; i++) {
                a[i] = float32 ? (float) random.nextGaussian() : random.nextGaussian();
                b[i] = float32 ? (float) random.nextGaussian() : random.nextGaussian();
            }
            ModelState mean = AveragingTraining.average(List.of(new RoundShare(1, 0, 0, ModelState.of(a, float32, 1), 0, 0),
                    new RoundShare(3, 0, 0, ModelState.of(b, float32, 1), 0, 0)), float32);
            java.nio.ByteBuffer bytes = java.nio.ByteBuffer.wrap(mean.values()).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < length; i++) {
                double expected = 0.25 * a[i] + 0.75 * b[i];
                if (float32) {
                    assertEquals((float) expected, bytes.getFloat(i * Float.BYTES), "number " + i);
                } else {
                    assertEquals(expected, bytes.getDouble(i * Double.BYTES), "number " + i);
                }
            }
        }
    }

    @Test
    void anOptimizersMomentsAreInTheState() {
        INDArray weights = Nd4j.rand(DataType.FLOAT, 2, 3);
        OptimizerState adam = Optimizer.adam(1e-3).start(List.of(new dev.scratchnet.Parameter("w", weights,
                Nd4j.ones(DataType.FLOAT, 2, 3), true)));
        adam.step(1e-3);

        ModelState state = ModelState.of(AveragingTraining.stateArrays(List.of(new dev.scratchnet.Parameter("w",
                weights, Nd4j.zeros(DataType.FLOAT, 2, 3), true)), adam), true, adam.steps());

        assertEquals(6 * (1 + adam.arrays().size()), state.length());
        assertEquals(1, state.optimizerSteps());
    }
}
