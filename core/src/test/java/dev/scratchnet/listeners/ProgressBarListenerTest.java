package dev.scratchnet.listeners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scratchnet.Activation;
import dev.scratchnet.Datasets;
import dev.scratchnet.Fit;
import dev.scratchnet.Loss;
import dev.scratchnet.Network;
import dev.scratchnet.TrainingListener;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressBarListenerTest {

    @Test
    void drawsTheEpochTheBatchesAndTheLoss() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Network net = Network.builder().seed(1).dense(2, 8, Activation.TANH).dense(8, 3, Activation.SOFTMAX).build();

        net.fit(Datasets.spiral(10, 3, 1), Fit.builder().loss(Loss.CROSS_ENTROPY).epochs(2).batchSize(10)
                .listener(TrainingListener.progressBar(out)).build());

        String drawn = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(drawn.contains("epoch 1/2"), drawn);
        assertTrue(drawn.contains("epoch 2/2"), drawn);
        assertTrue(drawn.contains("3/3"), drawn);
        assertTrue(drawn.matches("(?s).*loss \\d\\.\\d{4}.*"), drawn);
    }

    @Test
    void quietWhenAskedOrWithoutATerminal() {
        assertFalse(TrainingListener.progressBar(true).wantsBatches());
        // surefire runs the tests without a terminal
        assertEquals(System.console() != null, TrainingListener.progressBar().wantsBatches());
    }
}
