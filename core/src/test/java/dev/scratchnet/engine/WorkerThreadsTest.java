package dev.scratchnet.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.scratchnet.Activation;
import dev.scratchnet.Datasets;
import dev.scratchnet.DataSet;
import dev.scratchnet.Fit;
import dev.scratchnet.Loss;
import dev.scratchnet.Network;
import dev.scratchnet.Optimizer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The helper threads of a shared training batch end when they are interrupted while they wait, as
 * {@code mvn exec:java} interrupts the threads left after {@code main} (and waits 15 s for those that
 * stay), and the next fit starts new ones and trains as before.
 */
// runs alone while other classes run in parallel (junit-platform.properties): it counts the JVM's live threads
@Isolated
class WorkerThreadsTest {

    private static List<Thread> trainingHelpers() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("scratchnet-training-")).toList();
    }

    private static Network fitOnTwoThreads(DataSet data) {
        Network net = Network.builder().seed(1).threads(2).input(64)
                .dense(64, Activation.RELU).dense(10, Activation.SOFTMAX).build();
        net.fit(data, Fit.builder().loss(Loss.CROSS_ENTROPY).optimizer(Optimizer.sgd(0.1))
                .epochs(1).batchSize(64).build());
        return net;
    }

    @Test
    void helpersEndWhenInterruptedAndComeBackForTheNextFit() throws InterruptedException {
        DataSet data = Datasets.digits().scale(1 / 16.0);
        Network first = fitOnTwoThreads(data);
        List<Thread> helpers = trainingHelpers();
        assertFalse(helpers.isEmpty(), "a fit on two threads started a helper");

        for (Thread helper : helpers) {
            helper.interrupt();
        }
        for (Thread helper : helpers) {
            helper.join(5_000);
            assertFalse(helper.isAlive(), helper.getName() + " ended after its interrupt");
        }

        Network second = fitOnTwoThreads(data);
        assertFalse(trainingHelpers().isEmpty(), "the next fit started a helper again");
        assertEquals(first.layer(0).parameters().get(0).value(), second.layer(0).parameters().get(0).value(),
                "the same fit trains the same weights with new helpers");
    }
}
