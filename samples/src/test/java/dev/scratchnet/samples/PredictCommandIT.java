package dev.scratchnet.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scratchnet.Activation;
import dev.scratchnet.DataSet;
import dev.scratchnet.Datasets;
import dev.scratchnet.Fit;
import dev.scratchnet.Loss;
import dev.scratchnet.Network;
import dev.scratchnet.Optimizer;
import dev.scratchnet.Split;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code predict} on images and CSV rows made from held-out digits, against the model's own predictions. */
class PredictCommandIT {

    private static final Pattern LINE = Pattern.compile(
            "(?m)^(.+): (\\d) \\(p (\\d\\.\\d{4})\\), (\\d) \\(p (\\d\\.\\d{4})\\), (\\d) \\(p (\\d\\.\\d{4})\\)$");
    private static final int COUNT = 20;

    @TempDir
    static Path dir;
    static Path model;
    static float[][] pixels;
    static int[] expected;

    @BeforeAll
    static void trainASmallModel() throws IOException {
        Split split = Datasets.digits().scale(1 / 16.0).split(0.8, 1);
        Network net = Network.builder().seed(1).input(64).dense(32, Activation.RELU).dense(10, Activation.SOFTMAX).build();
        net.fit(split.train(), Fit.builder().loss(Loss.CROSS_ENTROPY).optimizer(Optimizer.adam(0.01)).epochs(10).build());
        model = dir.resolve("model.zip");
        net.save(model);
        DataSet test = split.test().batches(COUNT).get(0);
        pixels = test.features().toFloatMatrix();
        expected = net.predictClasses(test.features());
    }

    @Test
    void darkOnLightImagesOfAnySizeAreClassifiedAsTheModelClassifiesTheDigits() throws IOException {
        List<String> args = new ArrayList<>(List.of("predict", "--model", model.toString(), "--image"));
        for (int i = 0; i < COUNT; i++) {
            args.add(writeImage(pixels[i], 10, true, "dark" + i + ".png").toString());
        }

        CommandRun run = CommandRun.of(args.toArray(String[]::new));

        assertEquals(0, run.status(), run.err());
        assertMatches(run.out(), "dark");
    }

    @Test
    void lightOnDarkImagesAreNotInverted() throws IOException {
        List<String> args = new ArrayList<>(List.of("predict", "--model", model.toString(), "--image"));
        for (int i = 0; i < COUNT; i++) {
            args.add(writeImage(pixels[i], 7, false, "light" + i + ".png").toString());
        }

        CommandRun run = CommandRun.of(args.toArray(String[]::new));

        assertEquals(0, run.status(), run.err());
        assertMatches(run.out(), "light");
    }

    @Test
    void csvRowsAfterAHeaderAreClassified() throws IOException {
        StringBuilder csv = new StringBuilder("header line\n");
        for (float[] row : pixels) {
            StringBuilder line = new StringBuilder();
            for (float value : row) {
                line.append(line.length() == 0 ? "" : ",").append(value);
            }
            csv.append(line).append('\n');
        }
        Path file = Files.writeString(dir.resolve("rows.csv"), csv);

        CommandRun run = CommandRun.of("predict", "--model", model.toString(), "--csv", file.toString());

        assertEquals(0, run.status(), run.err());
        Matcher lines = LINE.matcher(run.out());
        for (int i = 0; i < COUNT; i++) {
            assertTrue(lines.find(), run.out());
            assertEquals(file + " row " + (i + 1), lines.group(1));
            assertEquals(expected[i], Integer.parseInt(lines.group(2)), lines.group());
        }
    }

    /** Every line parses, probabilities fall from first to third, and the top class matches the model's. */
    private static void assertMatches(String out, String prefix) {
        Matcher lines = LINE.matcher(out);
        int agree = 0;
        for (int i = 0; i < COUNT; i++) {
            assertTrue(lines.find(), out);
            assertTrue(lines.group(1).endsWith(prefix + i + ".png"), lines.group());
            double p1 = Double.parseDouble(lines.group(3));
            double p2 = Double.parseDouble(lines.group(5));
            double p3 = Double.parseDouble(lines.group(7));
            assertTrue(p1 >= p2 && p2 >= p3 && p1 + p2 + p3 <= 1.0001, lines.group());
            agree += Integer.parseInt(lines.group(2)) == expected[i] ? 1 : 0;
        }
        // the images hold the digits up to 8-bit rounding, and predict crops every image to its ink and
        // fills the 8×8 frame with it (DigitImage), which moves a digit that did not fill its frame: a few
        // borderline digits may tip (DigitImageIT holds drawn digits to the originals' accuracy)
        assertTrue(agree >= COUNT - 3, agree + " of " + COUNT + " agree:\n" + out);
    }

    /** An 8×8 digit (values 0..1) enlarged {@code factor} times, as dark ink on white or light ink on black. */
    private static Path writeImage(float[] digit, int factor, boolean darkOnLight, String name) throws IOException {
        BufferedImage image = new BufferedImage(8 * factor, 8 * factor, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 8 * factor; y++) {
            for (int x = 0; x < 8 * factor; x++) {
                double ink = digit[(y / factor) * 8 + x / factor];
                int grey = (int) Math.round(255 * (darkOnLight ? 1 - ink : ink));
                image.setRGB(x, y, grey << 16 | grey << 8 | grey);
            }
        }
        Path file = dir.resolve(name);
        ImageIO.write(image, "png", file.toFile());
        return file;
    }
}
