package dev.scratchnet.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scratchnet.Activation;
import dev.scratchnet.Network;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Atomic writes: short temporary names whatever the target's, and a message for every failure. */
class AtomicFileTest {

    @TempDir
    Path directory;

    @Test
    void aTargetNameOf250CharactersCanBeSaved() throws IOException {
        Path file = directory.resolve("m".repeat(246) + ".zip");
        Network net = Network.builder().seed(1).dense(2, 2, Activation.TANH).build();
        net.save(file);
        assertArrayEquals(net.layer(0).weights().toFloatMatrix(), Network.load(file).layer(0).weights().toFloatMatrix());
        try (var left = Files.list(directory)) {
            assertEquals(1, left.count());
        }
    }

    @Test
    void aTargetThatCannotBeCreatedIsNamedNotItsTemporaryFile(@TempDir Path dir) {
        Path target = dir.resolve("m".repeat(300) + ".onnx");

        IOException e = assertThrows(IOException.class, () -> AtomicFile.write(target, out -> out.write(1)));

        assertTrue(e.getMessage().startsWith("cannot write " + target + ": File name too long"), e.getMessage());
        assertFalse(e.getMessage().contains(".tmp"), e.getMessage());
    }

    @Test
    void temporaryNamesKeepAtMost32CharactersOfTheTarget() {
        String name = AtomicFile.temporaryName("é".repeat(250));
        assertTrue(name.startsWith("." + "é".repeat(32) + "."), name);
        assertTrue(name.getBytes(StandardCharsets.UTF_8).length < 100, name);
        assertTrue(AtomicFile.temporaryName("model.zip").startsWith(".model.zip."));
    }

    @Test
    void saveOnAnInterruptedThreadSaysSoAndKeepsTheEarlierFileAndTheFlag() throws IOException {
        Path file = directory.resolve("model.zip");
        Files.writeString(file, "earlier");
        Network net = Network.builder().seed(1).dense(2, 2, Activation.TANH).build();
        Thread.currentThread().interrupt();
        try {
            IOException e = assertThrows(IOException.class, () -> net.save(file));
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt flag is kept");
            assertTrue(e instanceof InterruptedIOException, e.toString());
            assertTrue(e.getMessage().contains("cannot write " + file + ": the thread was interrupted"), e.getMessage());
        } finally {
            Thread.interrupted();
        }
        assertEquals("earlier", Files.readString(file));
        try (var left = Files.list(directory)) {
            assertEquals(1, left.count());
        }
    }
}
