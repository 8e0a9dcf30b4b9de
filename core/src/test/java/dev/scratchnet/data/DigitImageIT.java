package dev.scratchnet.data;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scratchnet.Activation;
import dev.scratchnet.DataSet;
import dev.scratchnet.Datasets;
import dev.scratchnet.Fit;
import dev.scratchnet.Loss;
import dev.scratchnet.Network;
import dev.scratchnet.Optimizer;
import dev.scratchnet.Split;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Digits drawn as people draw them, prepared for a model trained on the bundled 8×8 digits, are
 * recognised about as well as the original images: a whole training run to an accuracy, so in the
 * integration tier ({@link DigitImageTest} checks the preparation itself).
 */
class DigitImageIT {

    @Test
    void drawnDigitsWithMarginsAreRecognisedAboutAsWellAsTheOriginals() {
        Split split = Datasets.digits().scale(1 / 16.0).split(0.8, 1);
        DataSet test = split.test();
        Network model = Network.builder().seed(1).input(64).dense(64, Activation.RELU).dense(10, Activation.SOFTMAX)
                .build();
        model.fit(split.train(), Fit.builder().loss(Loss.CROSS_ENTROPY).optimizer(Optimizer.adam(0.01)).epochs(20)
                .build());
        int n = 150;
        double original = model.evaluate(new Split(test, test).test()).accuracy();
        int[] labels = test.labels();
        for (int[] way : DrawnDigits.WAYS) {
            double[][] rows = new double[n][];
            for (int i = 0; i < n; i++) {
                rows[i] = DigitImage.prepare(DrawnDigits.drawn(test.features().getRow(i).toDoubleVector(), way), 8);
            }
            int[] predicted = model.predictClasses(Nd4j.createFromArray(rows).castTo(DataType.FLOAT));
            int right = 0;
            for (int i = 0; i < n; i++) {
                right += predicted[i] == labels[i] ? 1 : 0;
            }
            double accuracy = (double) right / n;
            // the 8 × 8 preparation makes a 32 × 32 bitmap of the ink, as optdigits were made, so these
            // block-by-block copies lose their grey levels; drawings are what it is made for (DrawingPageIT)
            assertTrue(accuracy >= 0.85 && accuracy >= original - 0.15,
                    java.util.Arrays.toString(way) + ": " + accuracy + " against " + original + " on the originals");
        }
    }
}
