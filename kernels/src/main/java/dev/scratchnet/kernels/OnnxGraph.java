package dev.scratchnet.kernels;

import java.util.List;
import java.util.Map;

/**
 * How an activation is written as ONNX operators (opset 13), without ONNX's classes: scalar
 * constants and nodes whose names are local to one layer. In names, {@code z} is the layer's
 * pre-activation and {@code a} its output; every other name, and every node's name, gets the layer's
 * prefix ({@code dense0.}) when exported. A constant is a scalar of the network's element type.
 *
 * @param constants the scalar initializers the nodes read
 * @param nodes     the nodes, in order
 */
public record OnnxGraph(List<Constant> constants, List<Node> nodes) {

    /** The name of the layer's pre-activation in a recipe. */
    public static final String Z = "z";
    /** The name of the layer's output in a recipe. */
    public static final String A = "a";

    /**
     * One node.
     *
     * @param name       the node's local name
     * @param operator   the ONNX operator, e.g. {@code Relu}
     * @param output     the name it writes
     * @param inputs     the names it reads
     * @param attributes by name: an {@link Integer} is an INT attribute, any other number a FLOAT one
     */
    public record Node(String name, String operator, String output, List<String> inputs,
                       Map<String, Number> attributes) {

        /** A node with attributes. */
        public static Node of(String name, String operator, Map<String, Number> attributes, String output,
                              String... inputs) {
            return new Node(name, operator, output, List.of(inputs), attributes);
        }

        /** A node without attributes. */
        public static Node of(String name, String operator, String output, String... inputs) {
            return of(name, operator, Map.of(), output, inputs);
        }
    }

    /**
     * A scalar initializer.
     *
     * @param name  its local name
     * @param value its value, stored in the network's element type
     */
    public record Constant(String name, double value) {
    }

    /** One operator from z to a, named {@code name}, with the given attributes. */
    public static OnnxGraph single(String name, String operator, Map<String, Number> attributes) {
        return new OnnxGraph(List.of(), List.of(Node.of(name, operator, attributes, A, Z)));
    }

    /** ONNX's data type numbers for float32 and float64 (TensorProto.DataType), for Cast's {@code to}. */
    public static int elementType(boolean float64) {
        return float64 ? 11 : 1;
    }
}
