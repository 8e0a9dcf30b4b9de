package dev.scratchnet.io;

import dev.scratchnet.Activation;
import dev.scratchnet.Layer;
import dev.scratchnet.Network;
import dev.scratchnet.Scaler;
import dev.scratchnet.activations.LeakyRelu;
import dev.scratchnet.ops.ActivationOp;
import dev.scratchnet.ops.OpTable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Optional;
import onnx.Onnx.AttributeProto;
import onnx.Onnx.GraphProto;
import onnx.Onnx.ModelProto;
import onnx.Onnx.NodeProto;
import onnx.Onnx.OperatorSetIdProto;
import onnx.Onnx.TensorProto;
import onnx.Onnx.TensorShapeProto;
import onnx.Onnx.TypeProto;
import onnx.Onnx.ValueInfoProto;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.shade.protobuf.ByteString;

/**
 * Writes a network as an ONNX model: opset {@value #OPSET}, IR version {@value #IR_VERSION} (ONNX
 * 1.8 and later open it), float32 or float64 as the network. Names in the graph:
 * <pre>
 *   input          graph input [batch, nIn]; "batch" is a symbolic dimension
 *   dense{k}.W     initializer, W [nIn, nOut] of dense layer k+1 (the model file's dense{k}.W.npy)
 *   dense{k}.b     initializer, b [nOut] of dense layer k+1
 *   dense{k}.gemm  node Gemm(x, W, b) = x·W + b, writing dense{k}.z
 *   dense{k}.{op}  node of the activation (Relu, LeakyRelu with alpha, Sigmoid, Tanh, Softmax with
 *                  axis 1, Identity), writing dense{k}.a, or "output" for the last layer; in float64,
 *                  leaky ReLU is four nodes instead (see addLeakyReluInArithmetic)
 *   output         graph output [batch, nOut]
 *   inputs.shift, inputs.scale     with an input scaler: nodes inputs.sub and inputs.div give
 *                                  (input − shift) / scale, which the first layer reads
 *   targets.scale, targets.shift   with a target scaler: nodes targets.mul and targets.add give
 *                                  output = outputs · scale + shift, in the targets' units
 * </pre>
 * The protobuf messages are the ONNX classes ND4J ships for its own ONNX import ({@code onnx.Onnx},
 * generated from onnx.proto of IR version 7), so export adds no dependency to the core; see the
 * README's "Deploy". A LeakyRelu's alpha is a float32 attribute in ONNX, whatever the network's type.
 */
public final class OnnxExport {

    /** The operator set the nodes are taken from. */
    public static final int OPSET = 13;
    /** The IR version the file declares: 7, which ONNX 1.8 (opset 13) introduced and every later tool reads. */
    public static final int IR_VERSION = 7;
    /** The graph's input and output names. */
    public static final String INPUT = "input";
    public static final String OUTPUT = "output";

    private static final String BATCH = "batch";

    private OnnxExport() {
    }

    /**
     * The ONNX model of {@code network}, serialised.
     *
     * @throws IllegalStateException when a layer's activation has no ONNX operator (an activation of
     *                               your own), naming the layer and the activation
     */
    public static byte[] model(Network network) {
        boolean isDouble = network.dataType() == DataType.DOUBLE;
        TensorProto.DataType elementType = isDouble ? TensorProto.DataType.DOUBLE : TensorProto.DataType.FLOAT;
        GraphProto.Builder graph = GraphProto.newBuilder().setName("scratchnet")
                .addInput(valueInfo(INPUT, elementType, network.nIn()))
                .addOutput(valueInfo(OUTPUT, elementType, network.nOut()));
        String previous = INPUT;
        if (network.scaler().isPresent()) {
            // the saved preprocessing as arithmetic nodes: (input − shift) / scale
            Scaler scaler = network.scaler().get();
            graph.addInitializer(tensor("inputs.shift", row(scaler.shift()), elementType, scaler.width()));
            graph.addInitializer(tensor("inputs.scale", row(scaler.scale()), elementType, scaler.width()));
            graph.addNode(node("inputs.sub", "Sub", "inputs.shifted", INPUT, "inputs.shift"));
            graph.addNode(node("inputs.div", "Div", "inputs.scaled", "inputs.shifted", "inputs.scale"));
            previous = "inputs.scaled";
        }
        boolean targetScaled = network.targetScaler().isPresent();
        for (int k = 0; k < network.numLayers(); k++) {
            Layer layer = network.layer(k);
            String prefix = "dense" + k;
            graph.addInitializer(tensor(prefix + ".W", layer.weights(), elementType, layer.nIn(), layer.nOut()));
            graph.addInitializer(tensor(prefix + ".b", layer.bias(), elementType, layer.nOut()));
            graph.addNode(NodeProto.newBuilder().setName(prefix + ".gemm").setOpType("Gemm")
                    .addInput(previous).addInput(prefix + ".W").addInput(prefix + ".b").addOutput(prefix + ".z"));
            String activated = k == network.numLayers() - 1 && !targetScaled ? OUTPUT : prefix + ".a";
            if (isDouble && layer.activation() instanceof LeakyRelu leaky) {
                addLeakyReluInArithmetic(graph, leaky.alpha(), prefix, activated);
            } else {
                graph.addNode(activationNode(layer.activation(), k, prefix + ".z", activated));
            }
            previous = activated;
        }
        if (targetScaled) {
            // outputs back in the targets' units: outputs · scale + shift
            Scaler scaler = network.targetScaler().get();
            graph.addInitializer(tensor("targets.scale", row(scaler.scale()), elementType, scaler.width()));
            graph.addInitializer(tensor("targets.shift", row(scaler.shift()), elementType, scaler.width()));
            graph.addNode(node("targets.mul", "Mul", "targets.scaled", previous, "targets.scale"));
            graph.addNode(node("targets.add", "Add", OUTPUT, "targets.scaled", "targets.shift"));
        }
        return ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .setProducerName("scratchnet")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setGraph(graph)
                .build().toByteArray();
    }

