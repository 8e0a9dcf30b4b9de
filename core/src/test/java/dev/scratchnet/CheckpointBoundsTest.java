package dev.scratchnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoints are read with bounds, as model files are: a small file that inflates to much more is refused. */
class CheckpointBoundsTest {

    @TempDir
    Path dir;

    @Test
    void aMissingCheckpointIsNamedAsMissing() {
        Path missing = dir.resolve("checkpoint-0000000005.zip");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Checkpoint.read(missing));

        assertEquals("cannot read checkpoint " + missing + ": there is no such file", e.getMessage());
    }

    @Test
    void aCheckpointJsonThatInflatesBeyondTheLimitIsRefusedBeforeItIsRead() throws IOException {
        // 20 MiB of spaces deflate to about 20 KB
        Path bomb = zip("checkpoint.json", out -> {
            byte[] spaces = " ".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 20; i++) {
                out.write(spaces);
            }
        });
        assertTrue(Files.size(bomb) < 200_000);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Checkpoint.read(bomb));

        assertEquals("cannot read checkpoint " + bomb + ": checkpoint.json is larger than 16777216 bytes, the most this "
                + "version reads (raise the limit with -Dscratchnet.checkpoint.maxJsonBytes=N)", e.getMessage());
    }

    @Test
    void anArrayDeclaringMoreThanMemoryHoldsIsRefusedFromItsHeader() throws IOException {
        String json = "{\"format\": \"scratchnet-checkpoint\", \"formatVersion\": 1, \"epoch\": 1, \"history\": []}";
        Path file = dir.resolve("big.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            out.putNextEntry(new ZipEntry("checkpoint.json"));
            out.write(json.getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new ZipEntry("weights.0.npy"));
            String header = "{'descr': '<f8', 'fortran_order': False, 'shape': (40000, 40000), }";
            header = header + " ".repeat(63 - (10 + header.length()) % 64) + "\n";
            out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) header.length(), 0});
            out.write(header.getBytes(StandardCharsets.ISO_8859_1));
        }

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Checkpoint.read(file));

        assertTrue(e.getMessage().startsWith("cannot read checkpoint " + file + ": weights.0.npy: "), e.getMessage());
    }

    @Test
    void aFileThatIsNotAZipIsSaidToBeOne() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.zip"), "not a zip");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Checkpoint.read(text));

        assertTrue(e.getMessage().startsWith("cannot read checkpoint " + text + ": not a zip file"), e.getMessage());
    }

    private interface Content {
        void write(OutputStream out) throws IOException;
    }

    private Path zip(String entry, Content content) throws IOException {
        Path file = dir.resolve("bomb.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            out.putNextEntry(new ZipEntry(entry));
            content.write(out);
        }
        return file;
    }
}
