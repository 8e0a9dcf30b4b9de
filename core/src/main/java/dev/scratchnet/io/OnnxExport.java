package dev.scratchnet.io;

import dev.scratchnet.Activation;
import dev.scratchnet.Layer;
import dev.scratchnet.Network;
import dev.scratchnet.Scaler;
import dev.scratchnet.kernels.OnnxGraph;
import dev.scratchnet.ops.ActivationOp;
import dev.scratchnet.ops.OpTable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
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
 *   dense{k}.{op}  the activation's nodes, writing dense{k}.a, or "output" for the last layer: one
 *                  node (Relu, LeakyRelu with alpha, Sigmoid, Tanh, Softmax with axis 1, Identity,
 *                  Softplus) or a few with scalar initializers dense{k}.{name} (GELU from Mul, Erf,
 *                  Add; SiLU from Sigmoid and Mul; leaky ReLU and softplus in float64 from operators
 *                  ONNX Runtime implements in float64), as the op table's ActivationFacts spells them
 *   output         graph output [batch, nOut]
 *   inputs.shift, inputs.scale     with an input scaler: nodes inputs.sub and inputs.div give
 *                                  (input − shift) / scale, which the first layer reads
 *   targets.scale, targets.shift   with a target scaler: nodes targets.mul and targets.add give
 *                                  output = outputs · scale + shift, in the targets' units
 * </pre>
 * A table model of number columns takes one value per column, NaN where a cell is missing, and
 * fills it in first ({@link OnnxTable}); one with text columns is refused. The file carries the
 * producer's name and version and the class and input names ({@link OnnxMetadata}).
 * The protobuf messages are the ONNX classes ND4J ships for its own ONNX import ({@code onnx.Onnx},
 * generated from onnx.proto of IR version 7), so export adds no dependency to the core; see the
 * README's "Deploy". A LeakyRelu's alpha is a float32 attribute in ONNX, whatever the network's type.
 * ONNX Runtime implements Erf for float32 only, so a float64 GELU computes its erf in float32.
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
     *                               your own), naming the layer and the activation, or when the
     *                               model one-hot encodes text columns, naming them
     */
    public static byte[] model(Network network) {
        boolean isDouble = network.dataType() == DataType.DOUBLE;
        TensorProto.DataType elementType = isDouble ? TensorProto.DataType.DOUBLE : TensorProto.DataType.FLOAT;
        network.table().ifPresent(OnnxTable::requireNumbers);
        int inputWidth = network.table().map(table -> table.columns().size()).orElse(network.nIn());
        GraphProto.Builder graph = GraphProto.newBuilder().setName("scratchnet")
                .addInput(valueInfo(INPUT, elementType, inputWidth))
                .addOutput(valueInfo(OUTPUT, elementType, network.nOut()));
        String previous = network.table().isPresent()
                ? OnnxTable.addEncoding(graph, network.table().get(), elementType, INPUT) : INPUT;
        if (network.scaler().isPresent()) {
            // the saved preprocessing as arithmetic nodes: (input − shift) / scale
            Scaler scaler = network.scaler().get();
            graph.addInitializer(tensor("inputs.shift", row(scaler.shift()), elementType, scaler.width()));
            graph.addInitializer(tensor("inputs.scale", row(scaler.scale()), elementType, scaler.width()));
            graph.addNode(node("inputs.sub", "Sub", "inputs.shifted", previous, "inputs.shift"));
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
            addActivation(graph, layer.activation(), k, activated, elementType);
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
        return OnnxMetadata.addTo(ModelProto.newBuilder(), network)
                .setIrVersion(IR_VERSION)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setGraph(graph)
                .build().toByteArray();
    }

    /** Writes {@code model} (from {@link #model}) to {@code path} under a temporary name, then renames it. */
    public static void write(byte[] model, Path path) throws IOException {
        AtomicFile.write(path, out -> out.write(model));
    }

    /**
     * The nodes that apply layer {@code k}'s activation to {@code dense{k}.z}, writing {@code output}:
     * the op table's ONNX recipe, its local names prefixed with {@code dense{k}.}.
     */
    private static void addActivation(GraphProto.Builder graph, Activation activation, int k, String output,
                                      TensorProto.DataType elementType) {
        ActivationOp op = OpTable.of(activation).orElseThrow(() -> new IllegalStateException("dense layer " + (k + 1)
                + " has activation '" + activation.name() + "' (" + activation.getClass().getName() + "), which has no"
                + " ONNX operator; export knows " + String.join(", ", OpTable.ACTIVATIONS.stream()
                .map(o -> o.parameter() == null ? o.name() : o.name() + "(" + o.parameter() + ")").toList())));
        String prefix = "dense" + k + ".";
        OnnxGraph recipe = op.facts().onnx().graph(op.parameterOf(activation), elementType == TensorProto.DataType.DOUBLE);
        for (OnnxGraph.Constant constant : recipe.constants()) {
            graph.addInitializer(scalar(prefix + constant.name(), constant.value(), elementType));
        }
        for (OnnxGraph.Node step : recipe.nodes()) {
            NodeProto.Builder node = NodeProto.newBuilder().setName(prefix + step.name()).setOpType(step.operator())
                    .addOutput(local(step.output(), prefix, output));
            for (String input : step.inputs()) {
                node.addInput(local(input, prefix, output));
            }
            step.attributes().forEach((name, value) -> node.addAttribute(value instanceof Integer i
                    ? AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(i)
                    : AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT)
                            .setF(value.floatValue())));
            graph.addNode(node);
        }
    }

    /** A recipe's name in the graph: z is the layer's pre-activation, a its output, the rest the layer's own. */
    private static String local(String name, String prefix, String output) {
        return switch (name) {
            case OnnxGraph.Z -> prefix + "z";
            case OnnxGraph.A -> output;
            default -> prefix + name;
        };
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

    /** A scalar initializer (shape []) of {@code elementType}. */
    private static TensorProto scalar(String name, double value, TensorProto.DataType elementType) {
        byte[] bytes = elementType == TensorProto.DataType.DOUBLE
                ? ByteBuffer.allocate(Double.BYTES).order(ByteOrder.LITTLE_ENDIAN).putDouble(value).array()
                : ByteBuffer.allocate(Float.BYTES).order(ByteOrder.LITTLE_ENDIAN).putFloat((float) value).array();
        return TensorProto.newBuilder().setName(name).setDataType(elementType.getNumber())
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
