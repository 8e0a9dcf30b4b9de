package dev.scratchnet.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.scratchnet.runtime.files.Json;
import dev.scratchnet.runtime.files.JsonWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shared JSON writer lays text out as Jackson did when model files were written with it, byte for
 * byte ({@code ObjectMapper} with {@code INDENT_OUTPUT}), and quotes values in messages as
 * {@code JsonNode.toString()} did, so files and messages keep their bytes.
 */
class JsonWriterTest {

    private static final String TEXT = "{\"format\": \"scratchnet-model\", \"formatVersion\": 2, \"seed\": -9007199254740993,"
            + " \"layers\": [{\"nIn\": 4, \"activation\": {\"name\": \"leakyRelu\", \"alpha\": 0.05}, \"dropout\": 1.0E-4,"
            + " \"empty\": {}, \"none\": [], \"flag\": true, \"nothing\": null}, {\"big\": 1.0E22, \"tiny\": 4.9E-324}],"
            + " \"classNames\": [\"a\\\"b\\\\c\", \"\\u00fcn\\u00ef\\tcode\\n\", \"/x\\u0001\\u001f\\u007f\\b\\f\\r\","
            + " \"\\u65e5\\u672c \\ud83d\\ude00\"], \"nested\": [[1, [2, {}]], {\"k\": [{}]}]}";

    @Test
    void prettyIsWhatJacksonsDefaultPrettyPrinterWrites() throws IOException {
        ObjectMapper jackson = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Object tree = Json.parse(TEXT);

        assertEquals(new String(jackson.writeValueAsBytes(jackson.readTree(TEXT)), StandardCharsets.UTF_8),
                JsonWriter.pretty(tree));
    }

    @Test
    void compactIsWhatJsonNodeToStringWrites() throws IOException {
        ObjectMapper jackson = new ObjectMapper();
        for (Object value : ((Map<?, ?>) Json.parse(TEXT)).values()) {
            assertEquals(jackson.valueToTree(value).toString(), JsonWriter.compact(value));
        }
        assertEquals("null", JsonWriter.compact(null));
        assertEquals("[1,\"x\"]", JsonWriter.compact(List.of(1L, "x")));
    }
}
