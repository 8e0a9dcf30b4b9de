package dev.scratchnet;

import dev.scratchnet.internal.Checks;
import dev.scratchnet.internal.Shapes;
import dev.scratchnet.ops.OpTable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The checks {@link Network}'s public methods make before they touch anything, and the messages
 * they write: widths against the network's, targets a loss can take, values that fit its data type,
 * and outputs that finite inputs overflowed.
 */
final class NetworkInputs {

    private final int nIn;
    private final int nOut;
    private final DataType dataType;

    NetworkInputs(int nIn, int nOut, DataType dataType) {
        this.nIn = nIn;
        this.nOut = nOut;
        this.dataType = dataType;
    }

    /** What {@code fit} checks before any weight changes. */
    void checkFit(DataSet data, Fit fit) {
        Checks.notNull("data", data);
        Checks.notNull("fit", fit);
        requireTargetWidth(data.targets());
        requireInputWidth(data.features());
        requireTargetsFor(fit.loss(), "targets", data.targets());
        Checks.fitsIn("features", data.features(), dataType);
        Checks.fitsIn("targets", data.targets(), dataType);
        fit.validation().ifPresent(validation -> {
            requireTargetsFor(fit.loss(), "validation targets", validation.targets());
            Checks.fitsIn("validation features", validation.features(), dataType);
            Checks.fitsIn("validation targets", validation.targets(), dataType);
        });
    }

    /** What {@code loss} checks; a DataSet's values were checked for NaN and infinity when it was made. */
    void checkLoss(DataSet data, Loss loss) {
        Checks.notNull("data", data);
        Checks.notNull("loss", loss);
        requireTargetWidth(data.targets());
        requireTargetsFor(loss, "targets", data.targets());
        Checks.fitsIn("targets", data.targets(), dataType);
    }

    /** What {@code evaluate} checks. */
    void checkEvaluate(DataSet data) {
        Checks.notNull("data", data);
        requireTargetWidth(data.targets());
    }

    /** Checks {@code x}'s width and returns it in the network's data type. */
    INDArray input(INDArray x) {
        Checks.matrix("input", x);
        requireInputWidth(x);
        return x.dataType() == dataType ? x : Checks.fitsIn("input", x, dataType).castTo(dataType);
    }

    /** Checks one raw input row ({@code [nIn]} or {@code [1, nIn]}) and returns it as a {@code [1, nIn]} matrix. */
    INDArray row(INDArray row) {
        Checks.allFinite("row", Checks.notNull("row", row));
        INDArray x = row.rank() == 1 ? row.reshape(1, row.length()) : row;
        input(x);
        return x;
    }

    /** Checks targets {@code y} for inputs {@code x} and {@code loss}, and returns them in the network's data type. */
    INDArray targets(INDArray x, INDArray y, Loss loss) {
        Checks.matrix("targets", y);
        requireTargetWidth(y);
        if (x != null && x.rank() == 2 && y.rows() != x.rows()) {
            throw new IllegalArgumentException("inputs have " + x.rows() + " rows but targets have " + y.rows());
        }
        INDArray targets = y.dataType() == dataType ? y : Checks.fitsIn("targets", y, dataType).castTo(dataType);
        Checks.allFinite("targets", targets);
        requireTargetsFor(loss, "targets", targets);
        return targets;
    }

    /**
     * {@code p} when it is finite. Finite inputs can still overflow the arithmetic (1e38 times a
     * weight is infinite in float32); rather than hand out NaN, say so, naming {@code what} and where.
     */
    INDArray finiteOutputs(INDArray p, INDArray x, String what) {
        Checks.firstNonFinite(p).ifPresent(element -> {
            String largest = String.format("%.3g", x.amaxNumber().doubleValue());
            String type = dataType == DataType.DOUBLE ? "float64" : "float32";
            throw new IllegalArgumentException(what + " row " + element.row() + " column " + element.column()
                    + " contains " + element.value() + ": the inputs (largest magnitude " + largest + ") overflow "
                    + type + " arithmetic in the network; scale the inputs"
                    + (dataType == DataType.FLOAT ? " or build the network with dataType(DOUBLE)" : ""));
        });
        return p;
    }

    /** Cross-entropy losses take logarithms of probabilities, so their targets must lie in [0, 1]. */
    private static void requireTargetsFor(Loss loss, String name, INDArray targets) {
        if (OpTable.needsProbabilityTargets(loss)) {
            Checks.unitInterval(name, targets, "loss " + loss.name());
        }
    }

    private void requireInputWidth(INDArray x) {
        if (x.columns() != nIn) {
            throw new IllegalArgumentException("input has " + x.columns() + " columns but the network expects nIn = "
                    + nIn + " (shape given " + Shapes.describe(x) + ")");
        }
    }

    private void requireTargetWidth(INDArray y) {
        if (y.columns() != nOut) {
            throw new IllegalArgumentException("targets have " + y.columns() + " columns but the network outputs "
                    + nOut);
        }
    }
}
