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
 * activation classes, whose docs state them. Each works in place on the first {@code n} rows:
 * forward turns z into a; backward needs only a, since every built-in derivative can be written
 * from a (for ReLU and leaky ReLU, {@code a > 0} exactly when {@code z > 0}).
 */
abstract class ActivationKernel {

    /** {@code a = f(z)}, overwriting z. */
    abstract void forward(Matrix za, int n);

    /** {@code grad ← dL/dz} from {@code grad = dL/da}, in place. */
    abstract void backward(Matrix a, Matrix grad, int n);

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
     * Element count from which one vectorised ND4J call beats a Java loop (measured: an in-place
     * ND4J transform costs about 5 µs plus under 1 ns an element; the loops 2-7 ns an element,
     * Math.exp 10-20 ns).
     */
    static final int BULK_ELEMENTS = 2048;

    /** Whether to hand the whole array to ND4J: large enough and every row in use. */
    private static boolean bulk(Matrix za, int n) {
        return n == za.rows && n * za.columns >= BULK_ELEMENTS;
    }

    private static final ActivationKernel SIGMOID = new ActivationKernel() {
        @Override
        void forward(Matrix za, int n) {
            if (bulk(za, n)) {
                Transforms.sigmoid(za.array(), false);
                return;
            }
            for (int i = 0, end = n * za.columns; i < end; i++) {
                za.set(i, 1.0 / (1.0 + Math.exp(-za.get(i))));
            }
        }

        @Override
        void backward(Matrix a, Matrix grad, int n) {
            for (int i = 0, end = n * a.columns; i < end; i++) {
                double ai = a.get(i);
                grad.set(i, grad.get(i) * ai * (1.0 - ai));
            }
        }
    };

    private static final ActivationKernel TANH = new ActivationKernel() {
        @Override
        void forward(Matrix za, int n) {
            if (bulk(za, n)) {
                Transforms.tanh(za.array(), false);
                return;
            }
            for (int i = 0, end = n * za.columns; i < end; i++) {
                za.set(i, Math.tanh(za.get(i)));
            }
        }

        @Override
        void backward(Matrix a, Matrix grad, int n) {
            for (int i = 0, end = n * a.columns; i < end; i++) {
                double ai = a.get(i);
                grad.set(i, grad.get(i) * (1.0 - ai * ai));
            }
        }
    };

    private static final ActivationKernel IDENTITY = new ActivationKernel() {
        @Override
        void forward(Matrix za, int n) {
            // a = z: nothing to do
        }

        @Override
        void backward(Matrix a, Matrix grad, int n) {
            // dL/dz = dL/da: nothing to do
        }
    };

    /** ReLU is leaky ReLU with slope 0. */
    private static final class LeakyReluKernel extends ActivationKernel {
        private final double alpha;

        LeakyReluKernel(double alpha) {
            this.alpha = alpha;
        }

        /**
         * Whole large arrays through ND4J; anything else (small arrays, row blocks, which have no
         * INDArray of their own) in chunks: {@code max(z, 0) + α·min(z, 0)} has no branch to
         * mispredict on signs that change from element to element and gives exactly z or αz (and
         * NaN for z = -∞, as αz does for α = 0: an overflow is reported, not hidden).
         */
        @Override
        void forward(Matrix za, int n) {
            if (bulk(za, n) && za.hasArray()) {
                if (alpha == 0) {
                    Transforms.relu(za.array(), false);
                } else {
                    Transforms.leakyRelu(za.array(), alpha, false);
                }
                return;
            }
            Chunks chunks = Chunks.forThisThread();
            int end = n * za.columns;
            if (za instanceof Matrix.OfFloat floats) {
                // float32 stays float32: widening and narrowing would cost more than the ReLU itself
                float[] z = chunks.staging;
                float slope = (float) alpha;
                for (int start = 0; start < end; start += Chunks.SIZE) {
                    int length = Math.min(Chunks.SIZE, end - start);
                    floats.readFloats(start, length, z);
                    for (int i = 0; i < length; i++) {
                        z[i] = Math.max(z[i], 0f) + slope * Math.min(z[i], 0f);
                    }
                    floats.writeFloats(start, length, z);
                }
                return;
            }
            double[] z = chunks.values;
            for (int start = 0; start < end; start += Chunks.SIZE) {
                int length = Math.min(Chunks.SIZE, end - start);
                za.read(start, length, z, chunks);
                for (int i = 0; i < length; i++) {
                    z[i] = Math.max(z[i], 0.0) + alpha * Math.min(z[i], 0.0);
                }
                za.write(start, length, z, chunks);
            }
        }

        @Override
        void backward(Matrix a, Matrix grad, int n) {
            for (int i = 0, end = n * a.columns; i < end; i++) {
                if (!(a.get(i) > 0)) {
                    grad.set(i, alpha * grad.get(i));
                }
            }
        }
    }

    private static final ActivationKernel SOFTMAX = new ActivationKernel() {
        @Override
        void forward(Matrix za, int n) {
            // a row block has no INDArray, and ND4J's softmax over views is slow (about 3 ms for a
            // 2000 × 10 output in four views, against 0.35 ms on the whole array)
            if (bulk(za, n) && za.hasArray()) {
                // ND4J's softmax subtracts the row max as well
                Transforms.softmax(za.array(), false);
                return;
            }
            int k = za.columns;
            if (k > Chunks.SIZE) {
                // rows wider than a chunk: element by element, in place
                for (int row = 0; row < n; row++) {
                    int start = row * k;
                    double max = Double.NEGATIVE_INFINITY;
                    for (int c = 0; c < k; c++) {
                        max = Math.max(max, za.get(start + c));
                    }
                    double sum = 0;
                    for (int c = 0; c < k; c++) {
                        double e = Math.exp(za.get(start + c) - max);
                        za.set(start + c, e);
                        sum += e;
                    }
                    for (int c = 0; c < k; c++) {
                        za.set(start + c, za.get(start + c) / sum);
                    }
                }
                return;
            }
            // whole rows a chunk at a time
            Chunks chunks = Chunks.forThisThread();
            double[] z = chunks.values;
            int rowsPerChunk = Chunks.SIZE / k;
            for (int firstRow = 0; firstRow < n; firstRow += rowsPerChunk) {
                int rows = Math.min(rowsPerChunk, n - firstRow);
                za.read(firstRow * k, rows * k, z, chunks);
                for (int start = 0; start < rows * k; start += k) {
                    softmaxRow(z, start, k);
                }
                za.write(firstRow * k, rows * k, z, chunks);
            }
        }

        /** Softmax of the {@code k} values from {@code start}, in place, after subtracting their max. */
        private static void softmaxRow(double[] z, int start, int k) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = start; c < start + k; c++) {
                max = Math.max(max, z[c]);
            }
            double sum = 0;
            for (int c = start; c < start + k; c++) {
                z[c] = Math.exp(z[c] - max);
                sum += z[c];
            }
            for (int c = start; c < start + k; c++) {
                z[c] /= sum;
            }
        }

        @Override
        void backward(Matrix a, Matrix grad, int n) {
            int k = a.columns;
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