    /** Writes {@code model} (from {@link #model}) to {@code path} under a temporary name, then renames it. */
    public static void write(byte[] model, Path path) throws IOException {
        AtomicFile.write(path, out -> out.write(model));
    }

    /** The node that applies layer {@code k}'s activation to {@code input}, by the op table's name. */
    private static NodeProto activationNode(Activation activation, int k, String input, String output) {
        Optional<ActivationOp> op = OpTable.of(activation);
        String name = op.map(ActivationOp::name).orElse("");
        NodeProto.Builder node = NodeProto.newBuilder().addInput(input).addOutput(output);
        switch (name) {
            case "relu" -> node.setOpType("Relu");
            case "tanh" -> node.setOpType("Tanh");
            case "sigmoid" -> node.setOpType("Sigmoid");
            case "identity" -> node.setOpType("Identity");
            case "softmax" -> node.setOpType("Softmax").addAttribute(AttributeProto.newBuilder().setName("axis")
                    .setType(AttributeProto.AttributeType.INT).setI(1));
            case "leakyRelu" -> node.setOpType("LeakyRelu").addAttribute(AttributeProto.newBuilder().setName("alpha")
                    .setType(AttributeProto.AttributeType.FLOAT)
                    .setF((float) op.get().parameterOf().applyAsDouble(activation)));
            default -> throw new IllegalStateException("dense layer " + (k + 1) + " has activation '" + activation.name()
                    + "' (" + activation.getClass().getName() + "), which has no ONNX operator; export knows "
                    + "relu, tanh, sigmoid, identity, softmax and leakyRelu(alpha)");
        }
        return node.setName("dense" + k + "." + name).build();
    }

    /**
     * {@code a = α·z + (1 − α)·Relu(z)}, which is z where z &gt; 0 and α·z elsewhere: LeakyRelu in
     * float64 from Relu, Mul and Add, because ONNX Runtime implements the LeakyRelu operator for
     * float32 only. α and 1 − α are scalar initializers {@code dense{k}.alpha} and
     * {@code dense{k}.oneMinusAlpha}.
     */
    private static void addLeakyReluInArithmetic(GraphProto.Builder graph, double alpha, String prefix, String output) {
        graph.addInitializer(scalar(prefix + ".alpha", alpha));
        graph.addInitializer(scalar(prefix + ".oneMinusAlpha", 1 - alpha));
        graph.addNode(node(prefix + ".relu", "Relu", prefix + ".relu", prefix + ".z"));
        graph.addNode(node(prefix + ".alphaZ", "Mul", prefix + ".alphaZ", prefix + ".z", prefix + ".alpha"));
        graph.addNode(node(prefix + ".restOfRelu", "Mul", prefix + ".restOfRelu", prefix + ".relu",
                prefix + ".oneMinusAlpha"));
        graph.addNode(node(prefix + ".leakyRelu", "Add", output, prefix + ".alphaZ", prefix + ".restOfRelu"));
    }

    private static NodeProto node(String name, String operator, String output, String... inputs) {
        NodeProto.Builder node = NodeProto.newBuilder().setName(name).setOpType(operator).addOutput(output);
        for (String input : inputs) {
            node.addInput(input);
        }
        return node.build();
    }

    private static INDArray row(double[] values) {
        return Nd4j.createFromArray(values);
    }

    /** A float64 scalar initializer (shape []). */
    private static TensorProto scalar(String name, double value) {
        byte[] bytes = ByteBuffer.allocate(Double.BYTES).order(ByteOrder.LITTLE_ENDIAN).putDouble(value).array();
        return TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.DOUBLE.getNumber())
                .setRawData(ByteString.copyFrom(bytes)).build();
    }

    /** A tensor type [batch, width] of {@code elementType}, named {@code name}. */
    private static ValueInfoProto valueInfo(String name, TensorProto.DataType elementType, int width) {
        TensorShapeProto shape = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam(BATCH))
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(width))
                .build();
        TypeProto type = TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder()
                .setElemType(elementType.getNumber()).setShape(shape)).build();
        return ValueInfoProto.newBuilder().setName(name).setType(type).build();
    }

    /** An initializer holding {@code values} in C order with shape {@code dims}, as little-endian raw data. */
    private static TensorProto tensor(String name, INDArray values, TensorProto.DataType elementType, long... dims) {
        INDArray flat = values.dup('c').reshape(values.length());
        ByteBuffer bytes;
        if (elementType == TensorProto.DataType.DOUBLE) {
            double[] doubles = flat.toDoubleVector();
            bytes = ByteBuffer.allocate(doubles.length * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            bytes.asDoubleBuffer().put(doubles);
        } else {
            float[] floats = flat.toFloatVector();
            bytes = ByteBuffer.allocate(floats.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            bytes.asFloatBuffer().put(floats);
        }
        TensorProto.Builder tensor = TensorProto.newBuilder().setName(name).setDataType(elementType.getNumber())
                .setRawData(ByteString.copyFrom(bytes.array()));
        for (long dim : dims) {
            tensor.addDims(dim);
        }
        return tensor.build();
    }
}
