package dev.scratchnet.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scratchnet.Activation;
import dev.scratchnet.Network;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve}'s refusals that come from the server's start — it binds a real socket, so it loads the
 * HTTP server and JSON stack, most of a second of a unit tier's JVM: a busy port, an address of another
 * machine. The refusals that come before it are in {@link CommandLineTest}.
 */
class ServeRefusalsIT {

    @TempDir
    Path dir;

    @Test
    void serveNamesABusyPortAndWhatToDo() throws IOException {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();

            CommandRun run = CommandRun.of("serve", "--model", untrainedModel().toString(), "--port", "" + port);

            assertEquals(1, run.status());
            assertTrue(run.err().contains("cannot listen on 127.0.0.1:" + port + ": port " + port + " is in use by another program")
                    && run.err().contains("choose another port with --port"), run.err());
        }
    }

    @Test
    void serveNamesAnAddressThatIsNotThisMachines() throws IOException {
        // TEST-NET-1 (RFC 5737): never assigned to a machine
        CommandRun run = CommandRun.of("serve", "--model", untrainedModel().toString(), "--port", "0", "--host", "192.0.2.1");

        assertEquals(1, run.status());
        assertTrue(run.err().contains("cannot listen on 192.0.2.1:0") && run.err().contains("must be an address of this machine"),
                run.err());
    }

    /** A digits-shaped model (64 inputs, 10 classes) saved without training: the refusals come before predicting. */
    private Path untrainedModel() throws IOException {
        Path model = dir.resolve("model.zip");
        Network.builder().seed(1).input(64).dense(10, Activation.SOFTMAX).build().save(model);
        return model;
    }
}
