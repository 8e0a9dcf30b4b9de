package dev.scratchnet.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scratchnet.Activation;
import dev.scratchnet.DataSet;
import dev.scratchnet.Datasets;
import dev.scratchnet.Evaluation;
import dev.scratchnet.Fit;
import dev.scratchnet.Loss;
import dev.scratchnet.Network;
import dev.scratchnet.Optimizer;
import dev.scratchnet.TrainingHistory;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** The PNGs land in target/test-plots, where they can be looked at after {@code mvn test}. */
class PlotsTest {

    private static final Path DIRECTORY = Path.of("target", "test-plots");

    private static BufferedImage decode(Path file, int width, int height) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(width, image.getWidth());
        assertEquals(height, image.getHeight());
        return image;
    }

    private static Set<Integer> colours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                colours.add(image.getRGB(x, y) & 0xffffff);
            }
        }
        return colours;
    }

    @Test
    void historyPlotHasTheRequestedSize() throws IOException {
        Network net = Network.builder().seed(1).dense(2, 3, Activation.TANH).dense(3, 1, Activation.SIGMOID).build();
        TrainingHistory history = net.fit(Datasets.xor(), Fit.builder().loss(Loss.BINARY_CROSS_ENTROPY)
                .optimizer(Optimizer.sgd(0.5)).epochs(30).batchSize(4).build());
        Path file = DIRECTORY.resolve("history.png");
        Plots.history(history, file, 900, 400);
        BufferedImage image = decode(file, 900, 400);
        assertTrue(colours(image).contains(0x1f77b4), "the training curves are drawn in blue");
        assertFalse(colours(image).contains(0xff7f0e), "no validation data, no orange validation curve");
    }

    @Test
    void historyWithValidationDrawsTheValidationCurvesInOrange() throws IOException {
        Network net = Network.builder().seed(1).dense(2, 8, Activation.TANH).dense(8, 3, Activation.SOFTMAX).build();
        TrainingHistory history = net.fit(Datasets.spiral(30, 3, 1), Fit.builder().loss(Loss.CROSS_ENTROPY)
                .optimizer(Optimizer.sgd(0.5)).validationSplit(0.2).epochs(20).batchSize(16).build());
        Path file = DIRECTORY.resolve("history-validation.png");

        Plots.history(history, file, 900, 400);

        BufferedImage image = decode(file, 900, 400);
        assertTrue(colours(image).contains(0x1f77b4), "the training curves are drawn in blue");
        assertTrue(colours(image).contains(0xff7f0e), "the validation curves are drawn in orange");
    }

    @Test
    void historyWithoutAccuracyDrawsTheLossAlone() throws IOException {
        Network net = Network.builder().seed(1).dense(1, 1, Activation.IDENTITY).build();
        DataSet line = DataSet.of(org.nd4j.linalg.factory.Nd4j.createFromArray(new double[][] {{0}, {1}, {2}}),
                org.nd4j.linalg.factory.Nd4j.createFromArray(new double[][] {{1.5}, {3.5}, {5.5}}));
        TrainingHistory history = net.fit(line, Fit.builder().loss(Loss.MSE).optimizer(Optimizer.sgd(0.05))
                .epochs(10).batchSize(3).build());
        Path file = DIRECTORY.resolve("history-regression.png");
        Plots.history(history, file, 500, 300);
        decode(file, 500, 300);
    }

    @Test
    void confusionMatrixHeatMap() throws IOException {
        Evaluation ev = Evaluation.of(new int[] {0, 0, 0, 1, 1, 2, 2, 2, 2}, new int[] {0, 1, 0, 1, 2, 2, 2, 0, 2}, 3);
        Path file = DIRECTORY.resolve("confusion.png");
        Plots.confusionMatrix(ev, List.of("cat", "dog", "bird"), file, 600, 550);
        BufferedImage image = decode(file, 600, 550);
        assertTrue(colours(image).contains(0x08519c), "the largest count gets the darkest blue");
    }

    @Test
    void decisionRegionsOfTheSpiral() throws IOException {
        DataSet spiral = Datasets.spiral(100, 3, 1);
        Network net = Network.builder().seed(1).dense(2, 100, Activation.RELU).dense(100, 3, Activation.SOFTMAX).build();
        net.fit(spiral, Fit.builder().loss(Loss.CROSS_ENTROPY).optimizer(Optimizer.sgd(1.0)).epochs(300)
                .batchSize(300).l2(1e-3).build());
        Path file = DIRECTORY.resolve("spiral-regions.png");
        Plots.decisionRegions(net, spiral, file, 300, 300);
        Set<Integer> colours = colours(decode(file, 300, 300));
        for (int c = 0; c < 3; c++) {
            int region = Palette.light(c).getRGB() & 0xffffff;
            int dots = Palette.strong(c).getRGB() & 0xffffff;
            assertTrue(colours.contains(region), "region of class " + c + " is painted");
            assertTrue(colours.contains(dots), "examples of class " + c + " are drawn");
        }
    }

    @Test
    void gridOfDigitsWithPredictedAndTrueLabels() throws IOException {
        DataSet digits = Datasets.digits();
        INDArray images = digits.features().get(NDArrayIndex.interval(0, 16), NDArrayIndex.all());
        int[] actual = java.util.Arrays.copyOf(digits.labels(), 16);
        int[] predicted = actual.clone();
        predicted[5] = (predicted[5] + 1) % 10;
        Path file = DIRECTORY.resolve("digits.png");
        Plots.digits(images, predicted, actual, file, 640, 720);
        Set<Integer> colours = colours(decode(file, 640, 720));
        assertTrue(colours.size() > 10, "grey levels of the digits are drawn");
    }

    @Test
    void badRequestsAreRefused() {
        Network threeInputs = Network.builder().dense(3, 2, Activation.SOFTMAX).build();
        DataSet data = DataSet.ofClasses(org.nd4j.linalg.factory.Nd4j.rand(4, 3), new int[] {0, 1, 0, 1}, 2);
        IllegalArgumentException inputs = assertThrows(IllegalArgumentException.class,
                () -> Plots.decisionRegions(threeInputs, data, DIRECTORY.resolve("x.png"), 300, 300));
        assertEquals("decision regions need a network and data with 2 inputs, were 3 and 3", inputs.getMessage());
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                () -> Plots.confusionMatrix(Evaluation.of(new int[] {0}, new int[] {0}, 2), DIRECTORY.resolve("x.png"), 0, 300));
        assertTrue(size.getMessage().contains("was 0 × 300"), size.getMessage());
        IllegalArgumentException square = assertThrows(IllegalArgumentException.class,
                () -> Plots.digits(org.nd4j.linalg.factory.Nd4j.rand(2, 10), new int[2], new int[2],
                        DIRECTORY.resolve("x.png"), 300, 300));
        assertTrue(square.getMessage().contains("had 10"), square.getMessage());
        assertTrue(Files.notExists(DIRECTORY.resolve("x.png")));
    }
}
