package dev.scratchnet.engine;

import dev.scratchnet.Layer;
import dev.scratchnet.internal.Permutation;
import dev.scratchnet.kernels.LossKernel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What a plan probe times: one batch of random rows and a training path per candidate plan, each
 * step a gradient step of the whole batch. A step writes the layers' dW and db, never their W and b,
 * and runs no dropout, so a probe leaves the network as it found it. Closing frees the paths.
 */
final class ProbeBatch implements AutoCloseable {

    private final List<TrainingPath> paths;
    private final List<Runnable> steps;
    private final int[] order;

    private ProbeBatch(List<TrainingPath> paths, List<Runnable> steps, int[] order) {
        this.paths = paths;
        this.steps = steps;
        this.order = order;
    }

    /**
     * The order in which a probe's rounds run {@code candidates} (indices into them): split rows and
     * split products, then threaded BLAS, then one thread, each group in the candidates' order. After a product on
     * several OpenBLAS threads, OpenBLAS's threads keep waiting for the next one on the other cores for
     * a while; a split batch's helper timed right then would share its core with them, one thread
     * would not.
     */
    static int[] timingOrder(List<PlanChoice> candidates) {
        return IntStream.range(0, candidates.size()).boxed()
                .sorted(Comparator.comparingInt(i -> switch (candidates.get(i).plan()) {
                    case SPLIT_ROWS, SPLIT_PRODUCTS -> 0;
                    case THREADED_BLAS -> 1;
                    case ONE_THREAD -> 2;
                })).mapToInt(Integer::intValue).toArray();
    }

    /** A full batch of {@code capacity} random rows for {@code layers} and a path for each of {@code candidates}. */
    static ProbeBatch of(List<Layer> layers, DataType dataType, List<PlanChoice> candidates, LossKernel kernel,
                         boolean fused, int capacity) {
        Random random = new Random(capacity);
        INDArray x = randomRows(capacity, layers.get(0).nIn(), random, dataType);
        INDArray y = randomRows(capacity, layers.get(layers.size() - 1).nOut(), random, dataType);
        int[] order = Permutation.identity(capacity);
        List<TrainingPath> paths = new ArrayList<>();
        List<Runnable> steps = new ArrayList<>();
        try {
            for (PlanChoice candidate : candidates) {
                TrainingPath path = FastArithmetic.path(layers, dataType, candidate, kernel, fused, capacity, null);
                paths.add(path);
                steps.add(() -> path.gradients(x, y, order, 0, capacity));
            }
        } catch (RuntimeException | Error e) {
            paths.forEach(TrainingPath::release);
            throw e;
        }
        return new ProbeBatch(paths, steps, timingOrder(candidates));
    }

    /** One step of each candidate, in the candidates' order. */
    List<Runnable> steps() {
        return steps;
    }

    /**
     * Times the candidates within {@code budget} ({@link StepTimer}), their steps in the
     * {@link #timingOrder}; what it measured, in the candidates' order.
     */
    StepTimer.Result time(StepTimer.Budget budget) {
        List<Runnable> ordered = new ArrayList<>();
        for (int i : order) {
            ordered.add(steps.get(i));
        }
        StepTimer.Result result = StepTimer.time(ordered, budget);
        long[][] samples = new long[order.length][];
        long[] statistic = new long[order.length];
        for (int k = 0; k < order.length; k++) {
            samples[order[k]] = result.samples()[k];
            statistic[order[k]] = result.statistic()[k];
        }
        return new StepTimer.Result(samples, result.counted(), result.spoiled(), statistic, result.nanos());
    }

    @Override
    public void close() {
        paths.forEach(TrainingPath::release);
    }

    private static INDArray randomRows(int rows, int columns, Random random, DataType dataType) {
        double[] values = new double[rows * columns];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextDouble();
        }
        return Nd4j.create(values, new long[] {rows, columns}, DataType.DOUBLE).castTo(dataType);
    }
}
