package dev.scratchnet;

import dev.scratchnet.arithmetic.Arithmetic;
import dev.scratchnet.internal.Checks;
import dev.scratchnet.runtime.TableColumns;
import dev.scratchnet.runtime.TableNotes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link Network}'s read-only answers — {@code predict}, {@code predictRows}, {@code loss},
 * {@code evaluate} — and the way raw data passes the preprocessing around the layers: rows by column
 * name through the table's encoding, raw inputs through the input scaler, outputs back through the
 * target scaler's inverse. It touches no state, so many threads may use it.
 */
final class NetworkPredictions {

    private final Arithmetic arithmetic;
    private final NetworkInputs inputs;
    private final DataType dataType;
    private final int nIn;
    /** Rescaling of raw inputs, and of raw targets (whose inverse turns outputs back), or null. */
    private final Scaler scaler;
    private final Scaler targetScaler;
    /** A table's encoding of rows by column name, or null; else the input columns' names, maybe none. */
    private final TableColumns table;
    private final List<String> inputNames;

    NetworkPredictions(Arithmetic arithmetic, NetworkInputs inputs, DataType dataType, int nIn,
            Preprocessing preprocessing) {
        this.arithmetic = arithmetic;
        this.inputs = inputs;
        this.dataType = dataType;
        this.nIn = nIn;
        this.scaler = preprocessing.scaler();
        this.targetScaler = preprocessing.targetScaler();
        this.table = preprocessing.table();
        this.inputNames = preprocessing.inputNames();
    }

    /** As {@link Network#predict}. */
    INDArray predict(INDArray x) {
        if (x != null && x.rank() == 2 && x.length() > 0 && x.dataType() == dataType && x.columns() == nIn) {
            // the common case in one pass: the backend checks inputs and outputs as it goes
            Optional<INDArray> p = arithmetic.predictIfFinite(scaler == null ? x : scaler.apply(x));
            if (p.isPresent()) {
                return inTargetUnits(p.get());
            }
        }
        // anything else, including every bad input, takes the checks that explain what is wrong
        Checks.allFinite("input", Checks.matrix("input", x));
        return inTargetUnits(inputs.finiteOutputs(outputs(x), x, "output"));
    }

    /** As {@link Network#predictRows}: each row encoded by the table (or read by the input names), then predicted. */
    INDArray predictRows(List<? extends Map<String, ?>> rows, TableNotes notes) {
        Checks.notNull("rows", rows);
        Checks.notNull("notes", notes);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("rows must hold at least one row");
        }
        if (table == null && inputNames.isEmpty()) {
            throw new IllegalStateException("the network names no input columns; give rows as an array [n, " + nIn
                    + "] to predict(INDArray)");
        }
        double[][] encoded = new double[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
            Map<String, ?> row = Checks.notNull("row", rows.get(i));
            encoded[i] = table != null ? table.encode(row, notes) : TableColumns.numbers(inputNames, row);
        }
        return predict(Nd4j.createFromArray(encoded).castTo(dataType));
    }

    /**
     * The outputs as training sees them — after the input scaler, before the target scaler's inverse —
     * for raw inputs checked for NaN and infinity already.
     */
    INDArray outputs(INDArray x) {
        INDArray input = inputs.input(x);
        return arithmetic.predict(scaler == null ? input : scaler.apply(input));
    }

    /** As {@link Network#loss}. */
    double loss(DataSet data, Loss loss) {
        inputs.checkLoss(data, loss);
        // a DataSet's values were checked for NaN and infinity when it was made
        INDArray p = inputs.finiteOutputs(outputs(data.features()), data.features(), "output");
        INDArray targets = data.targets().castTo(dataType);
        return arithmetic.loss(loss, p, targetScaler == null ? targets : targetScaler.apply(targets));
    }

    /** As {@link Network#evaluate}. */
    Evaluation evaluate(DataSet data) {
        inputs.checkEvaluate(data);
        return Evaluation.of(data.targets(),
                inTargetUnits(inputs.finiteOutputs(outputs(data.features()), data.features(), "output")));
    }

    /** Outputs in the units of the raw targets: the target scaler's inverse, when there is one. */
    private INDArray inTargetUnits(INDArray outputs) {
        return targetScaler == null ? outputs : targetScaler.invert(outputs);
    }
}
