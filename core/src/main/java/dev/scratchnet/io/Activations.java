package dev.scratchnet.io;

import dev.scratchnet.Activation;
import dev.scratchnet.ops.ActivationOp;
import dev.scratchnet.ops.OpTable;
import dev.scratchnet.runtime.files.SavedModel;
import java.util.List;
import java.util.Optional;

/**
 * Activations as model files name them: {@code {"name": "relu"}}, or with a parameter
 * {@code {"name": "leakyRelu", "alpha": 0.01}}; the names and parameters come from the
 * {@link OpTable}. Reading gives back the contract constants themselves ({@code Activation.SOFTMAX},
 * …), so a loaded network takes the same code paths.
 */
final class Activations {

    private Activations() {
    }

    /** How a file names {@code activation}, the activation of dense layer {@code layer} (counting from 0). */
    static SavedModel.Activation saved(Activation activation, int layer) {
        Optional<ActivationOp> op = OpTable.of(activation);
        if (op.isEmpty()) {
            throw new IllegalStateException("dense layer " + (layer + 1) + " has activation '" + activation.name() + "' ("
                    + activation.getClass().getName() + "), which a saved model cannot name; expected one of "
                    + constantNames() + " or " + parameterised());
        }
        String parameter = op.get().parameter();
        return new SavedModel.Activation(op.get().name(), parameter,
                parameter == null ? 0 : op.get().parameterOf().applyAsDouble(activation));
    }

    /**
     * The activation a file names; the reader has checked the name against the kernels, which the
     * op table's names come from.
     */
    static Activation of(SavedModel.Activation saved) {
        ActivationOp op = OpTable.activationNamed(saved.name()).orElseThrow(() -> new IllegalStateException(
                "activation \"" + saved.name() + "\" has a kernel but no entry in the op table"));
        return op.constant() != null ? op.constant() : op.withParameter().apply(saved.value());
    }

    private static List<String> constantNames() {
        return OpTable.ACTIVATIONS.stream().filter(op -> op.constant() != null).map(ActivationOp::name).toList();
    }

    /** The parameterised activations as messages write them, e.g. {@code leakyRelu(alpha)}. */
    private static String parameterised() {
        return String.join(" or ", OpTable.ACTIVATIONS.stream().filter(op -> op.parameter() != null)
                .map(op -> op.name() + "(" + op.parameter() + ")").toList());
    }
}
