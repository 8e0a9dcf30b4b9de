package dev.scratchnet.buffers;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.openblas.global.openblas_nolapack;

/**
 * Direct calls into the OpenBLAS library that ND4J bundles, on {@link Matrix} pointers: no
 * ND4J bookkeeping between us and the kernel. All matrices are row-major.
 */
public final class Blas {

    private Blas() {
    }

    /**
     * {@code C = alpha · op(A) · op(B) + beta · C} on the first rows of each buffer, where
     * {@code op(A)} is {@code [m, k]}, {@code op(B)} is {@code [k, n]} and {@code C} is {@code [m, n]};
     * the leading dimensions are the buffers' (a column block's: its whole matrix's column count).
     */
    public static void gemm(boolean transposeA, boolean transposeB, int m, int n, int k,
                     double alpha, Matrix a, Matrix b, double beta, Matrix c) {
        int opA = transposeA ? CblasTrans : CblasNoTrans;
        int opB = transposeB ? CblasTrans : CblasNoTrans;
        if (c.isFloat()) {
            openblas_nolapack.cblas_sgemm(CblasRowMajor, opA, opB, m, n, k, (float) alpha,
                    (FloatPointer) a.pointer, a.leadingDimension, (FloatPointer) b.pointer, b.leadingDimension,
                    (float) beta, (FloatPointer) c.pointer, c.leadingDimension);
        } else {
            openblas_nolapack.cblas_dgemm(CblasRowMajor, opA, opB, m, n, k, alpha,
                    (DoublePointer) a.pointer, a.leadingDimension, (DoublePointer) b.pointer, b.leadingDimension,
                    beta, (DoublePointer) c.pointer, c.leadingDimension);
        }
    }

    /**
     * {@code y = alpha · Σ_{r < n} a[r, ·] + beta · y}: column sums of the first {@code n} rows, as
     * {@code aᵀ · ones} (one gemv instead of a strided loop).
     */
    public static void columnSums(Matrix a, int n, Matrix ones, double alpha, double beta, Matrix y) {
        if (y.isFloat()) {
            openblas_nolapack.cblas_sgemv(CblasRowMajor, CblasTrans, n, a.columns, (float) alpha,
                    (FloatPointer) a.pointer, a.columns, (FloatPointer) ones.pointer, 1, (float) beta,
                    (FloatPointer) y.pointer, 1);
        } else {
            openblas_nolapack.cblas_dgemv(CblasRowMajor, CblasTrans, n, a.columns, alpha,
                    (DoublePointer) a.pointer, a.columns, (DoublePointer) ones.pointer, 1, beta,
                    (DoublePointer) y.pointer, 1);
        }
    }

    /** {@code Σ |a_i|} over all elements: NaN or infinite when some element is (or when the sum overflows). */
    public static double absoluteSum(Matrix a) {
        int length = (int) a.length();
        return a.isFloat() ? openblas_nolapack.cblas_sasum(length, (FloatPointer) a.pointer, 1)
                : openblas_nolapack.cblas_dasum(length, (DoublePointer) a.pointer, 1);
    }

    /** {@code y = aᵀ · x + y} for a matrix {@code a [rows, columns]}, a vector x of rows and y of columns. */
    public static void gemvTransposed(Matrix a, Matrix x, Matrix y) {
        if (y.isFloat()) {
            openblas_nolapack.cblas_sgemv(CblasRowMajor, CblasTrans, a.rows, a.columns, 1f, (FloatPointer) a.pointer,
                    a.columns, (FloatPointer) x.pointer, 1, 1f, (FloatPointer) y.pointer, 1);
        } else {
            openblas_nolapack.cblas_dgemv(CblasRowMajor, CblasTrans, a.rows, a.columns, 1.0, (DoublePointer) a.pointer,
                    a.columns, (DoublePointer) x.pointer, 1, 1.0, (DoublePointer) y.pointer, 1);
        }
    }

    /** {@code y = alpha · x + y} over {@code length} elements of two float (or two double) buffers. */
    public static void axpy(int length, double alpha, Pointer x, Pointer y, boolean isFloat) {
        if (isFloat) {
            openblas_nolapack.cblas_saxpy(length, (float) alpha, (FloatPointer) x, 1, (FloatPointer) y, 1);
        } else {
            openblas_nolapack.cblas_daxpy(length, alpha, (DoublePointer) x, 1, (DoublePointer) y, 1);
        }
    }

    /** {@code y = alpha · x + y} over all elements of two matrices of the same length and type. */
    public static void axpy(double alpha, Matrix x, Matrix y) {
        axpy((int) y.length(), alpha, x.pointer, y.pointer, y.isFloat());
    }

    /** {@code y = x} over all elements of two matrices of the same length and type. */
    public static void copy(Matrix x, Matrix y) {
        int length = (int) y.length();
        if (y.isFloat()) {
            openblas_nolapack.cblas_scopy(length, (FloatPointer) x.pointer, 1, (FloatPointer) y.pointer, 1);
        } else {
            openblas_nolapack.cblas_dcopy(length, (DoublePointer) x.pointer, 1, (DoublePointer) y.pointer, 1);
        }
    }

    /** {@code y = alpha · y} over all elements, in place. */
    public static void scale(double alpha, Matrix y) {
        int length = (int) y.length();
        if (y.isFloat()) {
            openblas_nolapack.cblas_sscal(length, (float) alpha, (FloatPointer) y.pointer, 1);
        } else {
            openblas_nolapack.cblas_dscal(length, alpha, (DoublePointer) y.pointer, 1);
        }
    }
}
