package dev.scratchnet.io;

import dev.scratchnet.Network;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;
import onnx.Onnx.ModelProto;
import onnx.Onnx.StringStringEntryProto;

/**
 * What an exported ONNX file says about its maker and its names: {@code producer_name}
 * "scratchnet", {@code producer_version} the project version, and {@code metadata_props}
 * {@code class_names} and {@code input_names}, JSON arrays of strings (each absent when the network
 * has none). The input names are the graph input's columns: a table model's column names, else the
 * network's input names.
 */
final class OnnxMetadata {

    /** The producer name exported files carry. */
    static final String PRODUCER = "scratchnet";

    private OnnxMetadata() {
    }

    /** Sets the producer and the names on {@code model}. */
    static ModelProto.Builder addTo(ModelProto.Builder model, Network network) {
        model.setProducerName(PRODUCER).setProducerVersion(version());
        if (!network.classNames().isEmpty()) {
            model.addMetadataProps(entry("class_names", network.classNames()));
        }
        List<String> inputs = network.table().map(table -> table.names()).orElse(network.inputNames());
        if (!inputs.isEmpty()) {
            model.addMetadataProps(entry("input_names", inputs));
        }
        return model;
    }

    /** The version of scratchnet that wrote the file, from the build (version.properties). */
    static String version() {
        try (InputStream in = OnnxMetadata.class.getResourceAsStream("version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            String version = properties.getProperty("version", "");
            return version.isEmpty() || version.startsWith("$") ? "unknown" : version;
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static StringStringEntryProto entry(String key, List<String> strings) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < strings.size(); i++) {
            json.append(i == 0 ? "" : ", ").append('"');
            for (char c : strings.get(i).toCharArray()) {
                if (c == '"' || c == '\\') {
                    json.append('\\').append(c);
                } else if (c < 0x20) {
                    json.append(String.format("\\u%04x", (int) c));
                } else {
                    json.append(c);
                }
            }
            json.append('"');
        }
        return StringStringEntryProto.newBuilder().setKey(key).setValue(json.append(']').toString()).build();
    }
}
