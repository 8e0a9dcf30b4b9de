package dev.scratchnet.kernels;

/**
 * The error function {@code erf(x) = 2/√π ∫₀ˣ exp(−t²) dt} in double precision, for GELU. W. J. Cody's
 * rational Chebyshev approximations ("Rational Chebyshev approximations for the error function",
 * Math. Comp. 23, 1969), with the coefficients of his Netlib routine CALERF: one rational function
 * for |x| ≤ 0.5, one for erfc on 0.5 &lt; |x| ≤ 4 and one for erfc beyond, each accurate to about
 * 1e-16 relative. {@code exp(−x²)} is taken in two factors, as CALERF does, so that the rounding of
 * x² costs no precision in the tail.
 */
public final class Erf {

    /** Below this, erf(x) = 2x/√π to double precision. */
    private static final double SMALL = 1.11e-16;
    /** Beyond this, erfc(x) underflows: erf(x) = ±1. */
    private static final double BIG = 26.543;
    /** 1/√π. */
    private static final double ONE_OVER_SQRT_PI = 5.6418958354775628695e-1;

    private static final double[] A = {3.16112374387056560e00, 1.13864154151050156e02, 3.77485237685302021e02,
        3.20937758913846947e03, 1.85777706184603153e-1};
    private static final double[] B = {2.36012909523441209e01, 2.44024637934444173e02, 1.28261652607737228e03,
        2.84423683343917062e03};
    private static final double[] C = {5.64188496988670089e-1, 8.88314979438837594e00, 6.61191906371416295e01,
        2.98635138197400131e02, 8.81952221241769090e02, 1.71204761263407058e03, 2.05107837782607147e03,
        1.23033935479799725e03, 2.15311535474403846e-8};
    private static final double[] D = {1.57449261107098347e01, 1.17693950891312499e02, 5.37181101862009858e02,
        1.62138957456669019e03, 3.29079923573345963e03, 4.36261909014324716e03, 3.43936767414372164e03,
        1.23033935480374942e03};
    private static final double[] P = {3.05326634961232344e-1, 3.60344899949804439e-1, 1.25781726111229246e-1,
        1.60837851487422766e-2, 6.58749161529837803e-4, 1.63153871373020978e-2};
    private static final double[] Q = {2.56852019228982242e00, 1.87295284992346725e00, 5.27905102951428412e-1,
        6.05183413124413191e-2, 2.33520497626869185e-3};

    private Erf() {
    }

    /** erf(x); NaN for NaN, ±1 for ±∞. */
    public static double erf(double x) {
        double y = Math.abs(x);
        if (y <= 0.5) {
            double ysq = y > SMALL ? y * y : 0.0;
            double numerator = A[4] * ysq;
            double denominator = ysq;
            for (int i = 0; i < 3; i++) {
                numerator = (numerator + A[i]) * ysq;
                denominator = (denominator + B[i]) * ysq;
            }
            return x * (numerator + A[3]) / (denominator + B[3]);
        }
        // erf(x) = 1 − erfc(|x|), with the sign of x
        double complement = y < BIG ? erfcAbove(y) : 0.0;
        double value = (0.5 - complement) + 0.5;
        return x < 0 ? -value : Double.isNaN(x) ? x : value;
    }

    /** erfc(y) for y &gt; 0.5 (and below {@link #BIG}). */
    private static double erfcAbove(double y) {
        double result;
        if (y <= 4.0) {
            double numerator = C[8] * y;
            double denominator = y;
            for (int i = 0; i < 7; i++) {
                numerator = (numerator + C[i]) * y;
                denominator = (denominator + D[i]) * y;
            }
            result = (numerator + C[7]) / (denominator + D[7]);
        } else {
            double ysq = 1.0 / (y * y);
            double numerator = P[5] * ysq;
            double denominator = ysq;
            for (int i = 0; i < 4; i++) {
                numerator = (numerator + P[i]) * ysq;
                denominator = (denominator + Q[i]) * ysq;
            }
            result = ysq * (numerator + P[4]) / (denominator + Q[4]);
            result = (ONE_OVER_SQRT_PI - result) / y;
        }
        // exp(−y²) as exp(−s²)·exp(−(y − s)(y + s)) with s = y rounded down to 1/16: s² is exact
        double s = Math.floor(y * 16.0) / 16.0;
        double del = (y - s) * (y + s);
        return Math.exp(-s * s) * Math.exp(-del) * result;
    }
}
