package dev.scratchnet.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scratchnet.Activation;
import dev.scratchnet.Network;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** A save that fails half-way leaves the earlier file byte for byte, and no temporary file behind. */
class FailedWriteTest {

    @TempDir
    Path directory;

    /** Passes bytes on until {@code limit} have gone through, then fails as a full disk would. */
    private static final class FailingStream extends FilterOutputStream {
        private final long limit;
        private long written;

        FailingStream(OutputStream out, long limit) {
            super(out);
            this.limit = limit;
        }

        @Override
        public void write(int b) throws IOException {
            if (written++ >= limit) {
                throw new IOException("no space left on device (injected after " + limit + " bytes)");
            }
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            for (int i = 0; i < len; i++) {
                write(b[off + i]);
            }
        }
    }

    private static Network network(long seed) {
        return Network.builder().seed(seed).dense(30, 20, Activation.TANH).dense(20, 4, Activation.SOFTMAX).build();
    }

    private List<String> files() throws IOException {
        try (var files = Files.list(directory)) {
            return files.map(path -> path.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void aModelSaveFailingHalfWayLeavesTheEarlierModel() throws IOException {
        Path file = directory.resolve("model.zip");
        Network earlier = network(1);
        earlier.save(file);
        byte[] before = Files.readAllBytes(file);

        IOException e = assertThrows(IOException.class,
                () -> ModelFile.save(network(2), file, out -> new FailingStream(out, before.length / 2)));

        assertTrue(e.getMessage().contains("injected after"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals(List.of("model.zip"), files());
        var x = Nd4j.rand(DataType.FLOAT, 5, 30);
        assertEquals(earlier.predict(x), Network.load(file).predict(x));
    }

    @Test
    void aWriteFailingHalfWayLeavesNoFileWhereThereWasNone() {
        Path file = directory.resolve("new.bin");

        assertThrows(IOException.class, () -> AtomicFile.write(file, out -> {
            out.write(new byte[1000]);
            throw new IOException("injected");
        }));

        assertTrue(Files.notExists(file));
    }

    @Test
    void aRuntimeFailureHalfWayAlsoLeavesTheEarlierFile() throws IOException {
        Path file = directory.resolve("data.bin");
        Files.write(file, new byte[] {1, 2, 3});

        assertThrows(IllegalStateException.class, () -> AtomicFile.write(file, out -> {
            out.write(new byte[] {9, 9});
            throw new IllegalStateException("injected");
        }));

        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(file));
        assertEquals(List.of("data.bin"), files());
    }
}
