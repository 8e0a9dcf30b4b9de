package dev.scratchnet;

import dev.scratchnet.internal.Checks;
import dev.scratchnet.internal.JavaRows;
import dev.scratchnet.internal.Shapes;
import dev.scratchnet.runtime.files.ModelRules;
import java.util.Arrays;
import java.util.Locale;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A per-column affine rescaling fitted on training data, {@code x' = (x − shift) / scale}, that can
 * be part of a {@link Network} ({@link Network.Builder#scaler}, {@link Network.Builder#targetScaler})
 * so that {@code predict}, {@code evaluate} and {@code fit} take raw values and the model file keeps
 * it. Three kinds, as scikit-learn names them:
 * <pre>
 *   standardize:  shift = column mean,  scale = column standard deviation (population, ddof 0)
 *   minMax:       shift = column min,   scale = column max − min          (values land in [0, 1])
 *   factor(f):    shift = 0,            scale = 1 / f                     (every value times f)
 * </pre>
 * A constant column (standard deviation or range 0) gets scale 1, as scikit-learn's scalers do: it
 * becomes 0 everywhere instead of a division by zero. Fit a scaler on the training rows only, so that
 * nothing of the validation or test rows leaks into it. Immutable.
 */
public final class Scaler {

    private final String kind;
    private final double[] shift;
    private final double[] scale;

    private Scaler(String kind, double[] shift, double[] scale) {
        this.kind = kind;
        this.shift = shift;
        this.scale = scale;
    }

    /** Standardization fitted on {@code features [n, k]}: each column to mean 0 and standard deviation 1. */
    public static Scaler standardize(INDArray features) {
        double[][] columns = columns("standardize", features);
        double[] mean = new double[columns.length];
        double[] deviation = new double[columns.length];
        for (int c = 0; c < columns.length; c++) {
            mean[c] = Arrays.stream(columns[c]).average().orElse(0);
            double squares = 0;
            for (double value : columns[c]) {
                squares += (value - mean[c]) * (value - mean[c]);
            }
            deviation[c] = orOne(Math.sqrt(squares / columns[c].length));
        }
        return new Scaler("standardize", mean, deviation);
    }

    /** Min-max scaling fitted on {@code features [n, k]}: each column's training range to [0, 1]. */
    public static Scaler minMax(INDArray features) {
        double[][] columns = columns("minMax", features);
        double[] min = new double[columns.length];
        double[] range = new double[columns.length];
        for (int c = 0; c < columns.length; c++) {
            min[c] = Arrays.stream(columns[c]).min().orElse(0);
            range[c] = orOne(Arrays.stream(columns[c]).max().orElse(0) - min[c]);
        }
        return new Scaler("minMax", min, range);
    }

    /** Every value times {@code factor} (finite, not 0), for {@code width} columns, e.g. {@code 1/16.0} for the digits' pixels. */
    public static Scaler factor(double factor, int width) {
        Checks.finite("scaler factor", factor);
        if (factor == 0) {
            throw new IllegalArgumentException("scaler factor must not be 0");
        }
        Checks.positive("scaler width", width);
        double[] scale = new double[width];
        Arrays.fill(scale, 1 / factor);
        return new Scaler("factor", new double[width], scale);
    }

    /**
     * A scaler from its saved parts (model files), checked: same width, finite values, scales not 0.
     *
     * @param kind {@code standardize}, {@code minMax} or {@code factor}
     */
    public static Scaler of(String kind, double[] shift, double[] scale) {
        ModelRules.requireScaler(kind, shift, scale);
        return new Scaler(kind, shift.clone(), scale.clone());
    }

    private static double orOne(double spread) {
        return spread > 0 && Double.isFinite(spread) ? spread : 1;
    }

    private static double[][] columns(String kind, INDArray features) {
        Checks.allFinite(kind + " features", Checks.matrix(kind + " features", features));
        return JavaRows.doubles(features.transpose().castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE));
    }

    /** {@code standardize}, {@code minMax} or {@code factor}. */
    public String kind() {
        return kind;
    }

    /** How many columns it rescales. */
    public int width() {
        return shift.length;
    }

    /** The value subtracted from each column (a copy). */
    public double[] shift() {
        return shift.clone();
    }

    /** The value each column is then divided by (a copy). */
    public double[] scale() {
        return scale.clone();
    }

    /** {@code (x − shift) / scale}, column by column, as a new array of {@code x}'s type. */
    public INDArray apply(INDArray x) {
        requireWidth(x);
        return x.subRowVector(row(shift, x)).diviRowVector(row(scale, x));
    }

    /** The inverse, {@code x · scale + shift}: model outputs back in the units of the raw targets. */
    public INDArray invert(INDArray x) {
        requireWidth(x);
        return x.mulRowVector(row(scale, x)).addiRowVector(row(shift, x));
    }

    private void requireWidth(INDArray x) {
        if (x.rank() != 2 || x.columns() != shift.length) {
            throw new IllegalArgumentException("the " + kind + " scaler takes " + shift.length + " columns, was given "
                    + Shapes.describe(x));
        }
    }

    private static INDArray row(double[] values, INDArray like) {
        return Nd4j.createFromArray(new double[][] {values}).castTo(like.dataType());
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s scaler over %d columns", kind, shift.length);
    }
}
