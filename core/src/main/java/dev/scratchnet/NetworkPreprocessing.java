package dev.scratchnet;

import dev.scratchnet.runtime.TableColumns;
import java.util.List;
import java.util.Optional;

/**
 * The public accessors of what a {@link Network} knows of raw data around its layers (its
 * {@link Preprocessing}), kept out of {@code Network.java}: {@code Network} extends this class, and
 * javac copies these public methods into it, so they are called and documented there.
 */
abstract class NetworkPreprocessing {

    private final Preprocessing preprocessing;

    NetworkPreprocessing(Preprocessing preprocessing) {
        this.preprocessing = preprocessing;
    }

    /** The scaler applied to raw inputs before the first layer, if the network has one. */
    public Optional<Scaler> scaler() {
        return Optional.ofNullable(preprocessing.scaler());
    }

    /**
     * The scaler of raw targets, if the network has one: {@code fit} trains on scaled targets and {@code predict} and
     * {@code evaluate} turn outputs back into the targets' own units.
     */
    public Optional<Scaler> targetScaler() {
        return Optional.ofNullable(preprocessing.targetScaler());
    }

    /** The classes' names in output order, or an empty list. */
    public List<String> classNames() {
        return preprocessing.classNames();
    }

    /** The input columns' names in input order (a table's header), or an empty list. */
    public List<String> inputNames() {
        return preprocessing.inputNames();
    }

    /**
     * How the network turns a table's rows, by column name, into its input rows (text columns
     * one-hot, missing cells filled in with what the training rows gave), or empty.
     */
    public Optional<TableColumns> table() {
        return Optional.ofNullable(preprocessing.table());
    }
}
