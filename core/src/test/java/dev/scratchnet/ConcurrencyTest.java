package dev.scratchnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Predictions from many threads at once equal the single-threaded ones; a second trainer is refused. */
class ConcurrencyTest {

    private static final int THREADS = 8;
    /**
     * Calls per thread: the fast backend's per-thread buffers are what races could corrupt, so it gets most.
     * The unit tier makes a short run; {@link ConcurrencyStressIT} the long one. Eight calls a thread still
     * predict each of the 24 inputs from some thread (thread t starts at input 5t) while the others run.
     */
    int callsPerThread(String engine) {
        return engine.equals("fast") ? 100 : 8;
    }

    private static Network trained(String engine) {
        DataSet data = Datasets.digits().scale(1 / 16.0).split(0.2, 1).test();
        Network net = Network.builder().seed(4).backend(Engines.backend(engine)).dense(64, 32, Activation.RELU).dense(32, 10, Activation.SOFTMAX).build();
        net.fit(data, Fit.builder().loss(Loss.CROSS_ENTROPY).optimizer(Optimizer.sgd(0.5)).epochs(1).batchSize(16).build());
        return net;
    }

    @ParameterizedTest
    @ValueSource(strings = {"fast", "reference"})
    void predictFromEightThreadsGivesTheSingleThreadedAnswers(String engine) throws Exception {
        Network net = trained(engine);
        INDArray digits = Datasets.digits().scale(1 / 16.0).features();
        // batches of different sizes, so that per-thread buffers are resized between calls
        List<INDArray> inputs = new ArrayList<>();
        List<INDArray> expected = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            int rows = 1 + (i * 7) % 40;
            INDArray x = digits.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(i * 50, i * 50 + rows),
                    org.nd4j.linalg.indexing.NDArrayIndex.all()).dup();
            inputs.add(x);
            expected.add(net.predict(x));
        }
        int calls = callsPerThread(engine);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int offset = t;
            results.add(pool.submit(() -> {
                start.await();
                int mismatches = 0;
                for (int call = 0; call < calls; call++) {
                    int i = (call + offset * 5) % inputs.size();
                    if (!expected.get(i).equals(net.predict(inputs.get(i)))) {
                        mismatches++;
                    }
                }
                return mismatches;
            }));
        }
        start.countDown();
        int mismatches = 0;
        for (Future<Integer> result : results) {
            mismatches += result.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertEquals(0, mismatches, "answers that differ from the single-threaded ones, out of "
                + THREADS * calls);
    }

    @Test
    void aSecondFitOrGradientsWhileOneRunsIsRefusedAndChangesNothing() throws Exception {
        DataSet data = Datasets.xor();
        Network net = Network.builder().seed(1).dense(2, 4, Activation.TANH).dense(4, 1, Activation.SIGMOID).build();
        Hold holdAtFirstEpoch = new Hold();
        Fit fit = Fit.builder().loss(Loss.MSE).optimizer(Optimizer.sgd(0.5)).epochs(3).batchSize(4)
                .listener(holdAtFirstEpoch).build();
        Thread first = new Thread(() -> net.fit(data, fit), "first-trainer");
        first.start();
        assertTrue(holdAtFirstEpoch.inside.await(30, TimeUnit.SECONDS));
        // the first fit waits before its first batch, so the weights stand still while we knock
        List<INDArray> before = Weights.of(net);
        Fit plain = Fit.builder().loss(Loss.MSE).epochs(1).build();

        IllegalStateException refusedFit = assertThrows(IllegalStateException.class, () -> net.fit(data, plain));
        IllegalStateException refusedGradients = assertThrows(IllegalStateException.class,
                () -> net.gradients(data.features(), data.targets(), Loss.MSE));

        Weights.assertUnchanged(before, net, "the refused calls");
        assertTrue(refusedFit.getMessage().contains("fit was called while thread \"first-trainer\" is running fit"),
                refusedFit.getMessage());
        assertTrue(refusedGradients.getMessage().contains("gradients was called while thread \"first-trainer\""),
                refusedGradients.getMessage());
        holdAtFirstEpoch.release.countDown();
        first.join(30_000);
        net.fit(data, plain); // free again once the first fit is over
    }

    /** An optimizer is settings: one Fit shared by two trainings at once gives each its own state. */
    @Test
    void twoNetworksTrainingAtOnceWithOneFitEachTrainAsAlone() throws Exception {
        Hold hold = new Hold();
        Fit shared = Fit.builder().loss(Loss.MSE).optimizer(Optimizer.adam(0.01)).epochs(3).build();
        Fit held = Fit.builder().loss(Loss.MSE).optimizer(shared.optimizer()).epochs(3).listener(hold).build();
        Network first = Network.builder().seed(1).dense(2, 3, Activation.TANH).dense(3, 1, Activation.SIGMOID).build();
        Network second = Network.builder().seed(2).dense(2, 3, Activation.TANH).dense(3, 1, Activation.SIGMOID).build();
        Thread thread = new Thread(() -> first.fit(Datasets.xor(), held), "shared-optimizer");
        thread.start();
        assertTrue(hold.inside.await(30, TimeUnit.SECONDS));
        // the second training runs all its epochs while the first one holds its Adam state mid-way
        second.fit(Datasets.xor(), shared);
        hold.release.countDown();
        thread.join(30_000);

        Network firstAlone = Network.builder().seed(1).dense(2, 3, Activation.TANH).dense(3, 1, Activation.SIGMOID).build();
        Network secondAlone = Network.builder().seed(2).dense(2, 3, Activation.TANH).dense(3, 1, Activation.SIGMOID).build();
        firstAlone.fit(Datasets.xor(), shared);
        secondAlone.fit(Datasets.xor(), shared);
        assertEquals(Weights.of(firstAlone), Weights.of(first));
        assertEquals(Weights.of(secondAlone), Weights.of(second));
    }

    /** A Fit reused for a second training starts from fresh optimizer state and the configured rate. */
    @Test
    void aFitReusedTrainsTheSecondNetworkAsAFreshFitWould() {
        Fit reused = Fit.builder().loss(Loss.MSE).optimizer(Optimizer.momentum(0.5, 0.9)).epochs(4)
                .schedule(Schedule.stepDecay(2, 0.5)).build();
        Network warmUp = Network.builder().seed(1).dense(2, 3, Activation.TANH).dense(3, 1, Activation.SIGMOID).build();
        warmUp.fit(Datasets.xor(), reused);
        Network second = Network.builder().seed(5).dense(2, 3, Activation.TANH).dense(3, 1, Activation.SIGMOID).build();
        TrainingHistory history = second.fit(Datasets.xor(), reused);
        Network fresh = Network.builder().seed(5).dense(2, 3, Activation.TANH).dense(3, 1, Activation.SIGMOID).build();
        fresh.fit(Datasets.xor(), Fit.builder().loss(Loss.MSE).optimizer(Optimizer.momentum(0.5, 0.9)).epochs(4)
                .schedule(Schedule.stepDecay(2, 0.5)).build());
        assertEquals(Weights.of(fresh), Weights.of(second));
        assertEquals(0.5, history.learningRate()[0]);
        assertEquals(0.5, reused.optimizer().learningRate(), "the configured rate is untouched");
    }

    @Test
    void aListenerStartingAnotherFitOnItsNetworkIsRefused() {
        Network net = Network.builder().seed(1).dense(2, 3, Activation.TANH).dense(3, 1, Activation.SIGMOID).build();
        AtomicReference<IllegalStateException> refused = new AtomicReference<>();
        TrainingListener nested = result -> {
            try {
                net.fit(Datasets.xor(), Fit.builder().loss(Loss.MSE).epochs(1).build());
            } catch (IllegalStateException e) {
                refused.set(e);
            }
        };

        net.fit(Datasets.xor(), Fit.builder().loss(Loss.MSE).epochs(1).listener(nested).build());

        assertNotNull(refused.get());
        assertTrue(refused.get().getMessage().contains("this thread is already training"), refused.get().getMessage());
    }

    /** Holds a fit at the start of each epoch until released, to test calls made while it runs. */
    private static final class Hold implements TrainingListener {
        final CountDownLatch inside = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public void onEpochStart(EpochStart start) {
            inside.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void onEpochEnd(EpochResult result) {
        }
    }
}
