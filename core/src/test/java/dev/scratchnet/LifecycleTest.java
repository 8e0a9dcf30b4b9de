package dev.scratchnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;

/** How a fit starts, stops and shares its network with other threads. */
class LifecycleTest {

    private static Network digitsNetwork() {
        return Network.builder().seed(1).dense(64, 15, Activation.RELU).dense(15, 10, Activation.SOFTMAX).build();
    }

    /** Every weight and bias of {@code net}, in order, as one string: equal strings, equal states. */
    private static String state(Network net) {
        StringBuilder all = new StringBuilder();
        for (Layer layer : net.layers()) {
            for (Parameter parameter : layer.parameters()) {
                all.append(Arrays.toString(parameter.value().dup().data().asFloat())).append('|');
            }
        }
        return all.toString();
    }

    @Test
    void anInterruptedFitStopsBeforeTheNextBatchKeepsTheFlagAndTheLastBatchsWeights() {
        Network net = digitsNetwork();
        AtomicReference<String> afterThirdBatch = new AtomicReference<>();
        TrainingListener interruptAfterThree = new TrainingListener() {
            private int batches;

            @Override
            public void onEpochEnd(EpochResult result) {
            }

            @Override
            public boolean wantsBatches() {
                return true;
            }

            @Override
            public void onBatchEnd(BatchResult batch) {
                if (++batches == 3) {
                    afterThirdBatch.set(state(net));
                    Thread.currentThread().interrupt();
                }
            }
        };
        TrainingHistory history = net.fit(Datasets.digits().scale(1 / 16.0), Fit.builder().loss(Loss.CROSS_ENTROPY)
                .epochs(5).batchSize(16).listener(interruptAfterThree).build());
        assertTrue(Thread.interrupted(), "the interrupt flag is left set (and cleared here)");
        assertEquals(StopReason.INTERRUPTED, history.stopReason());
        assertEquals(1, history.epochs(), "the partial epoch is measured over its three batches");
        assertEquals(afterThirdBatch.get(), state(net));
    }

    @Test
    void aReadyMadeStopListenerStartsAfreshInTheNextFit() {
        Fit fit = Fit.builder().loss(Loss.CROSS_ENTROPY).optimizer(Optimizer.adam(0.01)).epochs(30).batchSize(32)
                .listener(TrainingListener.stopWhen(r -> r.trainAccuracy() > 0.9)).build();
        TrainingHistory first = digitsNetwork().fit(Datasets.digits().scale(1 / 16.0), fit);
        TrainingHistory second = digitsNetwork().fit(Datasets.digits().scale(1 / 16.0), fit);
        assertEquals(StopReason.STOPPED_BY_LISTENER, first.stopReason());
        assertTrue(first.epochs() > 1, "the condition takes a few epochs to be met");
        assertEquals(first.epochs(), second.epochs(), "the second fit is not stopped by the first one's condition");
    }

    @Test
    void aScheduleThatWouldReachARateOfZeroIsRefusedBeforeAnyWeightChanges() {
        Network net = digitsNetwork();
        String before = state(net);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> net.fit(
                Datasets.digits().scale(1 / 16.0), Fit.builder().loss(Loss.CROSS_ENTROPY)
                        .schedule(Schedule.exponentialDecay(1e-200)).epochs(5).build()));
        assertTrue(e.getMessage().startsWith("the schedule gives learning rate 0.0 at epoch 3 of 5"), e.getMessage());
        assertEquals(before, state(net));
    }

    @Test
    void anInitializerThatDrawsNaNIsRefusedAtBuildNamingIt() {
        Initializer broken = new Initializer() {
            @Override
            public void fill(INDArray weights, Random random) {
                weights.assign(Double.NaN);
            }

            @Override
            public String name() {
                return "broken";
            }
        };
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Network.builder().dense(3, 2, Activation.RELU, broken).build());
        assertTrue(e.getMessage().startsWith("dense layer 1 weights drawn by initializer broken hold NaN at row 0 "
                + "column 0"), e.getMessage());
    }

    @Test
    void lossAndEvaluateRefuseOutputsThatOverflowAsPredictDoes() {
        // weights of 10: inputs near float32's largest value overflow to infinity in the first product
        Network net = Network.builder().dense(Nd4j.valueArrayOf(new long[] {2, 2}, 10f), Nd4j.zeros(2),
                Activation.IDENTITY).build();
        DataSet huge = DataSet.of(Nd4j.createFromArray(new float[][] {{3e38f, 3e38f}}),
                Nd4j.createFromArray(new float[][] {{0, 1}}));
        for (Runnable call : List.<Runnable>of(() -> net.loss(huge, Loss.MSE), () -> net.evaluate(huge),
                () -> net.predict(huge.features()))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
            assertTrue(e.getMessage().contains("overflow float32 arithmetic in the network"), e.getMessage());
        }
    }

    /** Saves from another thread during a fit each hold one state the network had between two batches. */
    @Test
    void savesDuringAFitHoldStatesTheNetworkHad(@TempDir Path dir) throws Exception {
        Network net = digitsNetwork();
        Set<String> states = ConcurrentHashMap.newKeySet();
        states.add(state(net));
        // the fit waits at its tenth batch until two saves are done, so saves happen during the fit even on a
        // loaded machine where the fit could otherwise end before the first save
        CountDownLatch twoSaved = new CountDownLatch(2);
        TrainingListener recorder = new TrainingListener() {
            private int batches;

            @Override
            public void onEpochEnd(EpochResult result) {
            }

            @Override
            public boolean wantsBatches() {
                return true;
            }

            @Override
            public void onBatchEnd(BatchResult batch) {
                states.add(state(net));
                if (++batches == 10) {
                    try {
                        twoSaved.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        };
        AtomicBoolean done = new AtomicBoolean();
        Thread trainer = new Thread(() -> {
            net.fit(Datasets.digits().scale(1 / 16.0), Fit.builder().loss(Loss.CROSS_ENTROPY).epochs(1).batchSize(16)
                    .listener(recorder).build());
            done.set(true);
        });
        trainer.start();
        List<Path> saved = new ArrayList<>();
        for (int i = 0; !done.get() && i < 200; i++) {
            Path file = dir.resolve("during-" + i + ".zip");
            net.save(file);
            saved.add(file);
            twoSaved.countDown();
        }
        trainer.join(60_000);
        assertFalse(trainer.isAlive());
        assertTrue(saved.size() > 1, "saved " + saved.size() + " times during the fit");
        for (Path file : saved) {
            assertTrue(states.contains(state(Network.load(file))), file + " holds weights the network never had");
            Files.delete(file);
        }
    }
}
