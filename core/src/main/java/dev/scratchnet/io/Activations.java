package dev.scratchnet.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scratchnet.Activation;
import dev.scratchnet.activations.LeakyRelu;
import java.io.IOException;
import java.util.List;

/**
 * Activations in {@code model.json}: {@code {"name": "relu"}}, or with parameters
 * {@code {"name": "leakyRelu", "alpha": 0.01}}. Reading gives back the contract constants
 * themselves ({@code Activation.SOFTMAX}, …), so a loaded network takes the same code paths.
 */
final class Activations {

    private static final List<Activation> CONSTANTS = List.of(Activation.SIGMOID, Activation.TANH, Activation.RELU,
            Activation.SOFTMAX, Activation.IDENTITY);
    private static final String LEAKY_RELU = "leakyRelu";

    private Activations() {
    }

    static ObjectNode toJson(Activation activation, int layer, ObjectMapper mapper) {
        ObjectNode json = mapper.createObjectNode();
        if (activation instanceof LeakyRelu leaky) {
            json.put("name", LEAKY_RELU);
            json.put("alpha", leaky.alpha());
            return json;
        }
        if (!CONSTANTS.contains(activation)) {
            throw new IllegalStateException("layer " + layer + " has activation '" + activation.name() + "' ("
                    + activation.getClass().getName() + "), which a saved model cannot name; expected one of "
                    + names() + " or leakyRelu(alpha)");
        }
        return json.put("name", activation.name());
    }

    static Activation fromJson(JsonNode json, String where) throws IOException {
        if (json == null || !json.isObject() || !json.path("name").isTextual()) {
            throw new IOException(where + " activation must be an object with a \"name\", was " + json);
        }
        String name = json.get("name").asText();
        if (LEAKY_RELU.equals(name)) {
            JsonNode alpha = json.get("alpha");
            if (alpha == null || !alpha.isNumber() || !(alpha.asDouble() >= 0) || Double.isInfinite(alpha.asDouble())) {
                throw new IOException(where + " activation leakyRelu needs a finite \"alpha\" >= 0, was " + alpha);
            }
            return Activation.leakyRelu(alpha.asDouble());
        }
        for (Activation constant : CONSTANTS) {
            if (constant.name().equals(name)) {
                return constant;
            }
        }
        throw new IOException(where + " has unknown activation \"" + name + "\"; expected one of " + names()
                + " or leakyRelu");
    }

    private static List<String> names() {
        return CONSTANTS.stream().map(Activation::name).toList();
    }
}
