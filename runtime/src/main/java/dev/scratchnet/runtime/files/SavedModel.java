package dev.scratchnet.runtime.files;

import dev.scratchnet.runtime.TableColumns;
import java.util.List;

/**
 * What a model file holds, on plain arrays: what {@link ModelFileWriter} writes and
 * {@link ModelFileReader} gives back after every check. The core converts a network to and from
 * it; the runtime predicts from it.
 *
 * @param isDouble   whether the model computes in float64 ({@code "dataType": "float64"}) rather than float32
 * @param seed       the seed the network was built with
 * @param layers     the dense layers, input side first
 * @param inputs     the scaler of the raw inputs (format 2), or null
 * @param targets    the scaler of a regression's targets (format 2), or null
 * @param classNames the classes' names in output order (format 2), or empty
 * @param inputNames the input columns' names (format 2), or empty
 * @param table      a table's encoding of rows by column name (format 3), or null
 */
public record SavedModel(boolean isDouble, long seed, List<Layer> layers, Scaler inputs, Scaler targets,
                         List<String> classNames, List<String> inputNames, TableColumns table) {

    /** Copies the lists. */
    public SavedModel {
        layers = List.copyOf(layers);
        classNames = List.copyOf(classNames);
        inputNames = List.copyOf(inputNames);
    }

    /** {@code float32} or {@code float64}, as model.json and numpy name it. */
    public String dataType() {
        return ModelFileFormat.dataTypeName(isDouble);
    }

    /**
     * One dense layer: {@code a = f(xW + b)}.
     *
     * @param activation  f
     * @param initializer the initializer's name, as model.json records it (not needed to predict)
     * @param weights     W [nIn, nOut]
     * @param bias        b [1, nOut] (or [nOut] in a file written by hand)
     * @param dropout     the inverted-dropout rate after the layer in training, 0 for none
     */
    public record Layer(Activation activation, String initializer, NpyArray weights, NpyArray bias, double dropout) {

        /** Inputs per row: W's rows. */
        public int nIn() {
            return (int) weights.shape()[0];
        }

        /** Outputs per row: W's columns. */
        public int nOut() {
            return (int) weights.shape()[1];
        }
    }

    /**
     * An activation as model.json names it: {@code {"name": "relu"}}, or with its one parameter,
     * {@code {"name": "leakyRelu", "alpha": 0.01}}.
     *
     * @param name      the name, e.g. {@code relu}
     * @param parameter the parameter's name, or null when it takes none
     * @param value     the parameter's value (0 when it takes none)
     */
    public record Activation(String name, String parameter, double value) {
    }

    /**
     * A scaler of format 2: rows become {@code (x − shift) / scale}.
     *
     * @param kind  {@code standardize}, {@code minMax} or {@code factor}
     * @param shift [1, width]
     * @param scale [1, width], none 0
     */
    public record Scaler(String kind, NpyArray shift, NpyArray scale) {
    }
}
