package dev.scratchnet.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scratchnet.Activation;
import dev.scratchnet.ops.ActivationOp;
import dev.scratchnet.ops.OpTable;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Activations in {@code model.json}: {@code {"name": "relu"}}, or with a parameter
 * {@code {"name": "leakyRelu", "alpha": 0.01}}; the names and parameters come from the
 * {@link OpTable}. Reading gives back the contract constants themselves ({@code Activation.SOFTMAX},
 * …), so a loaded network takes the same code paths.
 */
final class Activations {

    private Activations() {
    }

    static ObjectNode toJson(Activation activation, int layer, ObjectMapper mapper) {
        Optional<ActivationOp> op = OpTable.of(activation);
        if (op.isEmpty()) {
            throw new IllegalStateException("dense layer " + (layer + 1) + " has activation '" + activation.name() + "' ("
                    + activation.getClass().getName() + "), which a saved model cannot name; expected one of "
                    + constantNames() + " or " + parameterised());
        }
        ObjectNode json = mapper.createObjectNode();
        json.put("name", op.get().name());
        if (op.get().parameter() != null) {
            json.put(op.get().parameter(), op.get().parameterOf().applyAsDouble(activation));
        }
        return json;
    }

    static Activation fromJson(JsonNode json, String where) throws IOException {
        if (json == null || !json.isObject() || !json.path("name").isTextual()) {
            throw new IOException(where + " activation must be an object with a \"name\", was " + json);
        }
        String name = json.get("name").asText();
        Optional<ActivationOp> op = OpTable.activationNamed(name);
        if (op.isEmpty()) {
            throw new IOException(where + " has unknown activation \"" + name + "\"; expected one of "
                    + constantNames() + " or " + String.join(" or ",
                    OpTable.ACTIVATIONS.stream().filter(o -> o.parameter() != null).map(ActivationOp::name).toList()));
        }
        if (op.get().constant() != null) {
            return op.get().constant();
        }
        String parameter = op.get().parameter();
        JsonNode value = json.get(parameter);
        if (value == null || !value.isNumber() || !(value.asDouble() >= 0) || Double.isInfinite(value.asDouble())) {
            throw new IOException(where + " activation " + name + " needs a finite \"" + parameter + "\" >= 0, was "
                    + value);
        }
        return op.get().withParameter().apply(value.asDouble());
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
