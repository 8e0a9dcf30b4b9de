package dev.scratchnet.data;

import dev.scratchnet.DataSet;
import dev.scratchnet.internal.Checks;
import dev.scratchnet.internal.Permutation;
import java.util.Random;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The spiral of the "neural network from scratch" tutorials: {@code classes} arms of
 * {@code pointsPerClass} points each. For class j:
 * <pre>
 *   r = linspace(0, 1, n)
 *   t = linspace(4j, 4(j+1), n) + N(0, 0.2²)
 *   point = (r·sin t, r·cos t)
 * </pre>
 * Not linearly separable, so a linear classifier stays near 1/classes while a small MLP learns it.
 */
public final class Spiral {

    private static final double NOISE_STD = 0.2;

    private Spiral() {
    }

    /** {@code pointsPerClass · classes} points, class by class, with one-hot targets. */
    public static DataSet generate(int pointsPerClass, int classes, long seed) {
        Checks.positive("pointsPerClass", pointsPerClass);
        if (classes < 2) {
            throw new IllegalArgumentException("a spiral needs classes >= 2, was " + classes);
        }
        if ((long) pointsPerClass * classes * classes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a spiral of " + pointsPerClass + " points per class × " + classes
                    + " classes is too large for one array; ask for fewer points or classes");
        }
        Random random = Permutation.generator(seed);
        int total = pointsPerClass * classes;
        float[][] points = new float[total][2];
        int[] labels = new int[total];
        for (int j = 0; j < classes; j++) {
            for (int i = 0; i < pointsPerClass; i++) {
                double step = pointsPerClass == 1 ? 0.0 : (double) i / (pointsPerClass - 1);
                double r = step;
                double t = 4.0 * j + 4.0 * step + NOISE_STD * random.nextGaussian();
                int row = j * pointsPerClass + i;
                points[row][0] = (float) (r * Math.sin(t));
                points[row][1] = (float) (r * Math.cos(t));
                labels[row] = j;
            }
        }
        return DataSet.ofClasses(Nd4j.create(points), labels, classes);
    }
}
