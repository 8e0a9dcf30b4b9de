package dev.scratchnet.samples;

import dev.scratchnet.DataSet;
import dev.scratchnet.runtime.DigitImage;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * More training digits, as other hands would write them: each 8 × 8 digit is enlarged to a picture,
 * slanted, turned a little and made narrower or wider at random, and prepared again by
 * {@link DigitImage#prepare} — the preparation a drawing gets — so the copies are made as the
 * bundled digits were. People slant and proportion their digits more than the 43 writers of the
 * bundled set did, and a model that has seen such copies reads the drawing page's digits better.
 */
final class DigitAugmentation {

    /** Enlarged picture's pixels per pixel of the 8 × 8 digit. */
    private static final int ZOOM = 8;
    /** The picture's side: the enlarged digit with room to slant and turn. */
    private static final int CANVAS = 12 * ZOOM;
    /** Largest slant, as x moved per y (0.35: about 19°). */
    private static final double MAX_SLANT = 0.35;
    /** Largest turn, in radians (about 10°). */
    private static final double MAX_TURN = Math.toRadians(10);
    /** Widths from 75 % to 125 % of the original. */
    private static final double MAX_WIDTH_CHANGE = 0.25;
    /** An enlarged value above this is ink: the middle of a stroke's 0-to-1 edge. */
    private static final double INK_LEVEL = 0.4;

    private DigitAugmentation() {
    }

    /** {@code data} followed by {@code copies} changed copies of each of its digits (features in [0, 1], 64 wide). */
    static DataSet withCopies(DataSet data, int copies, long seed) {
        if (copies == 0) {
            return data;
        }
        Random random = new Random(seed);
        int n = data.size();
        double[][] features = dev.scratchnet.internal.JavaRows.doubles(data.features());
        int[] labels = data.labels();
        double[][] rows = new double[n * (copies + 1)][];
        int[] allLabels = new int[rows.length];
        for (int i = 0; i < n; i++) {
            rows[i] = features[i];
            allLabels[i] = labels[i];
        }
        for (int c = 0; c < copies; c++) {
            for (int i = 0; i < n; i++) {
                int at = n + c * n + i;
                rows[at] = changed(features[i], labels[i] == 1, random);
                allLabels[at] = labels[i];
            }
        }
        INDArray all = Nd4j.createFromArray(rows).castTo(data.features().dataType());
        return DataSet.ofClasses(all, allLabels, data.numOutputs());
    }

    /**
     * One changed copy of an 8 × 8 digit; a one gets, half of the time, the base and the flag that
     * many people write it with and that the bundled writers did not.
     */
    static double[] changed(double[] digit, boolean one, Random random) {
        double slant = (2 * random.nextDouble() - 1) * MAX_SLANT;
        double turn = (2 * random.nextDouble() - 1) * MAX_TURN;
        double width = 1 + (2 * random.nextDouble() - 1) * MAX_WIDTH_CHANGE;
        double cos = Math.cos(turn);
        double sin = Math.sin(turn);
        double centre = CANVAS / 2.0;
        double[][] grey = new double[CANVAS][CANVAS];
        for (int y = 0; y < CANVAS; y++) {
            for (int x = 0; x < CANVAS; x++) {
                // the picture's point, taken back through turn, slant and width to the digit's 8 × 8 grid
                double dx = x + 0.5 - centre;
                double dy = y + 0.5 - centre;
                double tx = cos * dx + sin * dy;
                double ty = -sin * dx + cos * dy;
                double sx = (tx + slant * ty) / width;
                double u = sx / ZOOM + 4;
                double v = ty / ZOOM + 4;
                // white page, dark ink
                grey[y][x] = bilinear(digit, u, v) > INK_LEVEL ? 0 : 1;
            }
        }
        if (one && random.nextBoolean()) {
            addBaseAndFlag(grey, 0.4 + 0.3 * random.nextDouble());
        }
        return DigitImage.prepare(grey, 8);
    }

    /** A bar under the ink, {@code width} of its height wide, and a short stroke down-left from its top. */
    private static void addBaseAndFlag(double[][] grey, double width) {
        int top = CANVAS;
        int bottom = -1;
        double sumX = 0;
        int count = 0;
        for (int y = 0; y < CANVAS; y++) {
            for (int x = 0; x < CANVAS; x++) {
                if (grey[y][x] == 0) {
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                    sumX += x;
                    count++;
                }
            }
        }
        if (count == 0) {
            return;
        }
        int height = bottom - top + 1;
        // as thick as the bundled digits' strokes: about a fifth of the height, two of the 8 × 8 pixels
        int thick = Math.max(2, height / 5);
        int middle = (int) Math.round(sumX / count);
        for (int y = bottom - thick + 1; y <= bottom; y++) {
            int half = (int) Math.round(height * width / 2);
            for (int x = Math.max(0, middle - half); x <= Math.min(CANVAS - 1, middle + half); x++) {
                grey[y][x] = 0;
            }
        }
        // the flag: from the top down to the left, a quarter of the height long
        int topX = middle;
        for (int x = 0; x < CANVAS; x++) {
            if (grey[top][x] == 0) {
                topX = x;
                break;
            }
        }
        for (int s = 0; s <= height / 4; s++) {
            for (int t = 0; t < thick; t++) {
                int y = Math.min(CANVAS - 1, top + s + t);
                int x = Math.max(0, topX - s);
                grey[y][x] = 0;
            }
        }
    }

    /** The 8 × 8 digit's value at (u, v), pixel centres at .5, 0 outside. */
    private static double bilinear(double[] digit, double u, double v) {
        double fx = u - 0.5;
        double fy = v - 0.5;
        int x0 = (int) Math.floor(fx);
        int y0 = (int) Math.floor(fy);
        double ax = fx - x0;
        double ay = fy - y0;
        return (1 - ax) * (1 - ay) * at(digit, x0, y0) + ax * (1 - ay) * at(digit, x0 + 1, y0)
                + (1 - ax) * ay * at(digit, x0, y0 + 1) + ax * ay * at(digit, x0 + 1, y0 + 1);
    }

    private static double at(double[] digit, int x, int y) {
        return x < 0 || y < 0 || x >= 8 || y >= 8 ? 0 : digit[y * 8 + x];
    }
}
