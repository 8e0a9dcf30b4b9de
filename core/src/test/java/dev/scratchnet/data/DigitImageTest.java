package dev.scratchnet.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scratchnet.DataSet;
import dev.scratchnet.Datasets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The preparation of pictures of digits: a digit of the bundled set drawn in four ways — with margins, off
 * centre, small and large, dark on light and light on dark — gives one row; MNIST's box and centring; a
 * blank page. That a model recognises the drawn digits about as well as the originals is {@link DigitImageIT}.
 */
class DigitImageTest {

    @Test
    void aDigitDrawnInFourWaysGivesTheSameRow() {
        DataSet digits = Datasets.digits().scale(1 / 16.0);
        for (int i = 0; i < 12; i++) {
            double[] digit = digits.features().getRow(i).toDoubleVector();
            double[] first = DigitImage.prepare(DrawnDigits.drawn(digit, DrawnDigits.WAYS[0]), 8);
            assertTrue(Arrays.stream(first).sum() > 0, "digit " + i + " prepared to a blank row");
            for (int[] way : Arrays.copyOfRange(DrawnDigits.WAYS, 1, DrawnDigits.WAYS.length)) {
                // the ink, not the page: the same cropped, scaled and counted bitmap whatever the margins,
                // the pen's size and the page's polarity
                assertArrayEquals(first, DigitImage.prepare(DrawnDigits.drawn(digit, way), 8),
                        "digit " + i + " drawn as " + Arrays.toString(way));
            }
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
            Arrays.fill(line, 1.0);
        }
        assertArrayEquals(new double[64], DigitImage.prepare(white, 8));
    }
}
