package dev.scratchnet.engine;

import dev.scratchnet.Loss;
import dev.scratchnet.losses.BinaryCrossEntropy;
import dev.scratchnet.losses.CrossEntropy;
import dev.scratchnet.losses.MeanSquaredError;

/**
 * The loops behind each built-in loss gradient {@code dL/dp}, on the first {@code n} rows; the
 * formulas (means over the batch, so {@code 1/n} is included) are those of the loss classes.
 */
abstract class LossKernel {

    /** Writes {@code dL/dp} for predictions {@code p} and targets {@code y} into {@code grad}. */
    abstract void gradient(Matrix p, Matrix y, Matrix grad, int n);

    /**
     * The loss of predictions {@code p} against targets {@code y} over the first {@code n} rows,
     * summed in float64 and then rounded to the type of {@code p}: a float32 network's loss that
     * float32 cannot hold is infinite, as the reference computation finds it.
     */
    final double value(Matrix p, Matrix y, int n) {
        double value = sum(p, y, n);
        return p.isFloat() ? (float) value : value;
    }

    /** The loss in float64. */
    abstract double sum(Matrix p, Matrix y, int n);

    /** The kernel for a built-in loss, or null when the loss has none (the reference path runs). */
    static LossKernel of(Loss loss) {
        if (loss instanceof MeanSquaredError) {
            return MSE;
        } else if (loss instanceof CrossEntropy) {
            return CROSS_ENTROPY;
        } else if (loss instanceof BinaryCrossEntropy) {
            return BINARY_CROSS_ENTROPY;
        }
        return null;
    }

    /** The fused softmax + cross-entropy gradient {@code dL/dz = (p − y) / n}. */
    static void softmaxCrossEntropy(Matrix p, Matrix y, Matrix gradZ, int n) {
        double scale = 1.0 / n;
        for (int i = 0, end = n * p.columns; i < end; i++) {
            gradZ.set(i, (p.get(i) - y.get(i)) * scale);
        }
    }

    private static final LossKernel MSE = new LossKernel() {
        @Override
        double sum(Matrix p, Matrix y, int n) {
            int end = n * p.columns;
            double sum = 0;
            for (int i = 0; i < end; i++) {
                double difference = p.get(i) - y.get(i);
                sum += difference * difference;
            }
            return sum / end;
        }

        @Override
        void gradient(Matrix p, Matrix y, Matrix grad, int n) {
            int end = n * p.columns;
            double scale = 2.0 / end;
            for (int i = 0; i < end; i++) {
                grad.set(i, (p.get(i) - y.get(i)) * scale);
            }
        }
    };

    private static final LossKernel CROSS_ENTROPY = new LossKernel() {
        @Override
        double sum(Matrix p, Matrix y, int n) {
            double sum = 0;
            for (int i = 0, end = n * p.columns; i < end; i++) {
                double yi = y.get(i);
                if (yi != 0) {
                    sum += yi * Math.log(Math.max(p.get(i), CrossEntropy.EPSILON));
                }
            }
            return -sum / n;
        }

        @Override
        void gradient(Matrix p, Matrix y, Matrix grad, int n) {
            double scale = -1.0 / n;
            for (int i = 0, end = n * p.columns; i < end; i++) {
                grad.set(i, scale * y.get(i) / Math.max(p.get(i), CrossEntropy.EPSILON));
            }
        }
    };

    private static final LossKernel BINARY_CROSS_ENTROPY = new LossKernel() {
        @Override
        double sum(Matrix p, Matrix y, int n) {
            int end = n * p.columns;
            double epsilon = BinaryCrossEntropy.EPSILON;
            double sum = 0;
            for (int i = 0; i < end; i++) {
                double q = Math.min(Math.max(p.get(i), epsilon), 1.0 - epsilon);
                double yi = y.get(i);
                sum += yi * Math.log(q) + (1.0 - yi) * Math.log(1.0 - q);
            }
            return -sum / end;
        }

        @Override
        void gradient(Matrix p, Matrix y, Matrix grad, int n) {
            int end = n * p.columns;
            double epsilon = BinaryCrossEntropy.EPSILON;
            for (int i = 0; i < end; i++) {
                double q = Math.min(Math.max(p.get(i), epsilon), 1.0 - epsilon);
                grad.set(i, (q - y.get(i)) / (q * (1.0 - q) * end));
            }
        }
    };
}
