package dev.scratchnet;

import dev.scratchnet.data.DigitsReader;
import dev.scratchnet.data.Spiral;
import org.nd4j.linalg.factory.Nd4j;

/** Ready-made data sets: the bundled digits and the tutorials' toy problems. */
public final class Datasets {

    private Datasets() {
    }

    /**
     * The bundled 8×8 handwritten digits (UCI "Optical Recognition of Handwritten Digits", test
     * part, CC BY 4.0): 1797 rows of 64 raw pixels in 0..16, one-hot targets over 10 classes.
     * Scale with {@code scale(1 / 16.0)} before training.
     */
    public static DataSet digits() {
        return DigitsReader.read();
    }

    /** The four rows of XOR: features {@code [4, 2]} of 0/1, targets {@code [4, 1]}. */
    public static DataSet xor() {
        return DataSet.of(
                Nd4j.createFromArray(new float[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}),
                Nd4j.createFromArray(new float[][] {{0}, {1}, {1}, {0}}));
    }

    /** The tutorials' spiral: {@code pointsPerClass · classes} points in 2-D, one-hot targets; see {@link Spiral}. */
    public static DataSet spiral(int pointsPerClass, int classes, long seed) {
        return Spiral.generate(pointsPerClass, classes, seed);
    }
}
