package dev.scratchnet.kernels;

/**
 * The loops of {@code dev.scratchnet.activations.Softmax}, row by row after subtracting the row max:
 * {@code a_ij = exp(z_ij − m_i) / Σ_k exp(z_ik − m_i)}, {@code dL/dz_ij = a_ij · (dL/da_ij − Σ_k dL/da_ik · a_ik)}.
 */
public final class SoftmaxKernel implements ActivationKernel {

    @Override
    public void forward(Values za, int n) {
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
    public void backward(Values z, Values a, Values grad, int n) {
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
}
