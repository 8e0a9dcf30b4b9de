package dev.scratchnet.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Digits drawn as people draw them — with margins, off centre, small and large, dark on light and
 * light on dark — prepared for a model trained on the bundled 8×8 digits, which must recognise them
 * about as well as the original images.
 */
class DigitImageTest {

    private static Network model;
    private static DataSet test;

    @BeforeAll
    static void train() {
        Split split = Datasets.digits().scale(1 / 16.0).split(0.8, 1);
        test = split.test();
        model = Network.builder().seed(1).input(64).dense(64, Activation.RELU).dense(10, Activation.SOFTMAX).build();
        model.fit(split.train(), Fit.builder().loss(Loss.CROSS_ENTROPY).optimizer(Optimizer.adam(0.01)).epochs(20)
                .build());
    }

    /**
     * Digit {@code index} of the test set drawn on a {@code width × height} page: each of its 8×8 pixels a
     * {@code pixel × pixel} square with its top-left corner at ({@code left}, {@code top}); grey values,
     * 1 white.
     */
    private static double[][] drawn(int index, int width, int height, int left, int top, int pixel, boolean darkOnLight) {
        double[] digit = test.features().getRow(index).toDoubleVector();
        double[][] page = new double[height][width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int row = (y - top) / pixel;
                int column = (x - left) / pixel;
                boolean inside = y >= top && x >= left && row < 8 && column < 8;
                double ink = inside ? digit[row * 8 + column] : 0;
                page[y][x] = darkOnLight ? 1 - ink : ink;
            }
        }
        return page;
    }

    private static double accuracy(double[][] rows) {
        int[] predicted = model.predictClasses(Nd4j.createFromArray(rows).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT));
        int[] labels = test.labels();
        int right = 0;
        for (int i = 0; i < rows.length; i++) {
            right += predicted[i] == labels[i] ? 1 : 0;
        }
        return (double) right / rows.length;
    }

    @Test
    void drawnDigitsWithMarginsAreRecognisedAboutAsWellAsTheOriginals() {
        int n = 150;
        double original = model.evaluate(new Split(test, test).test()).accuracy();
        int[][] drawings = {
            // page width, height, left, top, pixel size, dark on light (0/1)
            {200, 150, 120, 20, 6, 1}, // off centre to the right, dark ink on a light page
            {200, 150, 10, 90, 5, 0},  // near the bottom left corner, light on dark
            {300, 300, 140, 140, 2, 1}, // small in the middle of a large page
            {160, 160, 10, 10, 17, 0}, // large, filling the page
        };
        for (int[] drawing : drawings) {
            double[][] rows = new double[n][];
            for (int i = 0; i < n; i++) {
                rows[i] = DigitImage.prepare(drawn(i, drawing[0], drawing[1], drawing[2], drawing[3], drawing[4],
                        drawing[5] == 1), 8);
            }
            double accuracy = accuracy(rows);
            // the 8 × 8 preparation makes a 32 × 32 bitmap of the ink, as optdigits were made, so these
            // block-by-block copies lose their grey levels; drawings are what it is made for (DrawingPageIT)
            assertTrue(accuracy >= 0.85 && accuracy >= original - 0.15,
                    java.util.Arrays.toString(drawing) + ": " + accuracy + " against " + original + " on the originals");
        }
    }

    @Test
    void anMnistSizedDigitIsScaledIntoTwentyPixelsAndCentredByItsMass() {
        // a 40 × 10 bar of ink in the top left of a 100 × 100 page
        double[][] page = new double[100][100];
        for (int y = 5; y < 45; y++) {
            for (int x = 5; x < 15; x++) {
                page[y][x] = 1;
            }
        }
        double[] row = DigitImage.prepare(page, 28);
        int top = 28;
        int bottom = -1;
        int left = 28;
        int right = -1;
        for (int i = 0; i < row.length; i++) {
            if (row[i] > 0.5) {
                top = Math.min(top, i / 28);
                bottom = Math.max(bottom, i / 28);
                left = Math.min(left, i % 28);
                right = Math.max(right, i % 28);
            }
        }
        assertEquals(20, bottom - top + 1, "the longer side becomes 20 pixels");
        assertEquals(5, right - left + 1, "the aspect ratio is kept");
        assertEquals(14, (top + bottom + 1) / 2.0, 0.5, "centred by its mass");
        assertEquals(14, (left + right + 1) / 2.0, 0.5);
    }

    @Test
    void aBlankPageGivesZeros() {
        assertArrayEquals(new double[64], DigitImage.prepare(new double[30][30], 8));
        double[][] white = new double[30][30];
        for (double[] line : white) {
            java.util.Arrays.fill(line, 1.0);
        }
        assertArrayEquals(new double[64], DigitImage.prepare(white, 8));
    }
}
