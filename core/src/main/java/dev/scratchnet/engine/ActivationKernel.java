package dev.scratchnet.engine;

import dev.scratchnet.Activation;
import dev.scratchnet.activations.Identity;
import dev.scratchnet.activations.LeakyRelu;
import dev.scratchnet.activations.Relu;
import dev.scratchnet.activations.Sigmoid;
import dev.scratchnet.activations.Softmax;
import dev.scratchnet.activations.Tanh;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The element-wise loops behind each built-in activation; the formulas are those of the
 * activation classes, whose docs state them. Each works on the first {@code n} rows.
 */
abstract class ActivationKernel {

    /** {@code a = f(z)}. */
    abstract void forward(Matrix z, Matrix a, int n);

    /** {@code grad ← dL/dz} from {@code grad = dL/da}, in place. */
    abstract void backward(Matrix z, Matrix a, Matrix grad, int n);

    /** The kernel for a built-in activation, or null when the activation has none (the reference path runs). */
    static ActivationKernel of(Activation activation) {
        if (activation instanceof Sigmoid) {
            return SIGMOID;
        } else if (activation instanceof Tanh) {
            return TANH;
        } else if (activation instanceof Relu) {
            return new LeakyReluKernel(0.0);
        } else if (activation instanceof LeakyRelu leaky) {
            return new LeakyReluKernel(leaky.alpha());
        } else if (activation instanceof Softmax) {
            return SOFTMAX;
        } else if (activation instanceof Identity) {
            return IDENTITY;
        }
        return null;
    }

    /**
     * Element counts from which one vectorised ND4J call beats a Java loop for functions that need
     * {@code exp} (measured: Math.exp costs 10-20 ns an element, ND4J's in-place transform a few
     * microseconds plus about 1 ns an element).
     */
    static final int BULK_ELEMENTS = 2048;

    /** Whether to hand the whole array to ND4J: large enough, in place, and every row in use. */
    private static boolean bulk(Matrix z, Matrix a, int n) {
        return z == a && n == z.rows && n * z.columns >= BULK_ELEMENTS;
    }

    private static final ActivationKernel SIGMOID = new ActivationKernel() {
        @Override
        void forward(Matrix z, Matrix a, int n) {
            if (bulk(z, a, n)) {
                Transforms.sigmoid(a.array, false);
                return;
            }
            for (int i = 0, end = n * z.columns; i < end; i++) {
                a.set(i, 1.0 / (1.0 + Math.exp(-z.get(i))));
            }
        }

        @Override
        void backward(Matrix z, Matrix a, Matrix grad, int n) {
            for (int i = 0, end = n * z.columns; i < end; i++) {
                double ai = a.get(i);
                grad.set(i, grad.get(i) * ai * (1.0 - ai));
            }
        }
    };

    private static final ActivationKernel TANH = new ActivationKernel() {
        @Override
        void forward(Matrix z, Matrix a, int n) {
            if (bulk(z, a, n)) {
                Transforms.tanh(a.array, false);
                return;
            }
            for (int i = 0, end = n * z.columns; i < end; i++) {
                a.set(i, Math.tanh(z.get(i)));
            }
        }

        @Override
        void backward(Matrix z, Matrix a, Matrix grad, int n) {
            for (int i = 0, end = n * z.columns; i < end; i++) {
                double ai = a.get(i);
                grad.set(i, grad.get(i) * (1.0 - ai * ai));
            }
        }
    };

    private static final ActivationKernel IDENTITY = new ActivationKernel() {
        @Override
        void forward(Matrix z, Matrix a, int n) {
            for (int i = 0, end = n * z.columns; i < end; i++) {
                a.set(i, z.get(i));
            }
        }

        @Override
        void backward(Matrix z, Matrix a, Matrix grad, int n) {
            // dL/dz = dL/da: nothing to do
        }
    };

    /** ReLU is leaky ReLU with slope 0. */
    private static final class LeakyReluKernel extends ActivationKernel {
        private final double alpha;

        LeakyReluKernel(double alpha) {
            this.alpha = alpha;
        }

        @Override
        void forward(Matrix z, Matrix a, int n) {
            for (int i = 0, end = n * z.columns; i < end; i++) {
                double zi = z.get(i);
                a.set(i, zi > 0 ? zi : alpha * zi);
            }
        }

        @Override
        void backward(Matrix z, Matrix a, Matrix grad, int n) {
            for (int i = 0, end = n * z.columns; i < end; i++) {
                if (!(z.get(i) > 0)) {
                    grad.set(i, alpha * grad.get(i));
                }
            }
        }
    }

    private static final ActivationKernel SOFTMAX = new ActivationKernel() {
        @Override
        void forward(Matrix z, Matrix a, int n) {
            int k = z.columns;
            for (int row = 0; row < n; row++) {
                int start = row * k;
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < k; c++) {
                    max = Math.max(max, z.get(start + c));
                }
                double sum = 0;
                for (int c = 0; c < k; c++) {
                    double e = Math.exp(z.get(start + c) - max);
                    a.set(start + c, e);
                    sum += e;
                }
                for (int c = 0; c < k; c++) {
                    a.set(start + c, a.get(start + c) / sum);
                }
            }
        }

        @Override
        void backward(Matrix z, Matrix a, Matrix grad, int n) {
            int k = z.columns;
            for (int row = 0; row < n; row++) {
                int start = row * k;
                double dot = 0;
                for (int c = 0; c < k; c++) {
                    dot += grad.get(start + c) * a.get(start + c);
                }
                for (int c = 0; c < k; c++) {
                    grad.set(start + c, a.get(start + c) * (grad.get(start + c) - dot));
                }
            }
        }
    };
}
