package dev.scratchnet;

import dev.scratchnet.data.CsvReader;
import dev.scratchnet.data.IdxReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Small files that ask for huge allocations, run in a child JVM with a small heap by
 * {@link SmallHeapIT}: prints {@code refused: MESSAGE} for a clear refusal and exits 0, or exits
 * non-zero with what happened instead (an {@link OutOfMemoryError} above all).
 */
public final class SmallHeapProbe {

    private SmallHeapProbe() {
    }

    /** {@code args[0]}: the case; {@code args[1]}: a folder for its files. */
    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args[1]);
        try {
            run(args[0], directory);
            System.out.println("accepted");
            System.exit(3);
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            System.out.println("refused: " + e.getMessage());
        }
    }

    private static void run(String name, Path directory) throws IOException {
        switch (name) {
            case "idx-gzip-bomb" -> {
                Path file = directory.resolve("images.gz");
                try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
                    out.write(ByteBuffer.allocate(16).putInt(IdxReader.IMAGES_MAGIC).putInt(60_000).putInt(28).putInt(28)
                            .array());
                    byte[] zeros = new byte[1 << 20];
                    for (int i = 0; i < 384; i++) {
                        out.write(zeros);
                    }
                }
                IdxReader.images(file);
            }
            case "csv-label" -> CsvReader.read(Files.writeString(directory.resolve("l.csv"), "x,y\n0.5,1000000000\n"), -1);
            case "csv-dev-zero" -> CsvReader.read(Path.of("/dev/zero"), -1);
            case "csv-long-line" -> {
                Path file = directory.resolve("long.csv");
                try (OutputStream out = Files.newOutputStream(file)) {
                    byte[] chunk = "1,".repeat(1 << 19).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                    for (int i = 0; i < 40; i++) { // 40 MiB without a line break
                        out.write(chunk);
                    }
                }
                CsvReader.read(file, -1);
            }
            case "evaluation-classes" -> Evaluation.of(new int[] {0}, new int[] {0}, 1_000_000);
            case "one-hot" -> DataSet.ofClasses(org.nd4j.linalg.factory.Nd4j.ones(20_000, 2), new int[20_000], 9_000);
            default -> throw new IllegalStateException("no case " + name);
        }
    }
}
