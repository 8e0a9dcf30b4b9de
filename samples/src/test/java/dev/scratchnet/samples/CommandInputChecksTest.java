package dev.scratchnet.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scratchnet.Activation;
import dev.scratchnet.Network;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commands check their options and output folder before loading data or training, and their
 * errors about input files name the file (and the line, for CSV, as the file counts lines).
 */
class CommandInputChecksTest {

    @TempDir
    Path dir;

    private Path model;

    @BeforeEach
    void saveAModel() throws IOException {
        model = dir.resolve("model.zip");
        Network.builder().seed(1).dense(64, 10, Activation.SOFTMAX).build().save(model);
    }

    @Test
    void digitsWithAnOutputThatIsAFileFailsBeforeLoadingOrTraining() throws IOException {
        Path file = Files.writeString(dir.resolve("taken"), "mine");

        CommandRun run = CommandRun.of("digits", "--epochs", "1", "--output", file.toString());

        assertEquals(1, run.status());
        assertTrue(run.err().contains("--output must be a folder (it receives model.zip, history.csv, history.png, "
                + "confusion.png, misclassified.png), but " + file + " is a file"), run.err());
        assertFalse(run.out().contains("digits:"), "no data was loaded: " + run.out());
        assertEquals("mine", Files.readString(file));
    }

    @Test
    void mnistChecksItsOptionsBeforeReadingTheData() {
        CommandRun run = CommandRun.of("mnist", "--data", dir.resolve("absent").toString(), "--epochs", "0");

        assertEquals(1, run.status());
        assertTrue(run.err().contains("--epochs must be > 0, was 0"), run.err());
    }

    @Test
    void mnistChecksItsOutputFolderBeforeReadingTheData() throws IOException {
        Path file = Files.writeString(dir.resolve("file"), "x");

        CommandRun run = CommandRun.of("mnist", "--data", dir.toString(), "--output", file.resolve("sub").toString());

        assertEquals(1, run.status());
        assertTrue(run.err().contains("cannot be created because " + file + " is a file"), run.err());
    }

    @Test
    void predictWithAFolderAsModelNamesTheFileInside() {
        CommandRun run = CommandRun.of("predict", "--model", dir.toString(), "--csv", "/dev/null");

        assertEquals(1, run.status());
        assertTrue(run.err().contains("--model expects a model file such as model.zip, but " + dir
                + " is a folder; try --model " + dir.resolve("model.zip")), run.err());
    }

    @Test
    void exportWithAFolderWithoutAModelSaysWhereModelsAreWritten() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));

        CommandRun run = CommandRun.of("export", "--model", empty.toString(), "--onnx", dir.resolve("m.onnx").toString());

        assertEquals(1, run.status());
        assertTrue(run.err().contains(empty + " is a folder (digits, mnist and train write model.zip into their "
                + "--output folder)"), run.err());
    }

    @Test
    void aTruncatedPngIsNamed() throws IOException {
        Path png = dir.resolve("digit.png");
        ImageIO.write(new BufferedImage(40, 40, BufferedImage.TYPE_INT_RGB), "png", png.toFile());
        byte[] bytes = Files.readAllBytes(png);
        Files.write(png, Arrays.copyOf(bytes, bytes.length / 2));

        CommandRun run = CommandRun.of("predict", "--model", model.toString(), "--image", png.toString());

        assertEquals(1, run.status());
        assertTrue(run.err().startsWith("scratchnet: " + png + ": cannot read the image ("), run.err());
    }

    @Test
    void aPngDeclaringHugeDimensionsIsRefusedBeforeDecoding() throws IOException {
        Path png = dir.resolve("huge.png");
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", png.toFile());
        byte[] bytes = Files.readAllBytes(png);
        // IHDR starts at byte 8: length (4), "IHDR" (4), width (4), height (4), 5 more bytes, then its CRC
        ByteBuffer.wrap(bytes, 16, 8).putInt(20000).putInt(20000);
        CRC32 crc = new CRC32();
        crc.update(bytes, 12, 17);
        ByteBuffer.wrap(bytes, 29, 4).putInt((int) crc.getValue());
        Files.write(png, bytes);

        CommandRun run = CommandRun.of("predict", "--model", model.toString(), "--image", png.toString());

        assertEquals(1, run.status());
        assertTrue(run.err().contains(png + ": the image declares 20000×20000 = 400000000 pixels; at most 67108864 "
                + "are read (raise the limit with -Dscratchnet.image.maxPixels=N)"), run.err());
    }

    @Test
    void aNonFiniteCsvValueIsNamedWithFileLineAndColumn() throws IOException {
        String row = "0," .repeat(63) + "0\n";
        Path csv = Files.writeString(dir.resolve("rows.csv"), "header\n\n" + row + row.replaceFirst("0", "NaN"));

        CommandRun run = CommandRun.of("predict", "--model", model.toString(), "--csv", csv.toString());

        assertEquals(1, run.status());
        assertTrue(run.err().contains(csv + " line 4 column 0: expected a finite number, found NaN"), run.err());
    }

    @Test
    void aCsvRowThePredictionRefusesIsNamedByItsFileRowAndLine() throws IOException {
        String row = "0," .repeat(63) + "0\n";
        Path csv = Files.writeString(dir.resolve("big.csv"), row + "\n" + row.replaceFirst("0", "3e38").replace(",0", ",3e38"));

        CommandRun run = CommandRun.of("predict", "--model", model.toString(), "--csv", csv.toString());

        assertEquals(1, run.status());
        assertTrue(run.err().contains("row 1 is " + csv + " row 2 (line 3))"), run.err());
    }

    @Test
    void aDeviceGivenAsCsvIsRefused() {
        if (!Files.exists(Path.of("/dev/zero"))) {
            return;
        }
        CommandRun run = CommandRun.of("predict", "--model", model.toString(), "--csv", "/dev/zero");

        assertEquals(1, run.status());
        assertTrue(run.err().contains("/dev/zero is not a regular file"), run.err());
    }
}
