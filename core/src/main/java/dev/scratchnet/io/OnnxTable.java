package dev.scratchnet.io;

import dev.scratchnet.runtime.TableColumns;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import onnx.Onnx.AttributeProto;
import onnx.Onnx.GraphProto;
import onnx.Onnx.NodeProto;
import onnx.Onnx.TensorProto;
import org.nd4j.shade.protobuf.ByteString;

/**
 * A table model's encoding in an exported ONNX graph, for tables of number columns: the graph takes
 * one value per column, NaN for a missing cell, and fills it in as the model does:
 * <pre>
 *   table.missing   IsNaN(input)                                 [batch, columns], bool
 *   table.filled    Where(table.missing, table.fill, input)      the training medians where missing
 *   table.flags     Cast(table.missing) to the network's type    1 where missing (for indicators)
 *   table.both      Concat(table.filled, table.flags, axis 1)    [batch, 2·columns]
 *   table.encoded   Gather(table.both, table.order, axis 1)      each column's value, then its indicator
 * </pre>
 * The last three only when a column has a missing indicator. Text columns (one-hot over strings)
 * are refused, naming them: the graph's one input is a tensor of numbers.
 */
final class OnnxTable {

    private OnnxTable() {
    }

    /** Fails naming the text columns, when there are some. */
    static void requireNumbers(TableColumns table) {
        List<String> text = table.columns().stream().filter(TableColumns.Column::text)
                .map(column -> "\"" + column.name() + "\"").toList();
        if (!text.isEmpty()) {
            throw new IllegalStateException("ONNX export takes models whose columns are all numbers, but this model "
                    + "one-hot encodes the text column" + (text.size() == 1 ? " " : "s ") + String.join(", ", text)
                    + "; serve the model file with the runtime or ./scratchnet serve, which encode text columns");
        }
    }

    /** Adds the nodes above, reading {@code input}; returns the name of the encoded row. */
    static String addEncoding(GraphProto.Builder graph, TableColumns table, TensorProto.DataType type, String input) {
        requireNumbers(table);
        int columns = table.columns().size();
        double[] fill = table.columns().stream().mapToDouble(TableColumns.Column::fill).toArray();
        graph.addInitializer(values("table.fill", fill, type));
        graph.addNode(node("table.missing", "IsNaN", "table.missing", input));
        graph.addNode(node("table.filled", "Where", "table.filled", "table.missing", "table.fill", input));
        if (table.columns().stream().noneMatch(TableColumns.Column::indicator)) {
            return "table.filled";
        }
        List<Long> order = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            order.add((long) c);
            if (table.columns().get(c).indicator()) {
                order.add((long) (columns + c));
            }
        }
        graph.addNode(NodeProto.newBuilder().setName("table.flags").setOpType("Cast").addInput("table.missing")
                .addOutput("table.flags").addAttribute(AttributeProto.newBuilder().setName("to")
                        .setType(AttributeProto.AttributeType.INT).setI(type.getNumber())));
        graph.addNode(NodeProto.newBuilder().setName("table.both").setOpType("Concat").addInput("table.filled")
                .addInput("table.flags").addOutput("table.both").addAttribute(AttributeProto.newBuilder()
                        .setName("axis").setType(AttributeProto.AttributeType.INT).setI(1)));
        ByteBuffer indexes = ByteBuffer.allocate(order.size() * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        order.forEach(indexes::putLong);
        graph.addInitializer(TensorProto.newBuilder().setName("table.order")
                .setDataType(TensorProto.DataType.INT64.getNumber()).addDims(order.size())
                .setRawData(ByteString.copyFrom(indexes.array())));
        graph.addNode(NodeProto.newBuilder().setName("table.encoded").setOpType("Gather").addInput("table.both")
                .addInput("table.order").addOutput("table.encoded").addAttribute(AttributeProto.newBuilder()
                        .setName("axis").setType(AttributeProto.AttributeType.INT).setI(1)));
        return "table.encoded";
    }

    private static TensorProto values(String name, double[] values, TensorProto.DataType type) {
        ByteBuffer bytes;
        if (type == TensorProto.DataType.DOUBLE) {
            bytes = ByteBuffer.allocate(values.length * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            for (double value : values) {
                bytes.putDouble(value);
            }
        } else {
            bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            for (double value : values) {
                bytes.putFloat((float) value);
            }
        }
        return TensorProto.newBuilder().setName(name).setDataType(type.getNumber()).addDims(values.length)
                .setRawData(ByteString.copyFrom(bytes.array())).build();
    }

    private static NodeProto node(String name, String operator, String output, String... inputs) {
        NodeProto.Builder node = NodeProto.newBuilder().setName(name).setOpType(operator).addOutput(output);
        for (String input : inputs) {
            node.addInput(input);
        }
        return node.build();
    }
}
